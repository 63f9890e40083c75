import type { INodeProperties } from 'n8n-workflow';
import { checkProviderResponse } from '../../../shared/providerResponse';
import { outputRecord, outputRecords } from '../../../shared/records';
import { sentAsRead } from '../../../shared/requestRunner';
import { ataraPay } from '../../api';
import { projectCreateFields } from './create';
import { projectGetManyFields } from './getAll';
import { projectUpdateFields } from './update';

export const projectOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['project'] } },
		options: [
			{
				name: 'Update',
				value: 'update',
				action: 'Update a project',
				description: 'Change the name and description of a milestone-payment project',
				routing: {
					request: {
						method: 'PUT',
						url: '/api/project/updateProject/{projectId}',
					},
					output: { postReceive: [checkProviderResponse(ataraPay), outputRecord('data')] },
				},
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a project',
				description: 'Create a milestone-payment project for a buyer',
				routing: {
					request: { method: 'POST', url: '/api/project/createProject' },
					output: { postReceive: [checkProviderResponse(ataraPay), outputRecord('data')] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many projects',
				description: 'Get the projects of your seller account',
				routing: {
					// AtaraPay's list is a POST, but it only reads: safe to send again.
					request: { method: 'POST', url: '/api/project/getExternalProjects' },
					send: { preSend: [sentAsRead] },
					output: { postReceive: [checkProviderResponse(ataraPay), outputRecords('data')] },
				},
			},
		],
		default: 'update',
	},
	...projectUpdateFields,
	...projectCreateFields,
	...projectGetManyFields,
];
