import type { INodeProperties } from 'n8n-workflow';
import { checkProviderResponse } from '../../../shared/providerResponse';
import { outputRecords } from '../../../shared/records';
import { pageNumberPaging, runPages } from '../../../shared/requestRunner';
import { fatora, fatoraPageSize, outputClient } from '../../api';
import { clientCreateFields } from './create';
import { clientGetFields } from './get';
import { clientGetManyFields } from './getAll';
import { clientUpdateFields } from './update';

// {clientId} is filled in, checked and encoded, by the Client field (idInPath).
const clientUrl = '/clients/{clientId}';
const oneClient = { postReceive: [checkProviderResponse(fatora), outputClient] };

export const clientOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['client'] } },
		options: [
			{
				name: 'Update',
				value: 'update',
				action: 'Update a client',
				description: "Change a client's email, name, phone, address or notes",
				routing: {
					request: { method: 'PUT', url: clientUrl },
					output: oneClient,
				},
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a client',
				description: 'Add a client to your Fatora account',
				routing: {
					request: { method: 'POST', url: '/clients' },
					output: oneClient,
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a client',
				description: 'Get one client by ID',
				routing: {
					request: { method: 'GET', url: clientUrl },
					output: oneClient,
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many clients',
				description: 'List the clients of your Fatora account',
				routing: {
					request: { method: 'GET', url: '/clients' },
					operations: { pagination: runPages(pageNumberPaging('page', 'page_size', fatoraPageSize)) },
					output: { postReceive: [checkProviderResponse(fatora), outputRecords('clients')] },
				},
			},
		],
		default: 'update',
	},
	...clientUpdateFields,
	...clientCreateFields,
	...clientGetFields,
	...clientGetManyFields,
];
