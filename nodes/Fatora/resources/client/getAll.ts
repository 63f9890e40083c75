import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../../shared/descriptions';

const showOnlyForClientGetMany = { operation: ['getAll'], resource: ['client'] };

// Paging (page, page_size) is done by the operation's runPages, which reads Return All and Limit.
export const clientGetManyFields: INodeProperties[] = [
	...returnAllAndLimit('client', 'paged'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showOnlyForClientGetMany },
		options: [
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Only clients with this email address',
				routing: { send: { type: 'query', property: 'email' } },
			},
			{
				displayName: 'Keyword',
				name: 'keyword',
				type: 'string',
				default: '',
				description: 'Only clients that match this search text',
				routing: { send: { type: 'query', property: 'keyword' } },
			},
		],
	},
];
