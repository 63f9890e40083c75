import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { resolveBaseUrl, type Environments } from '../../credentials/shared/baseUrl';
import { allowedDomainsOf } from './allowedDomains';
import { checkAnswer } from './answerCheck';
import { noRedirects } from './redirectPolicy';
import { isObject, throwIfProviderError, type Provider } from './providerResponse';

/**
 * "Keep Current Values" of an Update whose API needs fields the user is not changing:
 * the record is read first and each required field the user left empty is filled from
 * it, so the user sets only what changes. Nothing is read when every required field is set.
 */
export interface CurrentValues {
	/** The record, as the error names it: "Project", "Client", "Contact". */
	record: string;
	/** The parameter holding the record's ID (a resource locator). */
	idParameter: string;
	/** Each required body property, and its value in the record (as the user would enter it). */
	fill: Record<string, (record: IDataObject) => unknown>;
	/** The record with this ID, or undefined when there is none. */
	read: (context: IExecuteSingleFunctions, id: string) => Promise<IDataObject | undefined>;
	/** Whether the record is needed even when every required field is set (tags added or removed). */
	alwaysRead?: (context: IExecuteSingleFunctions) => boolean;
	/** Last changes to the body, with the record at hand (tags added to or removed from the current ones). */
	adjust?: (context: IExecuteSingleFunctions, body: IDataObject, record: IDataObject) => void;
}

export const KEEP_CURRENT_VALUES = 'keepCurrentValues';

/** Where the switch is shown: from node version 2 on. */
const fromVersion2 = { '@version': [{ _cnd: { gte: 2 } }] };

const isBlank = (value: unknown) =>
	value === undefined ||
	(typeof value === 'string' && value.trim() === '') ||
	(Array.isArray(value) && value.length === 0);

/**
 * The "Keep Current Values" switch of an Update (node version 2 on, on by default). It sits
 * before the required fields, so its preSend fills them before their own checks run.
 * `whenOff` ends the description's last sentence (what else changes when it is off).
 */
export function keepCurrentValuesField(
	show: IDataObject,
	values: CurrentValues,
	recordName: string,
	whenOff = '',
): INodeProperties {
	return {
		displayName: 'Keep Current Values',
		name: KEEP_CURRENT_VALUES,
		type: 'boolean',
		default: true,
		description: `Whether to fill the required fields you leave empty with the ${recordName}'s current values. The node reads the ${recordName} first (one more request); a change someone else makes between that read and the update is overwritten. Off, the node sends exactly what you set${whenOff}.`,
		displayOptions: { show: { ...show, ...fromVersion2 } },
		routing: { send: { preSend: [fillFromCurrent(values)] } },
	};
}

/**
 * A required field of an Update, declared twice: required as before (node version 1, or
 * Keep Current Values off), and optional when Keep Current Values fills it. The wire name
 * and checks are the same declaration; only `required` and the words differ.
 */
export function requiredOrKept(field: INodeProperties, keptDescription: string): INodeProperties[] {
	const show = field.displayOptions?.show ?? {};
	return [
		{
			...field,
			hint: 'Required on every update: what you enter replaces the current value',
			displayOptions: { show, hide: { [KEEP_CURRENT_VALUES]: [true] } },
		},
		{
			...field,
			required: false,
			description: keptDescription,
			hint: 'Leave empty to keep the current value',
			displayOptions: { show: { ...show, [KEEP_CURRENT_VALUES]: [true] } },
		},
	];
}

function fillFromCurrent(values: CurrentValues): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		if (this.getNodeParameter(KEEP_CURRENT_VALUES, false) !== true) return requestOptions;
		const body = (requestOptions.body ?? {}) as IDataObject;
		const missing = Object.keys(values.fill).filter((property) => isBlank(body[property]));
		if (missing.length === 0 && !values.alwaysRead?.(this)) return requestOptions;

		// A missing ID is reported by the ID field's own check.
		const id = String(this.getNodeParameter(values.idParameter, '', { extractValue: true }) ?? '').trim();
		if (!id) return requestOptions;
		const record = await values.read(this, id);
		if (!record) {
			const itemIndex = this.getItemIndex();
			throw new NodeOperationError(this.getNode(), `${values.record} "${id}" was not found [item ${itemIndex}]`, {
				itemIndex,
				description: `The node reads the ${values.record.toLowerCase()} to keep its current values. Check the ID, or pick the ${values.record.toLowerCase()} from the list.`,
			});
		}
		for (const property of missing) body[property] = values.fill[property](record) as IDataObject[string];
		values.adjust?.(this, body, record);
		requestOptions.body = body;
		return requestOptions;
	};
}

export interface ProviderRead {
	provider: Provider;
	credentialType: string;
	environments: Environments;
	request: IHttpRequestOptions;
}

/**
 * A read for Keep Current Values, through the node's credential: the answer's body, or
 * undefined when the provider answers 404. Other errors (HTTP or in the body) are thrown
 * with the provider's message, as for the node's own requests, and the same answer check
 * applies. Redirects are not followed, so the credential goes nowhere but the provider.
 */
export async function readFromProvider(
	context: IExecuteSingleFunctions,
	read: ProviderRead,
): Promise<IDataObject | undefined> {
	return await afterFirstRead(context, async () => await sendRead(context, read));
}

async function sendRead(context: IExecuteSingleFunctions, read: ProviderRead): Promise<IDataObject | undefined> {
	const credentials = await context.getCredentials(read.credentialType);
	const baseUrl = resolveBaseUrl(credentials, read.environments);
	const response = (await context.helpers.httpRequestWithAuthentication.call(context, read.credentialType, {
		...read.request,
		url: `${baseUrl}${read.request.url}`,
		returnFullResponse: true,
		...allowedDomainsOf(context.getNode(), credentials, baseUrl),
		...noRedirects,
		ignoreHttpStatusErrors: read.request.ignoreHttpStatusErrors ?? { ignore: true, except: [401] },
	})) as IN8nHttpFullResponse;
	// A redirect or a page that is not the API's is an error, not a record that is missing.
	checkAnswer(context.getNode(), read.provider.name, response, context.getItemIndex());
	if (response.statusCode === 404) return undefined;
	throwIfProviderError(context.getNode(), read.provider, response, context.getItemIndex());
	return isObject(response.body) ? response.body : {};
}

// Per execution and node (the latest few executions are kept): the first read, and lists.
const KEPT_EXECUTIONS = 20;
const firstReads = new Map<string, Promise<unknown>>();
const lists = new Map<string, Promise<IDataObject[]>>();

const executionKey = (context: IExecuteSingleFunctions) =>
	`${context.getExecutionId()} ${context.getNode().id ?? context.getNode().name}`;

function keep<T>(map: Map<string, T>, key: string, value: T): void {
	map.set(key, value);
	if (map.size > KEPT_EXECUTIONS) map.delete(map.keys().next().value as string);
}

/**
 * The first read of an execution goes alone; the items' other reads wait for it. A
 * credential without a token yet then fetches one, not one per item sent at once.
 */
async function afterFirstRead<T>(context: IExecuteSingleFunctions, read: () => Promise<T>): Promise<T> {
	const key = executionKey(context);
	const first = firstReads.get(key);
	if (first) {
		await first.catch(() => undefined);
		return await read();
	}
	const reading = read();
	keep(firstReads, key, reading);
	return await reading;
}

/**
 * For providers that can only list records: the list, read once per execution and node,
 * so that many items updating records cost one read, not one each.
 */
export async function listOncePerExecution(
	context: IExecuteSingleFunctions,
	load: () => Promise<IDataObject[]>,
): Promise<IDataObject[]> {
	const key = executionKey(context);
	let list = lists.get(key);
	if (!list) {
		list = load();
		keep(lists, key, list);
		// A failed read is not kept: the next item tries again.
		list.catch(() => lists.delete(key));
	}
	return await list;
}
