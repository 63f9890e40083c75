import type { IDataObject, INodeExecutionData, PostReceiveAction } from 'n8n-workflow';
import { isObject } from './providerResponse';

/**
 * Outputs the records found at `property` of the response body, one item each: an
 * array gives one item per entry, a single object gives one item, nothing gives none.
 */
export function outputRecords(property: string): PostReceiveAction {
	return async function (items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
		return items.flatMap((item) => {
			const value = item.json[property];
			const records = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
			return records.map((record) => ({ json: toJson(record) }));
		});
	};
}

/**
 * Outputs the one record at `property` (one item in, one item out). Values that are
 * not objects are kept under `result`, so the item is never empty or dropped.
 */
export function outputRecord(property: string): PostReceiveAction {
	return async function (items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
		return items.map((item) => ({ json: toJson(item.json[property]) }));
	};
}

function toJson(value: unknown): IDataObject {
	return isObject(value) ? value : { result: value as IDataObject[keyof IDataObject] };
}
