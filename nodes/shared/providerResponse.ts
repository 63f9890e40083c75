import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
	PostReceiveAction,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { isObject } from '../../credentials/shared/isObject';
import { checkAnswer } from './answerCheck';

export { isObject };

/** The HTTP answer behind each provider error, for the request runner's retry decisions. */
const answers = new WeakMap<object, { statusCode: number; headers: IDataObject }>();

export function answerBehind(error: unknown): { statusCode: number; headers: IDataObject } | undefined {
	return typeof error === 'object' && error !== null ? answers.get(error) : undefined;
}

/** How a provider reports failure: returns its message when `body` is an error. */
export type ProviderErrorRule = (body: IDataObject, statusCode: number) => string | undefined;

export interface Provider {
	name: string;
	findError: ProviderErrorRule;
	/** Optional: more for the error's description, such as the provider's request reference. */
	describe?: (body: IDataObject, statusCode: number) => string | undefined;
}

/**
 * Throws an n8n error carrying the provider's own message when the answer is an HTTP
 * error or an error the provider sent with HTTP 200.
 */
export function throwIfProviderError(
	node: INode,
	provider: Provider,
	response: IN8nHttpFullResponse,
	itemIndex?: number,
): void {
	const body = isObject(response.body) ? response.body : {};
	const message = provider.findError(body, response.statusCode);
	if (message === undefined && response.statusCode < 400) return;

	const error = new NodeApiError(node, body as JsonObject, {
		message: `${provider.name}: ${message ?? fallbackMessage(response)}`,
		description: [describeStatus(provider.name, response.statusCode), provider.describe?.(body, response.statusCode)]
			.filter(Boolean)
			.join(' '),
		httpCode: String(response.statusCode),
		itemIndex,
	});
	answers.set(error, { statusCode: response.statusCode, headers: (response.headers ?? {}) as IDataObject });
	throw error;
}

/**
 * The postReceive action that checks every answer; it runs before the envelope is unwrapped.
 * It also makes the answer check (a redirect or a page that is not the API's) part of the
 * declarations, so n8n's own engine applies it too (the AI-tool path), not only the runner.
 */
export function checkProviderResponse(provider: Provider): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		checkAnswer(this.getNode(), provider.name, response, this.getItemIndex());
		throwIfProviderError(this.getNode(), provider, response, this.getItemIndex());
		return items;
	};
}

function fallbackMessage(response: IN8nHttpFullResponse): string {
	if (typeof response.body === 'string' && response.body.trim() && response.body.length < 300) {
		return response.body.trim();
	}
	const statusText = response.statusMessage ? ` (${response.statusMessage})` : '';
	return `the request failed with HTTP ${response.statusCode}${statusText}`;
}

function describeStatus(provider: string, statusCode: number): string {
	if (statusCode === 401 || statusCode === 403) {
		return `Check the ${provider} credential: the keys may be wrong, inactive, or for another environment.`;
	}
	if (statusCode === 404) return 'Check the ID: no record with this ID was found.';
	if (statusCode === 429) return `${provider} is limiting how many requests it accepts. Try again later.`;
	if (statusCode >= 500) return `${provider} could not process the request. Try again later.`;
	return `${provider} did not accept the request. Check the values the message mentions.`;
}
