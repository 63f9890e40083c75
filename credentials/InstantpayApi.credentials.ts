import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	IAuthenticateRuleResponseSuccessBody,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { baseUrlFromCredential } from './shared/baseUrl';

// Every sample uses this host; Instantpay documents no separate staging host.
export const instantpayEnvironments = {
	production: 'https://api.instantpay.in',
};

export const instantpayBaseUrl = baseUrlFromCredential(instantpayEnvironments);

/**
 * Part of every request: JSON, as the docs' samples send on every method; and every HTTP
 * status let through, because the envelope's statuscode tells success from failure and
 * Instantpay's static keys have no token to refresh on 401.
 */
export const instantpayRequest: Pick<IHttpRequestOptions, 'headers' | 'ignoreHttpStatusErrors'> = {
	headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
	ignoreHttpStatusErrors: true,
};

/**
 * Instantpay's `statuscode` values and their meaning, from
 * https://developers.instantpay.in/reference/error-codes (the list there is cut off after RAB).
 * Only TXN is a success.
 */
export const instantpayStatusCodes: Record<string, string> = {
	TXN: 'Transaction Successful',
	TUP: 'Transaction Under Process',
	IRA: 'Invalid Refill Amount',
	RBT: 'Refill Barred Temporarily',
	IAN: 'Invalid Account Number',
	IAB: 'Insufficient Wallet Balance',
	DTX: 'Duplicate Transaction',
	ISE: 'System Error',
	IAT: 'Invalid Access Token',
	SPD: 'Service Provider Downtime',
	SPE: 'Service Provider Error',
	ITI: 'Invalid Transaction ID',
	DTB: 'Denomination Temporarily Barred',
	TSU: 'Transaction Status Unavailable',
	ISP: 'Invalid Service Provider',
	RPI: 'Request Parameters are Invalid or Incomplete',
	AAB: 'Account Blocked, Contact Helpdesk',
	ANF: 'Account not found',
	UED: 'Unknown Error Description',
	IEC: 'Invalid or Unknown Error Code',
	IRT: 'Invalid Response Type',
	IPE: 'Internal Processing Error',
	IAC: 'Invalid Dealer Credentials',
	UAD: 'User Access Denied',
	TRP: 'Transaction Refund Processed',
	TDE: 'Transaction Dispute Error',
	DLS: 'Dispute Logged Successfully',
	DID: 'Duplicate Agent Transaction ID',
	OUI: 'Outlet Unauthorized or Inactive',
	ODI: 'Outlet Data Incorrect',
	RNF: 'Remitter Not Found',
	RAR: 'Remitter Already Registered',
	UAR: 'User Already Registered',
	IVC: 'Invalid Verification Code or OTP',
	IUA: 'Invalid User Account – Outlet',
	SNA: 'Service not available',
	ERR: 'Provider Failure',
	FAB: 'Failure at Bank end',
	UFC: 'Fare has been changed',
	OTP: 'OTP Successfully sent',
	EOP: 'OTP Expired',
	OLR: 'OTP limit reached',
	ONV: 'OTP not valid',
	RAB: 'Remitter Blocked', // the docs' text is cut off after "Remitter Bloc"
};

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
				{ name: 'Production', value: 'production', description: instantpayEnvironments.production },
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
			placeholder: instantpayEnvironments.production,
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
			// A redirect is never followed: the keys would go along (as in the nodes' redirectPolicy.ts).
			disableFollowRedirect: true,
		},
		rules: failUnlessSuccess,
	};
}
