import type { INodeProperties } from 'n8n-workflow';
import { checkProviderResponse } from '../../../shared/providerResponse';
import { outputRecord, outputRecords } from '../../../shared/records';
import { instantpay } from '../../api';
import { outputDeleted, outputSavedTag } from '../../outputs';
import { returnAllAndLimit } from '../returnAllAndLimit';
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
				routing: {
					request: { method: 'POST', url: '/contacts/tag' },
					output: { postReceive: [checkProviderResponse(instantpay), outputRecord('data')] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many tags',
				description: 'Get the tags of the contact book',
				routing: {
					request: { method: 'GET', url: '/contacts/tag' },
					output: { postReceive: [checkProviderResponse(instantpay), outputRecords('data')] },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a tag',
				description: 'Change the name and color of a tag',
				routing: {
					request: { method: 'PATCH', url: '/contacts/tag' },
					output: { postReceive: [checkProviderResponse(instantpay), outputSavedTag] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a tag',
				description: 'Remove a tag from the contact book',
				routing: {
					request: { method: 'DELETE', url: '/contacts/tag' },
					output: { postReceive: [checkProviderResponse(instantpay), outputDeleted] },
				},
			},
		],
		default: 'create',
	},
	...tagCreateFields,
	...tagUpdateFields,
	...tagDeleteFields,
	...returnAllAndLimit('tag'),
];
