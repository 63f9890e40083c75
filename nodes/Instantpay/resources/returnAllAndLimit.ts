import type { INodeProperties } from 'n8n-workflow';

// Instantpay's lists come whole in one answer (no paging is documented): Limit trims them.
export function returnAllAndLimit(resource: string): INodeProperties[] {
	const show = { operation: ['getAll'], resource: [resource] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
			routing: { output: { maxResults: '={{ $value }}' } },
		},
	];
}
