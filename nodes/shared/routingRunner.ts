import type {
	DeclarativeRestApiSettings,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IExecutePaginationFunctions,
	IGetNodeParameterOptions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
	INodePropertyRouting,
	INodeTypeDescription,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import { NodeApiError, NodeHelpers, NodeOperationError, isResourceLocatorValue } from 'n8n-workflow';
import { baseUrlFromCredential, resolveBaseUrl, type Environments } from '../../credentials/shared/baseUrl';
import { allowedDomainsOf } from './allowedDomains';
import { checkAnswer } from './answerCheck';
import { cancellableWait, RunStopped, stoppedError } from './cancellableWait';
import { noRedirects } from './redirectPolicy';
import { isRead, requestSettings, startRequestRun, withRetries, type RequestRun } from './requestRunner';
import { simpleParameters, type SimpleParameters } from './simpleExpression';
import { sendWithRenewal, type RenewalGate } from './tokenRenewal';

/**
 * Runs a node's `routing` declarations: the field mappings stay in the node description,
 * as n8n's declarative style has them, and this sends them. n8n's own engine
 * (RoutingNode) evaluates each mapped field's expression four times or more per item and
 * starts every item's request at once; this reads each field once per item, reads the
 * credential once per run, and sends through the request runner (pace, retries,
 * timeout), with only a few more items under way than its pace allows requests in flight.
 *
 * It supports the part of `routing` this package uses, and refuses the rest when the
 * node runs (a unit test plans every operation of every node): `request` with static
 * `method` and `url`; `send` with `type`, a static `property` and `preSend`; `output`
 * with function `postReceive` actions and `maxResults` ("={{ $value }}" or a number);
 * `operations.pagination` as a function, run where a field sets `send.paginate: true`. `requestDefaults` must be static, except its
 * `baseURL`, which must be the credential's expression for `environments`: the runner
 * reads the same base URL from the decrypted credential (resolveBaseUrl).
 */
export function routedOperations(
	description: INodeTypeDescription,
	environments: Environments,
): Record<string, Record<string, (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>>> {
	const run = async function (this: IExecuteFunctions) {
		return await runRouting(this, description, environments);
	};
	const operations: Record<string, Record<string, typeof run>> = {};
	for (const property of description.properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		const resources = (property.displayOptions?.show?.resource ?? []) as string[];
		for (const option of (property.options ?? []) as INodePropertyOptions[]) {
			if (!option.routing) continue;
			for (const resource of resources) (operations[resource] ??= {})[String(option.value)] = run;
		}
	}
	return operations;
}

/** What the parameters a node is set up with make of its routing, the same for every item. */
export interface RoutingPlan {
	request: IHttpRequestOptions;
	fields: MappedField[];
	preSend: PreSendAction[];
	postReceive: PostReceiveAction[];
	pagination?: (this: IExecutePaginationFunctions, requestData: RequestData) => Promise<INodeExecutionData[]>;
	/** A field's `send.paginate`: as in n8n's engine, the pagination runs only when it is true. */
	paginate?: boolean;
	maxResults?: number;
}

interface MappedField {
	path: string;
	extractValue: boolean;
	sendTo?: { where: 'body' | 'qs'; property: string };
	isMaxResults?: boolean;
}

type RequestData = DeclarativeRestApiSettings.ResultOptions;

/**
 * The routing of the properties shown for `node`'s parameters, in description order:
 * a shown property with `routing`, the selected option of an `options` property, and the
 * options set in a `collection`, as n8n's RoutingNode visits them.
 */
export function planRouting(description: INodeTypeDescription, node: INode): RoutingPlan {
	// The base URL expression is the credential's; the runner reads the same value in code (requestBase).
	const defaults = { ...description.requestDefaults };
	delete defaults.baseURL;
	const plan: RoutingPlan = {
		request: {
			url: '',
			...staticValues(node, 'requestDefaults', defaults),
		},
		fields: [],
		preSend: [],
		postReceive: [],
	};
	for (const property of description.properties) addProperty(plan, property, '', node, description);
	return plan;
}

function addProperty(
	plan: RoutingPlan,
	property: INodeProperties,
	basePath: string,
	node: INode,
	description: INodeTypeDescription,
): void {
	if (!NodeHelpers.displayParameter(node.parameters, property, node, description, node.parameters)) return;
	const path = basePath ? `${basePath}.${property.name}` : property.name;
	if (property.routing) {
		const extractValue = property.extractValue !== undefined || property.type === 'resourceLocator';
		addRouting(plan, property.routing, node, { path, extractValue });
	}
	const value = NodeHelpers.getParameterValueByPath(node.parameters, property.name, basePath);
	if (property.type === 'options') {
		const selected = ((property.options ?? []) as INodePropertyOptions[]).find((option) => option.value === value);
		if (selected?.routing) addRouting(plan, selected.routing, node);
	} else if (property.type === 'collection') {
		const set = (value ?? {}) as IDataObject;
		for (const option of (property.options ?? []) as INodeProperties[]) {
			if (option.name in set && option.type !== undefined) addProperty(plan, option, path, node, description);
		}
	} else if (property.type === 'fixedCollection' && JSON.stringify(property.options ?? []).includes('"routing"')) {
		throw unsupported(node, path, 'routing inside a fixed collection');
	}
}

function addRouting(plan: RoutingPlan, routing: INodePropertyRouting, node: INode, field?: MappedField): void {
	const where = field?.path ?? 'an option';
	const { request, send, output, operations, ...rest } = routing;
	if (Object.keys(rest).length > 0) throw unsupported(node, where, Object.keys(rest).join(', '));
	if (request) Object.assign(plan.request, staticValues(node, where, request, ['method', 'url']));
	if (send) {
		const { type, property, preSend, paginate, ...other } = send;
		if (Object.keys(other).length > 0) throw unsupported(node, where, `send.${Object.keys(other).join(', send.')}`);
		if (property !== undefined) {
			if (!field || property.startsWith('=') || property.includes('.')) throw unsupported(node, where, 'send.property');
			field.sendTo = { where: type === 'body' ? 'body' : 'qs', property };
		}
		plan.preSend.push(...(preSend ?? []));
		if (paginate !== undefined) {
			if (typeof paginate !== 'boolean') throw unsupported(node, where, 'send.paginate as an expression');
			plan.paginate ??= paginate;
		}
	}
	if (output) {
		const { postReceive, maxResults, ...other } = output;
		if (Object.keys(other).length > 0) throw unsupported(node, where, `output.${Object.keys(other).join(', output.')}`);
		for (const action of postReceive ?? []) {
			if (typeof action !== 'function') throw unsupported(node, where, `postReceive "${action.type}"`);
			plan.postReceive.push(action);
		}
		if (typeof maxResults === 'number') plan.maxResults = maxResults;
		else if (maxResults !== undefined) {
			if (!field || maxResults.replace(/\s/g, '') !== '={{$value}}') throw unsupported(node, where, 'output.maxResults');
			field.isMaxResults = true;
		}
	}
	if (operations) {
		const { pagination, ...other } = operations;
		if (typeof pagination !== 'function' || Object.keys(other).length > 0) throw unsupported(node, where, 'operations');
		plan.pagination = pagination;
	}
	if (field && (field.sendTo || field.isMaxResults)) plan.fields.push(field);
}

function staticValues(node: INode, where: string, values: object, allowed?: string[]): IDataObject {
	for (const [key, value] of Object.entries(values)) {
		if ((allowed && !allowed.includes(key)) || (typeof value === 'string' && value.startsWith('='))) {
			throw unsupported(node, where, `request ${key}`);
		}
	}
	return structuredClone(values) as IDataObject;
}

function unsupported(node: INode, where: string, what: string): NodeOperationError {
	return new NodeOperationError(node, `The routing runner does not support ${what} (in ${where})`, {
		description: 'This is a bug in the node: please report it.',
	});
}

/** n8n's Request Options of a declarative node, and the runner's own (Max Attempts, Max Concurrent Requests). */
interface RequestOptionsParameter {
	batching?: { batch?: { batchSize?: number; batchInterval?: number } };
	proxy?: string;
	allowUnauthorizedCerts?: boolean;
	maxConcurrency?: number;
}

async function runRouting(
	context: IExecuteFunctions,
	description: INodeTypeDescription,
	environments: Environments,
): Promise<INodeExecutionData[][]> {
	const node = context.getNode();
	const items = context.getInputData();
	const plan = planRouting(description, node);
	if (description.requestDefaults?.baseURL !== baseUrlFromCredential(environments)) {
		throw unsupported(node, 'requestDefaults', 'a base URL other than the credential\'s');
	}

	const credentialType = description.credentials?.[0]?.name ?? '';
	const credentials = await context.getCredentials(credentialType);
	const options = context.getNodeParameter('requestOptions', 0, {}) as RequestOptionsParameter & IDataObject;
	const base = requestBase(node, plan.request, credentials, environments, options);
	const credentialsDecrypted = {
		id: node.credentials?.[credentialType]?.id ?? '',
		name: node.credentials?.[credentialType]?.name ?? '',
		type: credentialType,
		data: credentials,
	};
	// Stop (the execution's cancel signal, where this n8n version has one) ends the run's waits.
	const run = startRequestRun(
		node,
		(name, fallback) => options[name] ?? fallback,
		!context.continueOnFail(),
		context.getExecutionCancelSignal?.(),
	);
	const renewal: RenewalGate = {};
	const simple = simpleParameters(description, node);

	const send = async (itemContext: IExecutePaginationFunctions, requestData: RequestData) => {
		const itemIndex = itemContext.getItemIndex();
		const source = { run, node, itemIndex };
		const method = String(requestData.options.method ?? 'GET');
		return await withRetries(
			source,
			method,
			async (timeout) => {
				const requestOptions = { ...requestData.options, timeout } as IHttpRequestOptions;
				const response = await sendWithRenewal(context, credentialType, requestOptions, { credentialsDecrypted }, renewal);
				checkAnswer(node, description.displayName, response, itemIndex);
				return await postReceive(itemContext, plan.postReceive, response);
			},
			isRead(requestData.options),
		);
	};

	const batch = batchStarts(options.batching?.batch, run.stopped);
	const runItem = async (itemIndex: number): Promise<INodeExecutionData[]> => {
		await batch(itemIndex);
		const read = parameterReader(context, itemIndex, node.parameters, items[itemIndex]?.json, simple);
		const itemContext = contextForItem(context, itemIndex, read, send);
		try {
			const requestData = await buildRequest(plan, base, itemContext, read);
			const output =
				plan.pagination && plan.paginate
					? await plan.pagination.call(itemContext, requestData)
					: await itemContext.makeRoutingRequest(requestData);
			const maxResults = requestData.maxResults ?? plan.maxResults;
			const kept = maxResults === undefined ? output : output.slice(0, Number(maxResults));
			return kept.map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
		} catch (error) {
			// Stopped by Stop or by another item's failure: nothing more to say for this item.
			if (error instanceof RunStopped) return [];
			return failedItem(context, run, node, itemIndex, error);
		}
	};

	// Items under way: twice the requests the pace allows in flight now (the next ones are
	// ready when a slot frees, and n8n's event loop is never busy preparing far ahead),
	// plus those waiting out a Retry-After, which do not hold back the items behind them.
	const output = await runEach(items.length, () => 2 * run.pace.concurrency + run.pace.waitingToRetry, runItem, run.stopped);
	if (run.stopped.aborted) {
		// n8n 1.x does not log a node's error once the execution is stopped: say when the run ended.
		context.logger.info(`Node "${node.name}" ended its run after Stop`);
		throw stoppedError(node);
	}
	return [output.flat()];
}

/**
 * Runs `task` for 0..count-1 with at most `parallel()` at a time (asked again as each
 * task ends), keeping the order. The first error stops new tasks from starting and is
 * thrown once the running ones end.
 */
async function runEach<T>(
	count: number,
	parallel: () => number,
	task: (index: number) => Promise<T>,
	cancelled?: AbortSignal,
): Promise<T[]> {
	const results: T[] = new Array<T>(count);
	let next = 0;
	let running = 0;
	let failure: { error: unknown } | undefined;
	return await new Promise<T[]>((resolve, reject) => {
		const startMore = () => {
			while (next < count && !failure && !cancelled?.aborted && running < Math.max(1, parallel())) {
				const index = next++;
				running++;
				task(index)
					.then(
						(result) => {
							results[index] = result;
						},
						(error: unknown) => {
							failure ??= { error };
						},
					)
					.finally(() => {
						running--;
						startMore();
					});
			}
			if (running > 0) return;
			if (failure) reject(failure.error);
			else resolve(results);
		};
		startMore();
	});
}

/** n8n's Batching option: item i starts no sooner than (i / Items per Batch) × Batch Interval. */
function batchStarts(batch: { batchSize?: number; batchInterval?: number } = {}, stopped?: AbortSignal) {
	const size = Number(batch.batchSize) > 0 ? Number(batch.batchSize) : 1;
	const interval = Number(batch.batchInterval) || 0;
	const startedAt = Date.now();
	return async (itemIndex: number) => {
		if (interval <= 0) return;
		const wait = startedAt + Math.floor(itemIndex / size) * interval - Date.now();
		await cancellableWait(wait, stopped);
	};
}

/** The part of every request that is the same for all items: defaults, base URL, n8n's Request Options. */
function requestBase(
	node: INode,
	defaults: IHttpRequestOptions,
	credentials: ICredentialDataDecryptedObject,
	environments: Environments,
	options: RequestOptionsParameter,
): IHttpRequestOptions {
	const baseURL = resolveBaseUrl(credentials, environments);
	return {
		...defaults,
		baseURL,
		...allowedDomainsOf(node, credentials, baseURL),
		...requestSettings(node, options),
		...noRedirects,
	};
}

type ParameterReader = (name: string, fallback?: unknown, options?: IGetNodeParameterOptions) => unknown;

/**
 * An item's parameters, each evaluated once: the runner reads a field to send it, and its
 * checks (preSend) read it again. `extractValue` only changes what a resource locator
 * gives, so other parameters are kept once whichever way they are read. A parameter that
 * only reads a field of the item (`={{ $json.email }}`) is read without n8n's engine
 * (simpleExpression.ts); n8n evaluates the rest.
 */
function parameterReader(
	context: IExecuteFunctions,
	itemIndex: number,
	parameters: INodeParameters,
	json: IDataObject | undefined,
	simple: SimpleParameters,
): ParameterReader {
	const values = new Map<string, unknown>();
	return (name, fallback, options) => {
		const asSetUp = name.split('.').reduce<unknown>((at, key) => (at as IDataObject | undefined)?.[key], parameters);
		const key = options?.extractValue && isResourceLocatorValue(asSetUp) ? `${name} (value)` : name;
		if (!values.has(key)) {
			const onlyExtractValue = Object.keys(options ?? {}).every((option) => option === 'extractValue');
			const read = onlyExtractValue ? simple.read(name, json, options?.extractValue === true) : undefined;
			values.set(key, read ? read.value : context.getNodeParameter(name, itemIndex, fallback as never, options));
		}
		return values.get(key);
	};
}

/** The one-item view of the execution that preSend, postReceive and pagination functions expect. */
function contextForItem(
	context: IExecuteFunctions,
	itemIndex: number,
	read: ParameterReader,
	send: (itemContext: IExecutePaginationFunctions, requestData: RequestData) => Promise<INodeExecutionData[]>,
): IExecutePaginationFunctions {
	const itemContext: IExecutePaginationFunctions = Object.create(context, {
		getItemIndex: { value: () => itemIndex },
		getInputData: { value: () => context.getInputData()[itemIndex] },
		getNodeParameter: { value: read },
		makeRoutingRequest: {
			value: async (requestData: RequestData) => await send(itemContext, requestData),
		},
	});
	return itemContext;
}

async function buildRequest(
	plan: RoutingPlan,
	base: IHttpRequestOptions,
	itemContext: IExecutePaginationFunctions,
	read: ParameterReader,
): Promise<RequestData> {
	const body: IDataObject = {};
	const qs: IDataObject = {};
	let requestOptions: IHttpRequestOptions = {
		...base,
		headers: { ...base.headers },
		body,
		qs,
	};
	let maxResults: number | undefined;
	for (const field of plan.fields) {
		const value = read(field.path, undefined, {
			extractValue: field.extractValue,
		});
		if (field.sendTo) (field.sendTo.where === 'body' ? body : qs)[field.sendTo.property] = value as IDataObject[string];
		if (field.isMaxResults) maxResults = Number(value);
	}
	for (const preSend of plan.preSend) requestOptions = await preSend.call(itemContext, requestOptions);
	return {
		options: requestOptions,
		preSend: [],
		postReceive: [],
		requestOperations: {},
		maxResults,
	};
}

/** The answer as items: through the operation's postReceive actions, or as n8n's engine does without them. */
async function postReceive(
	itemContext: IExecutePaginationFunctions,
	actions: PostReceiveAction[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	// checkAnswer let through JSON or nothing; nothing is an empty record, never a spread string.
	const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as
		| IDataObject
		| IDataObject[];
	let items: INodeExecutionData[] =
		Array.isArray(body) && actions.length === 0 ? body.map((json) => ({ json })) : [{ json: body as IDataObject }];
	for (const action of actions)
		items = await (action as Exclude<PostReceiveAction, { type: string }>).call(itemContext, items, response);
	return items;
}

/**
 * With Continue On Fail, the item's error becomes its output item, linked to its input
 * item (also when n8n sends it to the error output); otherwise the error stops the node,
 * and the run with it: no further request starts (their outputs would be discarded, and
 * a re-run would send them again).
 */
function failedItem(
	context: IExecuteFunctions,
	run: RequestRun,
	node: INode,
	itemIndex: number,
	error: unknown,
): INodeExecutionData[] {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
	nodeError.context.itemIndex ??= itemIndex;
	if (!context.continueOnFail()) {
		run.stop();
		throw nodeError;
	}
	return [
		{
			json: { error: nodeError.message },
			error: nodeError,
			pairedItem: { item: itemIndex },
		},
	];
}
