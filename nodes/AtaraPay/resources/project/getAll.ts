import type { INodeProperties } from 'n8n-workflow';

const showOnlyForProjectGetMany = { operation: ['getAll'], resource: ['project'] };

// AtaraPay returns all projects in one answer (no paging is documented): Limit trims it.
export const projectGetManyFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show: showOnlyForProjectGetMany },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...showOnlyForProjectGetMany, returnAll: [false] } },
		routing: { output: { maxResults: '={{ $value }}' } },
	},
];
