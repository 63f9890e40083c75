import type { IN8nHttpFullResponse, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { refuseRedirect } from './redirectPolicy';

/**
 * Checks that a successful answer is the provider's API speaking: all five APIs answer JSON,
 * so a 2xx answer with another content type (a proxy's or a login page, a wrong Base URL)
 * fails the item instead of becoming output. An empty answer is accepted (nothing to read).
 * Error statuses are left to the provider's error rule, which reads their text. Redirects
 * are refused (see redirectPolicy.ts). Used on every answer the nodes read.
 */
export function checkAnswer(node: INode, provider: string, response: IN8nHttpFullResponse, itemIndex?: number): void {
	refuseRedirect(node, provider, response, itemIndex);
	if (response.statusCode >= 300) return;
	const { body } = response;
	const empty = body === undefined || body === null || body === '';
	const contentType = String(response.headers?.['content-type'] ?? '');
	const isJson = /\bjson\b/i.test(contentType) && typeof body === 'object';
	if (empty || isJson) return;
	// The body itself stays out of the error: it can be megabytes of HTML.
	throw new NodeApiError(node, {}, {
		message: `${provider}: the answer is not from the ${provider} API (HTTP ${response.statusCode}, content type ${
			contentType ? `"${contentType.slice(0, 100)}"` : 'missing'
		})`,
		description: `${provider} answers in JSON; something else answered instead, such as a proxy, a login page or a wrong Base URL. Check the Environment and Base URL of the ${provider} credential.`,
		httpCode: String(response.statusCode),
		itemIndex,
	});
}
