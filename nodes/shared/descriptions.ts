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

/**
 * An Update Fields collection whose options each say, under the field, that an empty
 * value is not sent and that {{ null }} clears it (sendConverted in validation.ts). The
 * editor shows hints under fields, not under a collection. Switches cannot be empty: no hint.
 */
export function withClearHints(collection: INodeProperties): INodeProperties {
	const options = (collection.options ?? []) as INodeProperties[];
	return {
		...collection,
		description: 'Only the fields you add and fill in are sent',
		options: options.map((option) => (option.type === 'boolean' ? option : { ...option, hint: clearHint })),
	};
}

// Hints are shown as HTML: no angle brackets.
const clearHint = 'Left empty, it is not sent and the current value stays. The expression {{ null }} clears it.';
