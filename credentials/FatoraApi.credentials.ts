import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeProperties,
} from 'n8n-workflow';
import { isObject } from './shared/isObject';
import { baseUrlFromCredential, resolveBaseUrl } from './shared/baseUrl';

// Test or live mode is a setting of the Fatora account, not another URL.
export const fatoraEnvironments = {
	production: 'https://api.fatora.io/v1',
};

export const fatoraBaseUrl = baseUrlFromCredential(fatoraEnvironments);

/**
 * Fatora's `error` is a string ("Invalid API Key") or an object whose fields the docs
 * do not list: turns either into one readable line.
 */
export function describeFatoraError(error: unknown): string | undefined {
	if (error === undefined || error === null) return undefined;
	if (Array.isArray(error)) return joinParts(error.map(describeFatoraError));
	if (!isObject(error)) return String(error).trim() || undefined;
	const { message, ...details } = error;
	return joinParts([
		describeFatoraError(message),
		...Object.entries(details).map(([key, value]) => {
			const text = describeFatoraError(value);
			return text === undefined ? undefined : `${key}: ${text}`;
		}),
	]);
}

function joinParts(parts: Array<string | undefined>): string | undefined {
	const text = parts.filter((part) => part !== undefined).join('; ');
	return text || undefined;
}

export class FatoraApi implements ICredentialType {
	name = 'fatoraApi';

	displayName = 'Fatora API';

	icon: Icon = { light: 'file:../nodes/Fatora/fatora.svg', dark: 'file:../nodes/Fatora/fatora.dark.svg' };

	documentationUrl = 'https://fatora.io/api/authentication.php';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: fatoraEnvironments.production },
				{ name: 'Custom', value: 'custom', description: 'Another base URL, such as a proxy' },
			],
			default: 'production',
			hint: 'Test or live mode is a setting of your Fatora account (Integration → Settings), not another URL',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: fatoraEnvironments.production,
			description: 'The API address up to and including /v1',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'From the Integration page of your Fatora dashboard',
		},
		// Filled by preAuthentication; n8n fetches a new one when a request gets HTTP 401.
		{
			displayName: 'Bearer Token',
			name: 'bearerToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		// The API key the stored token was issued for. n8n keeps the token when the key is
		// edited, so a token issued for another key must not be sent (see authenticate).
		{
			displayName: 'API Key of the Bearer Token',
			name: 'bearerTokenApiKey',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	// Always asks Fatora: a token kept in this process could be older than the one n8n has
	// stored (in queue mode another worker may have renewed it). Requests of one run that are
	// refused together renew once (nodes/shared/tokenRenewal.ts).
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const apiKey = String(credentials.apiKey ?? '');
		const bearerToken = await fetchBearerToken(this, resolveBaseUrl(credentials, fatoraEnvironments), apiKey);
		return { bearerToken, bearerTokenApiKey: apiKey };
	}

	// A token issued for another API key (the key was edited since) is not sent: Fatora then
	// answers 401 and n8n fetches a token for the current key, as it does when a token expires.
	// Plain code rather than an expression: n8n runs this for every request.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const token = credentials.bearerTokenApiKey === credentials.apiKey ? credentials.bearerToken : '';
		const headers = { ...requestOptions.headers, Authorization: `Bearer ${token}` };
		return { ...requestOptions, headers };
	}

	// A wrong key fails in preAuthentication: n8n fetches a token before this request when none
	// is stored, or after the 401 to a request sent without one (the key was edited).
	test: ICredentialTestRequest = {
		request: {
			baseURL: fatoraBaseUrl,
			url: '/clients',
			method: 'GET',
			qs: { page: 1, page_size: 1 },
			headers: { Accept: 'application/json' },
			// A redirect is never followed: the keys would go along (as in the nodes' redirectPolicy.ts).
			disableFollowRedirect: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 'ERROR',
					message: 'Fatora did not accept the bearer token issued for this API key. Check the key on the Integration page of your Fatora dashboard.',
				},
			},
		],
	};
}

const AUTHORIZE_TIMEOUT_MS = 20_000;

// Client endpoints take a bearer token that Fatora issues for the API key.
async function fetchBearerToken(context: IHttpRequestHelper, baseUrl: string, apiKey: string): Promise<string> {
	// The docs show this call only as a curl without a method, which curl sends as GET.
	const response = (await context.helpers.httpRequest({
		method: 'GET',
		url: `${baseUrl}/Authorization/Authorize`,
		headers: { api_key: apiKey, Accept: 'application/json' },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// A hanging Authorize would otherwise hold the node (and Stop) for good.
		timeout: AUTHORIZE_TIMEOUT_MS,
		// Never followed (as every request of the nodes, see redirectPolicy.ts): the key would go along.
		disableFollowRedirect: true,
	})) as IN8nHttpFullResponse;
	const body = isObject(response.body) ? response.body : {};
	const token = body.bearer_token;
	const failed = String(body.status ?? '').toUpperCase() === 'ERROR' || response.statusCode >= 400;
	if (failed || typeof token !== 'string' || token === '') {
		const reason = describeFatoraError(body.error) ?? describeFatoraError(body.message) ?? 'no bearer token in the answer';
		// Fatora's message is shown as it is, but never the key, should it ever echo it.
		const safeReason = apiKey ? reason.split(apiKey).join('***') : reason;
		throw new Error(
			`Fatora did not issue a bearer token (HTTP ${response.statusCode}): ${safeReason}. Check the API key on the Integration page of your Fatora dashboard.`,
		);
	}
	return token;
}
