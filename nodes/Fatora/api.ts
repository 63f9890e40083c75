import type { IDataObject, INodeExecutionData, PostReceiveAction } from 'n8n-workflow';
import { baseUrlFromCredential } from '../shared/baseUrl';
import { isObject, type Provider } from '../shared/providerResponse';

// Test or live mode is a setting of the Fatora account, not another URL.
export const fatoraEnvironments = {
	production: 'https://api.fatora.io/v1',
};

export const fatoraBaseUrl = baseUrlFromCredential(fatoraEnvironments);

/** Fatora's size for list pages: the only value its docs show (page_size=20). */
export const fatoraPageSize = 20;

/**
 * Fatora's `error` is a string ("Invalid API Key") or an object whose fields the docs
 * do not list: turns either into one readable line.
 */
export function describeFatoraError(error: unknown): string | undefined {
	if (error === undefined || error === null) return undefined;
	if (Array.isArray(error)) return joinParts(error.map(describeFatoraError));
	if (!isObject(error)) return String(error).trim() || undefined;
	const { message, ...details } = error;
	return joinParts([
		describeFatoraError(message),
		...Object.entries(details).map(([key, value]) => {
			const text = describeFatoraError(value);
			return text === undefined ? undefined : `${key}: ${text}`;
		}),
	]);
}

function joinParts(parts: Array<string | undefined>): string | undefined {
	const text = parts.filter((part) => part !== undefined).join('; ');
	return text || undefined;
}

// Errors are {"status":"ERROR","error":...}, whatever the HTTP status; the docs give
// 409 for "a client with the same data as an existing one".
export const fatora: Provider = {
	name: 'Fatora',
	findError: (body, statusCode) => {
		const isError = String(body.status ?? '').toUpperCase() === 'ERROR' || statusCode >= 400;
		if (!isError) return undefined;
		const message = describeFatoraError(body.error) ?? describeFatoraError(body.message);
		if (statusCode === 409) {
			return `A client with the same data already exists${message ? ` (${message})` : ''}`;
		}
		return message ?? (statusCode >= 400 ? undefined : 'unknown error');
	},
};

/**
 * Outputs the client of an answer: newer docs wrap it as {"status","client":{...}},
 * older ones put its fields at the top level next to `status`.
 */
export const outputClient: PostReceiveAction = async function (
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return items.map((item) => {
		if (isObject(item.json.client)) return { json: item.json.client };
		const flat: IDataObject = { ...item.json };
		delete flat.status;
		return { json: flat };
	});
};
