import type { INodeProperties } from 'n8n-workflow';
import { required, sendChecked } from '../../shared/validation';

export type Show = { operation: string[]; resource: string[] };

/** A record picked From List (searchable) or given By ID, sent in the JSON body under its own name. */
function idLocator(
	record: { name: string; displayName: string; searchListMethod: string; example: string },
	show: Show,
	description: string,
): INodeProperties {
	return {
		displayName: record.displayName,
		name: record.name,
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
				typeOptions: { searchListMethod: record.searchListMethod, searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: `e.g. ${record.example}` },
		],
		routing: {
			send: sendChecked('body', record.name, record.displayName, required),
		},
	};
}

export const contactIdField = (show: Show, description: string) =>
	idLocator(
		{ name: 'contactId', displayName: 'Contact', searchListMethod: 'searchContacts', example: '645383ba4acec95a32089822' },
		show,
		description,
	);

export const tagIdField = (show: Show, description: string) =>
	idLocator(
		{ name: 'tagId', displayName: 'Tag', searchListMethod: 'searchTags', example: '645381c92c8e9e093406ccb2' },
		show,
		description,
	);
