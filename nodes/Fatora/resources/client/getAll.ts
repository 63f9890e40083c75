import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { sendChecked } from '../../../shared/validation';

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
				// Empty means unset: an empty filter is not sent (sendChecked).
				routing: { send: sendChecked('query', 'email', 'Email') },
			},
			{
				displayName: 'Keyword',
				name: 'keyword',
				type: 'string',
				default: '',
				description: 'Only clients that match this search text',
				routing: { send: sendChecked('query', 'keyword', 'Keyword') },
			},
		],
	},
];
