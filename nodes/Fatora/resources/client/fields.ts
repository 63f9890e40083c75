import type { INodeProperties } from 'n8n-workflow';
import { idInPath, sendChecked } from '../../../shared/validation';

/** The client picker of the operations that address one client (its ID goes in the URL path). */
export function clientIdField(operation: string, description: string): INodeProperties {
	return {
		displayName: 'Client',
		name: 'clientId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		displayOptions: { show: { operation: [operation], resource: ['client'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchClients', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1024',
			},
		],
		routing: { send: { preSend: [idInPath('clientId', 'Client')] } },
	};
}

// The optional client fields of Update Fields and Additional Fields, sent under the same keys.
export const addressOption: INodeProperties = {
	displayName: 'Address',
	name: 'address',
	type: 'string',
	default: '',
	description: "The client's address",
	routing: { send: sendChecked('body', 'address', 'Address') },
};

export const notesOption: INodeProperties = {
	displayName: 'Notes',
	name: 'notes',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	description: 'Additional information about the client',
	routing: { send: sendChecked('body', 'notes', 'Notes') },
};

export const phoneOption: INodeProperties = {
	displayName: 'Phone',
	name: 'phone',
	type: 'string',
	default: '',
	description: "The client's phone number",
	routing: { send: sendChecked('body', 'phone', 'Phone') },
};
