import type { INodeProperties } from 'n8n-workflow';
import { checkProviderResponse } from '../../../shared/providerResponse';
import { outputRecord } from '../../../shared/records';
import { apipagos } from '../../api';
import { contractGetFields } from './get';
import { contractUpdateFields } from './update';
import { contractUpdateManyFields } from './updateMany';

export const contractOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contract'] } },
		options: [
			{
				name: 'Update',
				value: 'update',
				action: 'Update a contract',
				description: 'Change the users, status, title, description or expiry of one contract',
				routing: {
					request: {
						method: 'PATCH',
						url: '/contracts/{contractCode}',
					},
					output: { postReceive: [checkProviderResponse(apipagos), outputRecord('data')] },
				},
			},
			{
				name: 'Update Many',
				value: 'updateMany',
				action: 'Update many contracts',
				description: 'Change several contracts in one request, one contract per input item',
				// Runs as a custom operation (updateManyContracts): one request for all items.
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a contract',
				description: 'Get a contract by its code or numeric ID',
				routing: {
					request: {
						method: 'GET',
						url: '/contracts/{contractCode}',
					},
					output: { postReceive: [checkProviderResponse(apipagos), outputRecord('data')] },
				},
			},
		],
		default: 'update',
	},
	...contractUpdateFields,
	...contractUpdateManyFields,
	...contractGetFields,
];
