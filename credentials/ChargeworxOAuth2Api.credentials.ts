import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { baseUrlFromCredential, urlFromOwnFields } from './shared/baseUrl';

// From docs.chargeworx.com/deployment/environment-management (API hosts).
export const chargeworxEnvironments = {
	production: 'https://api.chargeworx.com',
	staging: 'https://staging-api.chargeworx.com',
};

export const chargeworxBaseUrl = baseUrlFromCredential(chargeworxEnvironments);

// The authentication page puts the token endpoint on the API host.
export const chargeworxTokenUrl = urlFromOwnFields(chargeworxEnvironments, '/connect/token');

const rejected =
	'Chargeworx did not issue a token for this client ID, secret and scope. Check them, and that the environment is the one the client is registered in.';

/**
 * OAuth2 client credentials (IdentityServer4): n8n fetches a token from
 * `<base>/connect/token` with the client ID and secret in the form body, stores it,
 * reuses it, and fetches a new one when a request answers 401.
 */
export class ChargeworxOAuth2Api implements ICredentialType {
	name = 'chargeworxOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Chargeworx OAuth2 API';

	icon: Icon = { light: 'file:../nodes/Chargeworx/chargeworx.svg', dark: 'file:../nodes/Chargeworx/chargeworx.dark.svg' };

	documentationUrl = 'https://docs.chargeworx.com/security/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'clientCredentials',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: chargeworxTokenUrl,
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'The client ID Chargeworx registered for you',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret of that client',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: 'AdminUIScope',
			description: 'The project endpoints need AdminUIScope',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
		{
			displayName: 'Send Additional Body Properties',
			name: 'sendAdditionalBodyProperties',
			type: 'hidden',
			default: false,
		},
		{
			displayName: 'Additional Body Properties',
			name: 'additionalBodyProperties',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: chargeworxEnvironments.production },
				{ name: 'Staging', value: 'staging', description: chargeworxEnvironments.staging },
				{ name: 'Custom', value: 'custom', description: 'Another base URL, such as a proxy or a development host' },
			],
			default: 'production',
			// Hints are shown as HTML: no angle brackets.
			hint: "n8n requests the access token from /connect/token on this environment's base URL",
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://dev-api.chargeworx.com',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
	];

	// n8n signs an OAuth2 credential's test request with the token it has stored, so a
	// test against the API would pass with a wrong secret. Asking the token endpoint with
	// the entered ID and secret checks them.
	test: ICredentialTestRequest = {
		request: {
			baseURL: chargeworxBaseUrl,
			url: '/connect/token',
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: {
				grant_type: 'client_credentials',
				client_id: '={{ $credentials.clientId }}',
				client_secret: '={{ $credentials.clientSecret }}',
				scope: '={{ $credentials.scope }}',
			},
			// A redirect is never followed: the keys would go along (as in the nodes' redirectPolicy.ts).
			disableFollowRedirect: true,
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 400, message: rejected },
			},
			{
				type: 'responseCode',
				properties: { value: 401, message: rejected },
			},
		],
	};
}
