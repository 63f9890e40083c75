import type { INodeProperties } from 'n8n-workflow';
import { hexColor, required, sendChecked } from '../../../shared/validation';
import type { Show } from '../idLocators';

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
			routing: { send: sendChecked('body', 'name', 'Name', required) },
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
				send: sendChecked('body', 'hexColorCode', 'Color', required, hexColor),
			},
		},
	];
}
