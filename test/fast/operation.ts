// One operation of a node, in-process: the request its `routing` builds for one item's
// parameters (fields at their wire names, then the checks and conversions of preSend),
// and the items an answer becomes (postReceive). The declarations, checks and answer
// rules are the package's own; only the item's execution context is this small object.
// The real-n8n suite (test/e2e) stays the proof that n8n runs them the same way.
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	PostReceiveAction,
} from 'n8n-workflow';
import { NodeHelpers, isResourceLocatorValue } from 'n8n-workflow';
import { planRouting } from '../../nodes/shared/routingRunner';

export interface Operation {
	request: () => Promise<IHttpRequestOptions>;
	answer: (body: unknown, statusCode?: number) => Promise<IDataObject[]>;
}

/** `parameters` are plain values (no expressions), as one item would evaluate them. */
export function operation(nodeType: INodeType, parameters: INodeParameters, timeZone = 'UTC'): Operation {
	const { description } = nodeType;
	const node: INode = { id: 'fast', name: 'Node', type: description.name, typeVersion: 1, position: [0, 0], parameters: {} };
	node.parameters = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description) ?? {};
	const plan = planRouting(description, node);

	const read = (path: string, fallback?: unknown, options?: { extractValue?: boolean }) => {
		const value = path.split('.').reduce<unknown>((at, key) => (at as IDataObject | undefined)?.[key], node.parameters);
		if (value === undefined) return fallback;
		return options?.extractValue && isResourceLocatorValue(value) ? value.value : value;
	};
	const context = {
		getNode: () => node,
		getItemIndex: () => 0,
		getNodeParameter: read,
		getTimezone: () => timeZone,
	} as unknown as IExecuteSingleFunctions;

	return {
		async request() {
			const body: IDataObject = {};
			const qs: IDataObject = {};
			for (const field of plan.fields) {
				if (!field.sendTo) continue;
				const value = read(field.path, undefined, { extractValue: field.extractValue });
				(field.sendTo.where === 'body' ? body : qs)[field.sendTo.property] = value as IDataObject[string];
			}
			let options: IHttpRequestOptions = { ...plan.request, body, qs };
			for (const preSend of plan.preSend) options = await preSend.call(context, options);
			return options;
		},
		async answer(body, statusCode = 200) {
			// As the providers answer: JSON (checkProviderResponse refuses anything else).
			const response = { body, statusCode, headers: { 'content-type': 'application/json' } } as IN8nHttpFullResponse;
			let items: INodeExecutionData[] = [{ json: body as IDataObject }];
			for (const action of plan.postReceive) {
				items = await (action as Exclude<PostReceiveAction, { type: string }>).call(context, items, response);
			}
			return items.map((item) => item.json);
		},
	};
}
