import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { baseUrlFromCredential } from './shared/baseUrl';

// The docs give plain http:// for staging in every sample; kept as documented.
export const ataraPayEnvironments = {
	staging: 'http://test-api.atarapay.com',
	live: 'https://api.atarapay.com',
};

export const ataraPayBaseUrl = baseUrlFromCredential(ataraPayEnvironments);

export class AtaraPayApi implements ICredentialType {
	name = 'ataraPayApi';

	displayName = 'AtaraPay API';

	icon: Icon = { light: 'file:../nodes/AtaraPay/ataraPay.svg', dark: 'file:../nodes/AtaraPay/ataraPay.dark.svg' };

	documentationUrl = 'https://plugins.atarapay.com/docs/authtoken';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Staging',
					value: 'staging',
					description: `${ataraPayEnvironments.staging} — plain HTTP, as AtaraPay documents it`,
				},
				{ name: 'Live', value: 'live', description: ataraPayEnvironments.live },
				{ name: 'Custom', value: 'custom', description: 'Another base URL, such as a proxy' },
			],
			default: 'staging',
			hint: 'Staging keys come from staging.atarapay.com, live keys from app.atarapay.com. AtaraPay documents staging over plain http://.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: ataraPayEnvironments.live,
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Public Key',
			name: 'publicKey',
			type: 'string',
			default: '',
			required: true,
			description: 'From the "API Keys" tab of your AtaraPay seller dashboard',
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'From the "API Keys" tab of your AtaraPay seller dashboard',
		},
	];

	// AtaraPay reads a form field `authtoken` = base64("publicKey:privateKey") on every call.
	// Plain code rather than expressions: n8n runs this for every request.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authtoken = Buffer.from(`${credentials.publicKey}:${credentials.privateKey}`).toString('base64');
		const body = { ...(requestOptions.body as IDataObject | undefined), authtoken };
		return { ...requestOptions, body };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: ataraPayBaseUrl,
			url: '/api/project/getExternalProjects',
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			// A redirect is never followed: the keys would go along (as in the nodes' redirectPolicy.ts).
			disableFollowRedirect: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 'error',
					message: 'AtaraPay did not accept these keys. Check both keys and that the environment matches the dashboard they come from.',
				},
			},
		],
	};
}
