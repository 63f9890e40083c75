import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { baseUrlFromCredential } from './shared/baseUrl';

// The docs offer only the testing server; the production base URL is not documented.
export const apipagosEnvironments = {
	test: 'https://api.test.apipagos.com/api/v2/apipagos',
};

export const apipagosBaseUrl = baseUrlFromCredential(apipagosEnvironments);

// Apipagos documents no endpoint that answers a good token with 2xx and changes nothing.
// Looking up a contract code that cannot exist answers a good token with 404 "Record
// Not Found" and a wrong one with 401/403, so the test passes on a 404 only: every
// other status throws (ignoreHttpStatusErrors' `except`) and fails the test.
const everyStatusBut404 = Array.from({ length: 500 }, (_, index) => index + 100).filter((status) => status !== 404);
const wrongToken =
	'Apipagos did not accept this company token. Check the token and that the environment is the one it was issued for.';

export class ApipagosApi implements ICredentialType {
	name = 'apipagosApi';

	displayName = 'Apipagos API';

	icon: Icon = { light: 'file:../nodes/Apipagos/apipagos.svg', dark: 'file:../nodes/Apipagos/apipagos.dark.svg' };

	documentationUrl = 'https://docs-api.pacer.la/api-5939845';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Test',
					value: 'test',
					description: `${apipagosEnvironments.test}, the testing server Apipagos documents`,
				},
				{ name: 'Custom', value: 'custom', description: 'Another base URL, such as your production URL' },
			],
			default: 'test',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://api.example.com/api/v2/apipagos',
			hint: 'Apipagos does not document its production base URL: paste the one Apipagos gave you',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Company Token',
			name: 'companyToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The company token Apipagos issued to your company, sent as the Company-Token header',
		},
		{
			// n8n 1.x reads the test's accepted statuses as "accept all" (see `test` below).
			displayName:
				'On n8n 1.x, the connection test succeeds whatever the token: a wrong token shows up only when a node runs',
			name: 'n8n1TestNotice',
			type: 'notice',
			default: '',
		},
	];

	// Plain code rather than an expression: n8n runs this for every request.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers = { ...requestOptions.headers, 'Company-Token': String(credentials.companyToken) };
		return { ...requestOptions, headers };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: apipagosBaseUrl,
			url: '/contracts/n8n-credential-test',
			method: 'GET',
			ignoreHttpStatusErrors: { ignore: true, except: everyStatusBut404 },
			// A redirect is never followed: the keys would go along (as in the nodes' redirectPolicy.ts).
			disableFollowRedirect: true,
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: wrongToken } },
			{ type: 'responseCode', properties: { value: 403, message: wrongToken } },
			{
				type: 'responseCode',
				properties: {
					value: 200,
					message: 'The base URL answered a lookup of a contract that cannot exist with success. Check the base URL.',
				},
			},
		],
	};
}
