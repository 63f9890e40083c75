import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';
import { isObject, type Provider } from '../shared/providerResponse';

// Every answer carries {success, code, errorMessage}; `success: false` is an error
// whatever the HTTP status (the docs leave open whether errors come as 4xx or 200).
export const chargeworx: Provider = {
	name: 'Chargeworx',
	findError: (body) => {
		if (body.success !== false) return undefined;
		return body.errorMessage ? String(body.errorMessage) : `the request failed (code ${String(body.code ?? 'unknown')})`;
	},
};

// The docs show the default page size (20), not a maximum: pages of 20 are always allowed.
export const chargeworxPageSize = 20;

export const guidPattern = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** The update answers carry no record: the output says which project was changed. */
export async function outputUpdatedProject(this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
	const id = String(this.getNodeParameter('projectId', undefined, { extractValue: true }));
	return [{ json: { id, success: true } }];
}

/** Create answers with the new project's `id` only. */
export async function outputCreatedProject(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = isObject(response.body) ? response.body : {};
	return [{ json: { id: body.id as string, success: true } }];
}

/**
 * The docs say a project's details include its processor credentials. A processor API
 * key is a secret, so it never reaches the output, wherever it sits in the record.
 */
export async function withoutApiKeys(items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return items.map((item) => ({ ...item, json: dropApiKeys(item.json) as IDataObject }));
}

function dropApiKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(dropApiKeys);
	if (!isObject(value)) return value;
	return Object.fromEntries(
		Object.entries(value)
			.filter(([key]) => key.toLowerCase() !== 'apikey')
			.map(([key, inner]) => [key, dropApiKeys(inner)]),
	);
}
