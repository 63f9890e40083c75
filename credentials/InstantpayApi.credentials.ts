import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	IAuthenticateRuleResponseSuccessBody,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { instantpayBaseUrl, instantpayRequest, instantpayStatusCodes } from '../nodes/Instantpay/api';

const checkCredential =
	'Check the client ID, client secret and endpoint IP, and that they belong to the chosen environment.';

// n8n's test rules compare by equality, so "anything but TXN" becomes one rule per
// documented code, plus one for an answer without a statuscode (not Instantpay at all).
const failUnlessSuccess: IAuthenticateRuleResponseSuccessBody[] = [
	...Object.entries(instantpayStatusCodes)
		.filter(([code]) => code !== 'TXN')
		.map(([code, meaning]) => ({
			type: 'responseSuccessBody' as const,
			properties: {
				key: 'statuscode',
				value: code,
				message: `Instantpay answered "${meaning}" (${code}). ${checkCredential}`,
			},
		})),
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'statuscode',
			value: undefined,
			message: 'The answer is not an Instantpay response. Check the environment or base URL.',
		},
	},
];

export class InstantpayApi implements ICredentialType {
	name = 'instantpayApi';

	displayName = 'Instantpay API';

	icon: Icon = { light: 'file:../nodes/Instantpay/instantpay.svg', dark: 'file:../nodes/Instantpay/instantpay.dark.svg' };

	documentationUrl = 'https://developers.instantpay.in/reference/testing-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: 'https://api.instantpay.in' },
				{ name: 'Custom', value: 'custom', description: 'Another base URL, such as a proxy or a test server' },
			],
			default: 'production',
			hint: 'Instantpay documents one host. Staging and production credentials differ; Instantpay gives no separate staging URL.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api.instantpay.in',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'The client ID Instantpay issued for your account, sent as X-Ipay-Client-Id',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The client secret Instantpay issued with the client ID, sent as X-Ipay-Client-Secret',
		},
		{
			displayName: 'Endpoint IP',
			name: 'endpointIp',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 203.0.113.10',
			description:
				'The IP address of your end customer, the person or system the requests are made for, sent as X-Ipay-Endpoint-Ip. Instantpay requires it on every call. For back-office workflows, use the public IP address of your server.',
		},
	];

	// Four headers on every call; the auth code is always 1.
	// Every call carries the four headers. Plain code rather than expressions: n8n runs this
	// for every request.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers = {
			...requestOptions.headers,
			'X-Ipay-Auth-Code': '1',
			'X-Ipay-Client-Id': String(credentials.clientId),
			'X-Ipay-Client-Secret': String(credentials.clientSecret),
			'X-Ipay-Endpoint-Ip': String(credentials.endpointIp),
		};
		return { ...requestOptions, headers };
	}

	// List Tags reads nothing. HTTP errors are let through so the rules read the envelope
	// Instantpay sends with them, whatever the HTTP status.
	test: ICredentialTestRequest = {
		request: {
			baseURL: instantpayBaseUrl,
			url: '/contacts/tag',
			method: 'GET',
			...instantpayRequest,
		},
		rules: failUnlessSuccess,
	};
}
