import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { isObject } from '../shared/providerResponse';

/** Delete answers `data: null`: n8n's convention is one `{ deleted: true }` per item. */
export async function outputDeleted(items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return items.map(() => ({ json: { deleted: true } }));
}

/** Update Tag answers `data: 1`: output the tag as saved, in the shape Get Many gives. */
export async function outputSavedTag(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return items.map((item) => {
		if (isObject(item.json.data)) return { json: item.json.data };
		const tag: IDataObject = {
			_id: this.getNodeParameter('tagId', '', { extractValue: true }) as string,
			name: this.getNodeParameter('name', '') as string,
			hexColorCode: this.getNodeParameter('hexColorCode', '') as string,
		};
		return { json: tag };
	});
}
