import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Every request of every node goes through here (n8n's declarative engine calls a
 * node's `requestOperations.pagination` hook for each item whose routing sets
 * `paginate`, which `sendThroughRequestRunner` does for all operations). The routing
 * still builds the request; this decides how it is sent, and links each output item
 * to the input item it came from.
 */
export async function runRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const items = await this.makeRoutingRequest(requestData);
	const item = this.getItemIndex();
	return items.map((output) => ({ ...output, pairedItem: { item } }));
}

/** Put first in a node's properties: routes all its requests through `runRequest`. */
export const sendThroughRequestRunner: INodeProperties = {
	displayName: 'Request Runner',
	name: 'requestRunner',
	type: 'hidden',
	default: true,
	routing: { send: { paginate: true } },
};
