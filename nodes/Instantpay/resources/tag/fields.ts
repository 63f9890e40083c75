import type { INodeProperties } from 'n8n-workflow';
import { hexColor, required, validate } from '../../../shared/validation';

type Show = { operation: string[]; resource: string[] };

export function tagIdField(show: Show, description: string): INodeProperties {
	return {
		displayName: 'Tag',
		name: 'tagId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTags', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 645381c92c8e9e093406ccb2' },
		],
		routing: { send: { type: 'body', property: 'tagId', preSend: [validate('tagId', 'Tag', required)] } },
	};
}

/** Name and color: both mandatory on Add and Update Tag. */
export function tagDetailFields(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			description: 'Name of the tag',
			displayOptions: { show },
			routing: { send: { type: 'body', property: 'name', preSend: [validate('name', 'Name', required)] } },
		},
		{
			displayName: 'Color',
			name: 'hexColorCode',
			type: 'color',
			default: '',
			placeholder: '#FF1934',
			required: true,
			description: 'Color of the tag, as #RRGGBB',
			displayOptions: { show },
			routing: {
				send: {
					type: 'body',
					property: 'hexColorCode',
					preSend: [validate('hexColorCode', 'Color', required, hexColor)],
				},
			},
		},
	];
}
