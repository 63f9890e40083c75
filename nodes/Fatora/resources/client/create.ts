import type { INodeProperties } from 'n8n-workflow';
import { email, required, sendChecked } from '../../../shared/validation';
import { addressOption, notesOption, phoneOption } from './fields';

const showOnlyForClientCreate = { operation: ['create'], resource: ['client'] };

// Fatora's docs mark no field of Create as required; a client without a name is of little use.
export const clientCreateFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		description: "The client's full name",
		displayOptions: { show: showOnlyForClientCreate },
		routing: {
			send: sendChecked('body', 'name', 'Name', required),
		},
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForClientCreate },
		options: [
			addressOption,
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: "The client's email address",
				routing: {
					send: sendChecked('body', 'email', 'Email', email),
				},
			},
			notesOption,
			phoneOption,
		],
	},
];
