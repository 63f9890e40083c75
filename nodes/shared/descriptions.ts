import type { INodeProperties } from 'n8n-workflow';

/**
 * Return All and Limit for a resource's Get Many. Limit also trims the output, for
 * providers that send the whole list at once; paged lists stop asking at Limit (runPages).
 */
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
