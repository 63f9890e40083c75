import type { INodeProperties } from 'n8n-workflow';
import { outputRecord, outputRecords } from '../../../shared/records';
import { contactBookCall } from '../../api';
import { outputDeleted, outputSavedTag } from '../../outputs';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { tagCreateFields } from './create';
import { tagDeleteFields } from './delete';
import { tagUpdateFields } from './update';

export const tagOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tag'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a tag',
				description: 'Add a tag for grouping contacts',
				routing: contactBookCall('POST', '/contacts/tag', outputRecord('data')),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many tags',
				description: 'Get the tags of the contact book',
				routing: contactBookCall('GET', '/contacts/tag', outputRecords('data')),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a tag',
				description: 'Change the name and color of a tag',
				routing: contactBookCall('PATCH', '/contacts/tag', outputSavedTag),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a tag',
				description: 'Remove a tag from the contact book',
				routing: contactBookCall('DELETE', '/contacts/tag', outputDeleted),
			},
		],
		default: 'create',
	},
	...tagCreateFields,
	...tagUpdateFields,
	...tagDeleteFields,
	...returnAllAndLimit('tag', 'one answer'),
];
