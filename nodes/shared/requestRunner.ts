import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { ADAPTIVE_MAX_CONCURRENCY } from './concurrencyLimit';
import { RequestPace } from './requestPace';
import { answerBehind } from './providerResponse';

/**
 * How requests are sent: at a pace shared by all items of a node execution (RequestPace),
 * retried on 429 (always: nothing was done) and on 502/503/504, dropped connections and
 * timeouts (only when safe to repeat), with a timeout per attempt, and explained when
 * the attempts run out.
 */

type RequestData = DeclarativeRestApiSettings.ResultOptions;

// With 15% of answers failing at random, 8 attempts leave about one item in four million failed.
export const DEFAULT_MAX_ATTEMPTS = 8;
// What Max Concurrent Requests shows when added: the fixed limit of earlier versions.
const SUGGESTED_MAX_CONCURRENCY = 10;
export const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_WAIT_MS = 60_000;

/**
 * The node's own options, merged by n8n into its "Request Options" collection (beside
 * n8n's Batching, Ignore SSL Issues, Proxy and Timeout).
 */
export const requestOptions: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	isNodeSetting: true,
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 20 },
			default: DEFAULT_MAX_ATTEMPTS,
			description:
				'How often to try a request that is rate-limited (429) or, for requests that are safe to repeat, that meets a 502/503/504, a dropped connection or a timeout. Creates are never sent twice.',
		},
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: ADAPTIVE_MAX_CONCURRENCY },
			default: SUGGESTED_MAX_CONCURRENCY,
			description: `The most requests this node has in flight at once. Without this option the node finds how many the provider handles well (at most ${ADAPTIVE_MAX_CONCURRENCY}); with it, never more than this.`,
		},
	],
};

/**
 * What n8n's Request Options Ignore SSL Issues and Proxy make of every request of a run.
 * A proxy that is not a URL stops the node before anything is sent.
 */
export function requestSettings(
	node: INode,
	{ allowUnauthorizedCerts, proxy }: { allowUnauthorizedCerts?: unknown; proxy?: unknown },
): Partial<IHttpRequestOptions> {
	const settings: Partial<IHttpRequestOptions> = {};
	if (allowUnauthorizedCerts) settings.skipSslCertificateValidation = true;
	if (typeof proxy === 'string' && proxy) settings.proxy = proxyOf(node, proxy);
	return settings;
}

function proxyOf(node: INode, proxy: string): IHttpRequestOptions['proxy'] {
	let url: URL;
	try {
		url = new URL(proxy.includes('://') ? proxy : `http://${proxy}`);
	} catch {
		throw new NodeOperationError(node, 'The proxy is not valid', {
			description: 'Enter the proxy under Request Options as a URL, such as http://user:password@proxy.example.com:3128.',
		});
	}
	return {
		host: url.hostname,
		port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
		protocol: url.protocol.replace(/:$/, ''),
		...(url.username ? { auth: { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } } : {}),
	};
}

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
 * Return All is off. Each page's records come from the operation's postReceive actions;
 * each page is paced and retried like any request (`makeRoutingRequest` does it).
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
			const page = await this.makeRoutingRequest({ ...requestData, options });
			// A provider that ignores the paging parameters would otherwise be asked forever.
			const thisPage = JSON.stringify(page);
			if (page.length === 0 || thisPage === previousPage) break;
			records.push(...page);
			if (page.length < size) break;
			previousPage = thisPage;
		}
		return records.slice(0, max);
	};
}

/**
 * The pace and limits one node execution's requests share, from the node's Request
 * Options (read once: each read costs n8n a deep copy). `stop()` ends the run: no request
 * starts after it and every wait ends at once; requests already sent still get their answer.
 */
export interface RequestRun {
	pace: RequestPace;
	/** The most requests in flight: Max Concurrent Requests, or the adaptive limit's maximum. */
	ceiling: number;
	maxAttempts: number;
	timeoutMs: number;
	stopped: AbortSignal;
	stop: () => void;
	/** Without Continue On Fail, a failed request stops the run before its slot is given to the next. */
	stopOnFailure: boolean;
}

/**
 * Checks the options and starts the run. `cancelled` is the execution's cancel signal
 * (Stop), when this n8n version has one: it stops the run too.
 */
export function startRequestRun(
	node: INode,
	option: (name: string, fallback: number) => unknown,
	stopOnFailure: boolean,
	cancelled?: AbortSignal,
): RequestRun {
	const ceiling = wholeOption(node, 'Max Concurrent Requests', option('maxConcurrency', ADAPTIVE_MAX_CONCURRENCY));
	const maxAttempts = wholeOption(node, 'Max Attempts', option('maxAttempts', DEFAULT_MAX_ATTEMPTS));
	const timeoutMs = Number(option('timeout', DEFAULT_TIMEOUT_MS));
	const controller = new AbortController();
	if (cancelled?.aborted) controller.abort();
	cancelled?.addEventListener('abort', () => controller.abort(), { once: true });
	return {
		pace: new RequestPace(ceiling, controller.signal),
		ceiling,
		maxAttempts,
		timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : DEFAULT_TIMEOUT_MS,
		stopped: controller.signal,
		stop: () => controller.abort(),
		stopOnFailure,
	};
}

// An expression can give anything: 0 would send nothing and NaN retry forever, silently.
function wholeOption(node: INode, displayName: string, value: unknown): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number === 'number' && Number.isInteger(number) && number >= 1) return number;
	throw new NodeOperationError(node, `"${displayName}" in Request Options must be a whole number of at least 1`, {
		description: `It is ${JSON.stringify(value) ?? String(value)}. Enter a number such as 10, or an expression that gives one.`,
	});
}

/**
 * A preSend action for a request sent as POST that only reads (AtaraPay's Get Many): it is
 * retried, and described on failure, as a read rather than as a create.
 */
const READ = Symbol('read');
export async function sentAsRead(requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	(requestOptions as IHttpRequestOptions & { [READ]?: boolean })[READ] = true;
	return requestOptions;
}

export function isRead(requestOptions: object): boolean {
	return (requestOptions as { [READ]?: boolean })[READ] === true;
}

/** What the retry loop needs to know about where it runs. */
export interface RequestSource {
	run: RequestRun;
	node: INode;
	itemIndex: number;
}

type Failure =
	| { kind: 'rateLimited'; retryAfterMs?: number }
	| { kind: 'unavailable'; status: number; retryAfterMs?: number }
	| { kind: 'dropped' | 'timeout' | 'unreachable' }
	| { kind: 'final' };

/**
 * Sends a request (`attempt`, given the timeout to use) at the node execution's pace,
 * and tries again as this file's header describes. Used for every request: those the
 * routing runner builds, and those of operations that build them in code (Apipagos Update Many).
 */
export async function withRetries<T>(
	source: RequestSource,
	method: string,
	attempt: (timeoutMs: number) => Promise<T>,
	isRead = false,
): Promise<T> {
	const { run } = source;
	const { pace } = run;
	const safeToRepeat = isRead || ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE'].includes(method.toUpperCase());

	for (let attemptNumber = 1; ; attemptNumber++) {
		const round = await pace.acquire(attemptNumber > 1);
		let failure: Failure;
		let lastError: unknown;
		try {
			const result = await attempt(run.timeoutMs);
			pace.release(round, 'ok');
			return result;
		} catch (error) {
			lastError = error;
			failure = classify(error);
		}

		const waitMs =
			'retryAfterMs' in failure && failure.retryAfterMs !== undefined ? failure.retryAfterMs : backoff(attemptNumber);
		// A 429 or a refused connection means nothing was done; other failures may hide a
		// request that was carried out, so only requests that are safe to repeat go again.
		const retryable =
			failure.kind === 'rateLimited' || failure.kind === 'unreachable' || (safeToRepeat && failure.kind !== 'final');
		const failed = !retryable || attemptNumber >= run.maxAttempts;
		// Stopped before the slot is freed, so the request waiting for it is not sent.
		if (failed && run.stopOnFailure) run.stop();
		const congested = failure.kind === 'rateLimited' || failure.kind === 'unavailable';
		pace.release(round, congested ? 'congested' : 'other', waitMs);
		if (failed) throw explain(source, lastError, failure, attemptNumber, run.timeoutMs, retryable);
		await pace.waitToRetry(waitMs);
	}
}

function classify(error: unknown): Failure {
	const answer = answerBehind(error);
	const status = answer?.statusCode ?? Number((error as NodeApiError).httpCode);
	if (status === 429) return { kind: 'rateLimited', retryAfterMs: retryAfter(answer?.headers) };
	if (status === 502 || status === 503 || status === 504) {
		return { kind: 'unavailable', status, retryAfterMs: retryAfter(answer?.headers) };
	}
	if (answer || status) return { kind: 'final' };

	const text = causeChainText(error);
	if (/timeout|timed out|ETIMEDOUT/i.test(text)) return { kind: 'timeout' };
	if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(text)) return { kind: 'unreachable' };
	if (/ECONNRESET|EPIPE|socket hang up|ECONNABORTED|closed unexpectedly|aborted/i.test(text)) return { kind: 'dropped' };
	return { kind: 'final' };
}

/**
 * The codes and messages of an error and its causes. n8n wraps a network error once or
 * more; n8n 1.x may keep its code only as the wrapper's `httpCode` and `messages`.
 */
function causeChainText(error: unknown): string {
	const parts: string[] = [];
	type Wrapped = { code?: unknown; httpCode?: unknown; message?: unknown; messages?: unknown; cause?: unknown };
	let at = error as Wrapped | undefined;
	for (let depth = 0; depth < 5 && typeof at === 'object' && at !== null; depth++) {
		const messages = Array.isArray(at.messages) ? at.messages : [];
		parts.push(String(at.code ?? ''), String(at.httpCode ?? ''), String(at.message ?? ''), ...messages.map(String));
		at = at.cause as Wrapped | undefined;
	}
	return parts.join(' ');
}

/** Retry-After in seconds or as an HTTP date, capped at a minute. */
export function retryAfter(headers?: IDataObject): number | undefined {
	const value = headers?.['retry-after'];
	if (value === undefined || value === null || value === '') return undefined;
	const seconds = Number(value);
	const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(String(value)) - Date.now();
	return Number.isFinite(ms) ? Math.min(MAX_WAIT_MS, Math.max(0, ms)) : undefined;
}

/** Exponential backoff with full jitter: about 1 s, 2 s, 4 s... capped at a minute. */
export function backoff(attempt: number): number {
	const ceiling = Math.min(MAX_WAIT_MS, 1000 * 2 ** (attempt - 1));
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

function explain(
	source: RequestSource,
	error: unknown,
	failure: Failure,
	attempts: number,
	timeoutMs: number,
	retried: boolean,
): unknown {
	// Nothing was tried again: the provider's own error says it best.
	if (failure.kind === 'final' || (retried && attempts === 1)) return error;
	const provider = providerLabel(source.node);
	const original = error instanceof Error ? error.message : String(error);
	const answer = answerBehind(error);
	const httpCode = answer ? String(answer.statusCode) : undefined;
	const { itemIndex, node } = source;
	if (!retried) {
		return new NodeApiError(node, { message: original }, {
			message: original,
			description: `This request creates a record, so it was not sent again: check in ${provider} whether it was created before you run it again.`,
			httpCode,
			itemIndex,
		});
	}
	const tries = `${attempts} attempts`;
	const messages: Record<Failure['kind'], string> = {
		rateLimited: `${provider} kept rate-limiting this request: ${tries}${
			'retryAfterMs' in failure && failure.retryAfterMs !== undefined
				? `, last Retry-After ${Math.round(failure.retryAfterMs / 1000)} s`
				: ''
		}`,
		unavailable: `${provider} stayed unavailable (HTTP ${httpCode}): ${tries}`,
		timeout: `${provider} did not answer within ${Math.round(timeoutMs / 1000)} s: ${tries}`,
		unreachable: `${provider} could not be reached: ${tries}`,
		dropped: `${provider} closed the connection before answering: ${tries}`,
		final: original,
	};
	return new NodeApiError(node, { message: original }, {
		message: messages[failure.kind],
		description: `Last answer: ${original}. Try again later, or raise "Max Attempts" or lower "Max Concurrent Requests" in the node's Request Options.`,
		httpCode,
		itemIndex,
	});
}

/** The provider's name for messages, from the node type (e.g. `…instantpay` → "Instantpay"). */
function providerLabel(node: INode): string {
	const type = node.type.split('.').pop() ?? 'The provider';
	return type.charAt(0).toUpperCase() + type.slice(1);
}
