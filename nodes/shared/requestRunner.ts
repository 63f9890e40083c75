import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

type RequestData = DeclarativeRestApiSettings.ResultOptions;

/**
 * Every request of every node goes through here: n8n's declarative engine calls a
 * node's `requestOperations.pagination` hook for each item whose routing sets
 * `paginate`, which `sendThroughRequestRunner` does for all operations. The routing
 * still builds the request; this decides how it is sent, and links each output item
 * to the input item it came from.
 */
export async function runRequest(this: IExecutePaginationFunctions, requestData: RequestData): Promise<INodeExecutionData[]> {
	return pairWithInput(this, await send(this, requestData));
}

/** Put first in a node's properties: routes all its requests through `runRequest`. */
export const sendThroughRequestRunner: INodeProperties = {
	displayName: 'Request Runner',
	name: 'requestRunner',
	type: 'hidden',
	default: true,
	routing: { send: { paginate: true } },
};

/** How a provider pages a list: the parameters that ask for page `pageIndex` (0-based) of `size` records. */
export interface Paging {
	in: 'query' | 'body';
	pageSize: number;
	page: (pageIndex: number, size: number) => IDataObject;
}

export function pageNumberPaging(pageParameter: string, sizeParameter: string, pageSize: number, firstPage = 1): Paging {
	return {
		in: 'query',
		pageSize,
		page: (pageIndex, size) => ({ [pageParameter]: firstPage + pageIndex, [sizeParameter]: size }),
	};
}

export function offsetPaging(offsetParameter: string, limitParameter: string, pageSize: number): Paging {
	return {
		in: 'query',
		pageSize,
		page: (pageIndex, size) => ({ [offsetParameter]: pageIndex * size, [limitParameter]: size }),
	};
}

/**
 * For Get Many operations (set as the operation's `routing.operations.pagination`):
 * requests page after page until the list ends, or until Limit records are in when
 * Return All is off. Each page's records come from the operation's postReceive actions.
 */
export function runPages(paging: Paging) {
	return async function (this: IExecutePaginationFunctions, requestData: RequestData): Promise<INodeExecutionData[]> {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const max = returnAll ? Infinity : Number(this.getNodeParameter('limit', 50));
		const size = Math.min(paging.pageSize, max);
		const where = paging.in === 'query' ? 'qs' : 'body';
		const records: INodeExecutionData[] = [];
		let previousPage = '';
		for (let pageIndex = 0; records.length < max; pageIndex++) {
			const options = { ...requestData.options };
			options[where] = { ...(options[where] as IDataObject), ...paging.page(pageIndex, size) };
			const page = await send(this, { ...requestData, options });
			// A provider that ignores the paging parameters would otherwise be asked forever.
			const thisPage = JSON.stringify(page);
			if (page.length === 0 || thisPage === previousPage) break;
			records.push(...page);
			if (page.length < size) break;
			previousPage = thisPage;
		}
		return pairWithInput(this, records.slice(0, max));
	};
}

async function send(context: IExecutePaginationFunctions, requestData: RequestData): Promise<INodeExecutionData[]> {
	return await context.makeRoutingRequest(requestData);
}

function pairWithInput(context: IExecutePaginationFunctions, items: INodeExecutionData[]): INodeExecutionData[] {
	const item = context.getItemIndex();
	return items.map((output) => ({ ...output, pairedItem: { item } }));
}
