import type { IDataObject, INodeExecutionData, PostReceiveAction } from 'n8n-workflow';
import { describeFatoraError } from '../../credentials/FatoraApi.credentials';
import { isObject, type Provider } from '../shared/providerResponse';

/** Fatora's size for list pages: the only value its docs show (page_size=20). */
export const fatoraPageSize = 20;

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
