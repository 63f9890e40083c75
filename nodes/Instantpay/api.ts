import type {
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodePropertyRouting,
	PostReceiveAction,
} from 'n8n-workflow';
import { baseUrlFromCredential } from '../shared/baseUrl';
import { checkProviderResponse, type Provider } from '../shared/providerResponse';

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

/** Codes that point at the credential rather than at the request. */
const credentialCodes = ['IAC', 'UAD', 'IAT', 'AAB'];

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * Every answer is an envelope {statuscode, status, data, ipay_uuid, ...}; only
 * `statuscode: "TXN"` is a success, whatever the HTTP status. The error keeps Instantpay's
 * `status` text and code, and names `ipay_uuid`, the reference Instantpay support asks for.
 */
export const instantpay: Provider = {
	name: 'Instantpay',
	findError: (body, statusCode) => {
		const code = text(body.statuscode);
		if (code === 'TXN') return undefined;
		// Not an Instantpay answer at all (a proxy's error page, a wrong base URL).
		if (!code) return statusCode >= 400 ? undefined : 'the answer has no statuscode; check the base URL';
		const status = text(body.status) || instantpayStatusCodes[code] || 'request failed';
		return `${status} (${code})`;
	},
	describe: (body: IDataObject) => {
		const code = text(body.statuscode);
		const parts: string[] = [];
		if (credentialCodes.includes(code)) {
			parts.push('Check the client ID, client secret and endpoint IP in the Instantpay credential.');
		}
		const reference = text(body.ipay_uuid);
		if (reference) parts.push(`Instantpay reference (ipay_uuid): ${reference}. Quote it to Instantpay support.`);
		return parts.join(' ') || undefined;
	},
};

/** An operation's call: the envelope is checked first, then `output` turns it into items. */
export function contactBookCall(method: IHttpRequestMethods, url: string, output: PostReceiveAction): INodePropertyRouting {
	return { request: { method, url }, output: { postReceive: [checkProviderResponse(instantpay), output] } };
}
