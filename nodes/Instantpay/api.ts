import type {
	IDataObject,
	IHttpRequestMethods,
	INodePropertyRouting,
	PostReceiveAction,
} from 'n8n-workflow';
import { instantpayStatusCodes } from '../../credentials/InstantpayApi.credentials';
import { checkProviderResponse, type Provider } from '../shared/providerResponse';

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
