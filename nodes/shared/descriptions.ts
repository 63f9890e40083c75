import type { INodeProperties } from 'n8n-workflow';

/**
 * Return All and Limit for a resource's Get Many. Limit also trims the output, for
 * providers that send the whole list at once. For a `paged` list the operation's
 * pagination (runPages) asks page after page, with Return All on or off, and stops at
 * Limit: n8n's engine runs a pagination only where a field sets `send.paginate`.
 */
export function returnAllAndLimit(resource: string, paging: 'paged' | 'one answer'): INodeProperties[] {
	const show = { operation: ['getAll'], resource: [resource] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
			...(paging === 'paged' ? { routing: { send: { paginate: true } } } : {}),
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
