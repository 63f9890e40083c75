import type { IHttpRequestOptions, IN8nHttpFullResponse, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/**
 * Every request of this package is sent with this: a redirect is never followed, because
 * following one would hand the credential's secrets (headers, AtaraPay's body token, and the
 * bearer token n8n adds again) to whatever host the redirect names.
 */
export const noRedirects: Pick<IHttpRequestOptions, 'disableFollowRedirect'> = { disableFollowRedirect: true };

/** Throws a clear error when the answer is a redirect (3xx), which the request did not follow. */
export function refuseRedirect(node: INode, provider: string, response: IN8nHttpFullResponse, itemIndex?: number): void {
	const { statusCode } = response;
	if (statusCode < 300 || statusCode >= 400) return;
	const location = String(response.headers?.location ?? '').slice(0, 200);
	throw new NodeApiError(node, {}, {
		message: `${provider} answered with a redirect (HTTP ${statusCode}), which the node does not follow`,
		description: `The node never follows redirects, so the credential's keys are not sent to another address${
			location ? ` (this one pointed to ${location})` : ''
		}. Check the Environment and Base URL of the ${provider} credential, and any proxy in between.`,
		httpCode: String(statusCode),
		itemIndex,
	});
}
