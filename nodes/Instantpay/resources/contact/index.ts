import type { INodeProperties } from 'n8n-workflow';
import { outputRecord, outputRecords } from '../../../shared/records';
import { contactBookCall } from '../../api';
import { outputDeleted } from '../../outputs';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { contactCreateFields } from './create';
import { contactDeleteFields } from './delete';
import { contactUpdateFields } from './update';

// All operations share one path; the method chooses the action.
export const contactOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Update',
				value: 'update',
				action: 'Update a contact',
				description: 'Change the name, email, mobile number and tags of a contact',
				routing: contactBookCall('PATCH', '/contacts/profile', outputRecord('data')),
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a contact',
				description: 'Add a contact to the contact book',
				routing: contactBookCall('POST', '/contacts/profile', outputRecord('data')),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a contact',
				description: 'Remove a contact from the contact book',
				routing: contactBookCall('DELETE', '/contacts/profile', outputDeleted),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many contacts',
				description: 'Get the contacts of the contact book',
				routing: contactBookCall('GET', '/contacts/profile', outputRecords('data')),
			},
		],
		default: 'update',
	},
	...contactUpdateFields,
	...contactCreateFields,
	...contactDeleteFields,
	...returnAllAndLimit('contact', 'one answer'),
];
