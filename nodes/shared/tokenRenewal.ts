import type {
	IAdditionalCredentialOptions,
	IAllExecuteFunctions,
	IDataObject,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** Shared by the requests of one run, so that one of them renews a token for all. */
export interface RenewalGate {
	renewing?: Promise<unknown>;
}

/**
 * Sends a request through the credential with every HTTP answer handed back (for the
 * provider's error rule), while a 401 still renews an expiring token.
 *
 * n8n 2.x has `ignoreHttpStatusErrors: { ignore: true, except: [401] }` for that; n8n 1.x
 * reads the option as a boolean, so the object lets the 401 through and the token is never
 * renewed. This sends with `true` (the same on both lines) and, when the answer is 401 and
 * the request asks for renewal (`except` includes 401), sends it again with status errors
 * on: n8n then runs the credential's own renewal (preAuthentication or OAuth2) and sends
 * it once more with the new token. An HTTP error from that is handed back as an answer too.
 * Requests of the run refused while one renews wait for it and go again with its token
 * (n8n 1.x would otherwise fetch a token for each).
 */
export async function sendWithRenewal(
	context: IAllExecuteFunctions,
	credentialType: string,
	options: IHttpRequestOptions,
	additional?: IAdditionalCredentialOptions,
	gate: RenewalGate = {},
): Promise<IN8nHttpFullResponse> {
	const send = async (ignoreHttpStatusErrors: boolean) =>
		(await context.helpers.httpRequestWithAuthentication.call(
			context,
			credentialType,
			{ ...options, returnFullResponse: true, ignoreHttpStatusErrors },
			additional,
		)) as IN8nHttpFullResponse;
	const sendAgain = async () => {
		try {
			return await send(false);
		} catch (error) {
			const answer = httpAnswerOf(error);
			if (answer) return answer;
			// Already n8n's NodeApiError (wrapping returns it as it is).
			throw new NodeApiError(context.getNode(), error as JsonObject);
		}
	};

	const response = await send(true);
	if (response.statusCode !== 401 || !renewsOn401(options.ignoreHttpStatusErrors)) return response;
	if (gate.renewing) {
		await gate.renewing.catch(() => undefined);
		return await sendAgain();
	}
	const renewing = sendAgain();
	gate.renewing = renewing;
	try {
		return await renewing;
	} finally {
		if (gate.renewing === renewing) gate.renewing = undefined;
	}
}

function renewsOn401(ignore: IHttpRequestOptions['ignoreHttpStatusErrors']): boolean {
	return typeof ignore === 'object' && ignore !== null && Array.isArray(ignore.except) && ignore.except.includes(401);
}

/** The HTTP answer inside an error n8n threw (an axios-style `response`, possibly wrapped as its cause). */
function httpAnswerOf(error: unknown): IN8nHttpFullResponse | undefined {
	let at: unknown = error;
	for (let depth = 0; depth < 5 && typeof at === 'object' && at !== null; depth++) {
		const response = (at as { response?: IDataObject }).response;
		if (response && typeof response.status === 'number') {
			return {
				statusCode: response.status,
				body: response.data ?? response.body ?? {},
				headers: (response.headers ?? {}) as IDataObject,
				statusMessage: typeof response.statusText === 'string' ? response.statusText : undefined,
			};
		}
		at = (at as { cause?: unknown }).cause;
	}
	return undefined;
}
