// One entry per provider: its mock and credential (as in the end-to-end tests), records
// to update, our node's asked-for Update operation, and n8n's HTTP Request node set up
// to send the same request (same method, URL, body and headers, signed by our credential
// through "Predefined Credential Type"). The bench checks that both really send the same.
const { createAtaraPayMock } = require('../../test/mocks/ataraPay');
const { createFatoraMock } = require('../../test/mocks/fatora');
const { createChargeworxMock } = require('../../test/mocks/chargeworx');
const { createInstantpayMock } = require('../../test/mocks/instantpay');
const { createApipagosMock } = require('../../test/mocks/apipagos');

const byId = (value) => ({ __rl: true, mode: 'id', value });
const header = (name, value) => ({ name, value });
const field = (name, value) => ({ name, value });

/**
 * HTTP Request node (4.2) parameters every provider shares: Accept as our nodes send it.
 * With `secretHeaders`, no credential: the secrets are typed in as header values, the
 * other way users set the node up (it then reads no credential for each item).
 */
function httpRequest({ method, url, contentType, body, secretHeaders }) {
	return {
		method,
		url,
		authentication: secretHeaders ? 'none' : 'predefinedCredentialType',
		sendHeaders: true,
		headerParameters: { parameters: [header('Accept', 'application/json'), ...(secretHeaders ?? [])] },
		sendBody: true,
		contentType,
		...(Array.isArray(body)
			? { specifyBody: 'keypair', bodyParameters: { parameters: body } }
			: { specifyBody: 'json', jsonBody: body }),
		options: {},
	};
}

const ATARA = { publicKey: 'pk_bench_atara', privateKey: 'sk_bench_atara_secret' };
const FATORA_KEY = 'B3C4D5E6-F7A8-4B9C-8D0E-1F2A3B4C5D6E';
const CWX = { clientId: 'bench-admin-client', clientSecret: 'cwx_bench_secret' };
const IPAY = { clientId: 'ipay_bench_client', clientSecret: 'ipay_bench_secret', endpointIp: '203.0.113.10' };
const APIPAGOS_TOKEN = 'ct_bench_apipagos_token';

const providers = {
	ataraPay: {
		label: 'AtaraPay',
		operation: 'Project → Update',
		nodeType: 'ataraPay',
		credentialType: 'ataraPayApi',
		createMock: () => createAtaraPayMock(ATARA),
		credentialData: (mock) => ({ environment: 'custom', baseUrl: mock.url, ...ATARA }),
		seed(mock, count) {
			mock.projects.clear();
			return Array.from({ length: count }, (_, n) => {
				const { id } = mock.addProject({ project_name: `Project ${n}`, description: 'Phase 1' });
				return { id, name: `Renamed project ${n}`, description: 'Phase 2' };
			});
		},
		ours: {
			resource: 'project',
			operation: 'update',
			projectId: byId('={{ $json.id }}'),
			projectName: '={{ $json.name }}',
			description: '={{ $json.description }}',
		},
		// With a credential that adds a body field (authtoken), n8n sends the HTTP Request
		// node's body as JSON even when Form Urlencoded is chosen: it cannot send AtaraPay's
		// form. It sends the same fields as JSON instead; the comparison ignores the encoding.
		httpRequest: (mock) =>
			httpRequest({
				method: 'PUT',
				url: `=${mock.url}/api/project/updateProject/{{ $json.id }}`,
				contentType: 'json',
				body: [
					field('project_id', '={{ String($json.id) }}'),
					field('project_name', '={{ $json.name }}'),
					field('description', '={{ $json.description }}'),
				],
			}),
		isUpdate: (request) => request.method === 'PUT',
		authOf: (request) => ({ authtoken: request.body?.authtoken }),
		encodingDiffers: 'form-urlencoded (ours) vs JSON (HTTP Request node, the only encoding n8n gives it with this credential)',
	},

	fatora: {
		label: 'Fatora',
		operation: 'Client → Update',
		nodeType: 'fatora',
		credentialType: 'fatoraApi',
		createMock: () => createFatoraMock({ apiKeys: [FATORA_KEY] }),
		credentialData: (mock) => ({ environment: 'custom', baseUrl: `${mock.url}/v1`, apiKey: FATORA_KEY }),
		seed(mock, count) {
			mock.clients.clear();
			return Array.from({ length: count }, (_, n) => {
				const { id } = mock.addClient({ name: `Client ${n}`, email: `c${n}@example.com` });
				return { id, email: `client${n}@example.com`, name: `Renamed client ${n}`, phone: '+97444001122' };
			});
		},
		ours: {
			resource: 'client',
			operation: 'update',
			clientId: byId('={{ $json.id }}'),
			email: '={{ $json.email }}',
			updateFields: { name: '={{ $json.name }}', phone: '={{ $json.phone }}' },
		},
		httpRequest: (mock) =>
			httpRequest({
				method: 'PUT',
				url: `=${mock.url}/v1/clients/{{ $json.id }}`,
				contentType: 'json',
				body: [field('email', '={{ $json.email }}'), field('name', '={{ $json.name }}'), field('phone', '={{ $json.phone }}')],
			}),
		isUpdate: (request) => request.method === 'PUT',
		authOf: (request) => ({ authorization: request.headers.authorization }),
	},

	chargeworx: {
		label: 'Chargeworx',
		operation: 'Project → Update General Information',
		nodeType: 'chargeworx',
		credentialType: 'chargeworxOAuth2Api',
		createMock: () => createChargeworxMock(CWX),
		credentialData: (mock) => ({ environment: 'custom', baseUrl: mock.url, ...CWX, scope: 'AdminUIScope' }),
		seed(mock, count) {
			mock.projects.clear();
			return Array.from({ length: count }, (_, n) => {
				// One company per project: the mock's duplicate-name check scans the company's
				// projects on every update, which would make the mock, not n8n, the bottleneck.
				const companyId = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
				const { id } = mock.addProject({ name: `Project ${n}`, companyId });
				return { id, name: `Renamed project ${n}` };
			});
		},
		ours: {
			resource: 'companyProject',
			operation: 'update',
			projectId: byId('={{ $json.id }}'),
			projectName: '={{ $json.name }}',
		},
		httpRequest: (mock) =>
			httpRequest({
				method: 'PUT',
				url: `=${mock.url}/api/adm/companyProjects/{{ $json.id }}/general`,
				contentType: 'json',
				body: [field('id', '={{ $json.id }}'), field('projectName', '={{ $json.name }}')],
			}),
		isUpdate: (request) => request.method === 'PUT',
		authOf: (request) => ({ authorization: request.headers.authorization }),
	},

	instantpay: {
		label: 'Instantpay',
		operation: 'Contact → Update',
		nodeType: 'instantpay',
		credentialType: 'instantpayApi',
		createMock: () => createInstantpayMock(IPAY),
		credentialData: (mock) => ({ environment: 'custom', baseUrl: mock.url, ...IPAY }),
		seed(mock, count) {
			mock.contacts.clear();
			mock.tags.clear();
			const tag = mock.addTag({ name: 'VIP' });
			return Array.from({ length: count }, (_, n) => {
				const { _id } = mock.addContact({ name: `Contact ${n}`, email: 'old@example.com', mobile: '9000000000' });
				return { id: _id, name: `Renamed contact ${n}`, email: `contact${n}@example.com`, mobile: '7428585742', tags: [tag._id] };
			});
		},
		ours: {
			resource: 'contact',
			operation: 'update',
			contactId: byId('={{ $json.id }}'),
			name: '={{ $json.name }}',
			email: '={{ $json.email }}',
			mobile: '={{ $json.mobile }}',
			tagIds: '={{ $json.tags }}',
		},
		// tagDetails is an array of objects: a JSON body, as a user would write it.
		httpRequest: (mock, secretHeaders) =>
			httpRequest({
				method: 'PATCH',
				url: `=${mock.url}/contacts/profile`,
				contentType: 'json',
				body: '={{ { contactId: $json.id, name: $json.name, email: $json.email, mobile: $json.mobile, tagDetails: $json.tags.map((tagId) => ({ tagId })) } }}',
				secretHeaders,
			}),
		// The four headers the credential adds, typed in as values.
		secretHeaders: [
			header('X-Ipay-Auth-Code', '1'),
			header('X-Ipay-Client-Id', IPAY.clientId),
			header('X-Ipay-Client-Secret', IPAY.clientSecret),
			header('X-Ipay-Endpoint-Ip', IPAY.endpointIp),
		],
		isUpdate: (request) => request.method === 'PATCH',
		authOf: (request) => ({
			auth: request.headers['x-ipay-auth-code'],
			id: request.headers['x-ipay-client-id'],
			secret: request.headers['x-ipay-client-secret'],
			ip: request.headers['x-ipay-endpoint-ip'],
		}),
	},

	apipagos: {
		label: 'Apipagos',
		operation: 'Contract → Update',
		nodeType: 'apipagos',
		credentialType: 'apipagosApi',
		createMock: () => createApipagosMock({ companyToken: APIPAGOS_TOKEN }),
		credentialData: (mock) => ({ environment: 'custom', baseUrl: `${mock.baseUrl()}/`, companyToken: APIPAGOS_TOKEN }),
		seed(mock, count) {
			mock.contracts.clear();
			return Array.from({ length: count }, (_, n) => {
				const code = `bench${String(n).padStart(27, '0')}`;
				mock.addContract({ code });
				return { code, title: `Contrato ${n}`, description: 'Cesion actualizada' };
			});
		},
		ours: {
			resource: 'contract',
			operation: 'update',
			contractCode: '={{ $json.code }}',
			updateFields: { title: '={{ $json.title }}', description: '={{ $json.description }}' },
		},
		httpRequest: (mock, secretHeaders) =>
			httpRequest({
				method: 'PATCH',
				url: `=${mock.baseUrl()}/contracts/{{ $json.code }}`,
				contentType: 'json',
				body: [field('title', '={{ $json.title }}'), field('description', '={{ $json.description }}')],
				secretHeaders,
			}),
		secretHeaders: [header('Company-Token', APIPAGOS_TOKEN)],
		isUpdate: (request) => request.method === 'PATCH',
		authOf: (request) => ({ token: request.headers['company-token'] }),
	},
};

/**
 * What makes two update requests the same for this comparison: method, path, content
 * type, Accept, the parsed body and the provider's authentication. Header order, casing
 * and connection headers are transport details of the HTTP client. Where a provider has
 * `encodingDiffers`, the content type is not compared (the parsed bodies still are).
 */
function requestShape(provider, request) {
	return JSON.stringify(
		sortKeys({
			method: request.method,
			path: request.rawUrl,
			contentType: provider.encodingDiffers ? '(not compared)' : request.contentType,
			accept: request.headers.accept,
			body: request.body,
			auth: provider.authOf(request),
		}),
	);
}

function sortKeys(value) {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.map((key) => [key, sortKeys(value[key])]),
		);
	}
	return value;
}

module.exports = { providers, requestShape };
