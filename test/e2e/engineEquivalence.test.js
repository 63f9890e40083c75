// The nodes' `routing` means the same to n8n's own engine for declarative nodes
// (RoutingNode) as to the package's routing runner. Every operation of every node runs
// through both, in the same n8n (the engine variant: test/harness/engineVariant.js), each
// against a fresh mock seeded alike; the mock must see the same requests and n8n must
// record the same output items, error items and pairedItems.
//
// Where they differ, by design of n8n's engine: it starts every item's request at once, so
// requests arrive in any order (not compared) and a credential without a token may fetch
// one per item (the runner fetches one); it has no bounded concurrency, pace, retries on
// 429/5xx or timeout of the runner's, and without Continue On Fail it sends every item
// before reporting the first error (the runner stops starting items): the cases leave
// those out. Apipagos Update Many is a custom operation, code in both, so not compared.
const { createAtaraPayMock } = require('../mocks/ataraPay');
const { createFatoraMock } = require('../mocks/fatora');
const { createChargeworxMock } = require('../mocks/chargeworx');
const { createInstantpayMock } = require('../mocks/instantpay');
const { createApipagosMock } = require('../mocks/apipagos');
const { PACKAGE_NAME } = require('../harness/n8nInstance');
const { engineNodeType } = require('../harness/engineVariant');
const { signedInClient } = require('../harness/e2eState');

const byId = (value) => ({ __rl: true, mode: 'id', value });
const CONTINUE = 'continueRegularOutput';

const providers = {
	ataraPay: {
		createMock: () => createAtaraPayMock({ publicKey: 'pk_eq', privateKey: 'sk_eq' }),
		credential: (mock) => ['ataraPayApi', { environment: 'custom', baseUrl: mock.url, publicKey: 'pk_eq', privateKey: 'sk_eq' }],
	},
	fatora: {
		createMock: () => createFatoraMock({ apiKeys: ['EQ-KEY'] }),
		credential: (mock) => ['fatoraApi', { environment: 'custom', baseUrl: `${mock.url}/v1`, apiKey: 'EQ-KEY' }],
	},
	chargeworx: {
		createMock: () => createChargeworxMock({ clientId: 'eq-client', clientSecret: 'eq-secret' }),
		credential: (mock) => [
			'chargeworxOAuth2Api',
			{ environment: 'custom', baseUrl: mock.url, clientId: 'eq-client', clientSecret: 'eq-secret', scope: 'AdminUIScope' },
		],
	},
	instantpay: {
		createMock: () => createInstantpayMock({ clientId: 'eq-id', clientSecret: 'eq-secret', endpointIp: '203.0.113.7' }),
		credential: (mock) => [
			'instantpayApi',
			{ environment: 'custom', baseUrl: mock.url, clientId: 'eq-id', clientSecret: 'eq-secret', endpointIp: '203.0.113.7' },
		],
	},
	apipagos: {
		createMock: () => createApipagosMock({ companyToken: 'eq-token' }),
		credential: (mock) => ['apipagosApi', { environment: 'custom', baseUrl: `${mock.baseUrl()}/`, companyToken: 'eq-token' }],
	},
};

const COMPANY = '3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c';
const P1 = '11111111-2222-4333-8444-555555555555';
const P2 = '66666666-7777-4888-9999-aaaaaaaaaaaa';
const chargeworxProjects = (mock) => {
	mock.addProject({ id: P1, name: 'One', apiKey: 'sk_hidden' });
	mock.addProject({ id: P2, name: 'Two' });
};

/**
 * [node, case, { parameters, seed(mock) → input items, onError }]. Each operation has a
 * success case with two items, and where it has checks, a bad item and a provider error
 * under Continue On Fail.
 */
const cases = [
	['ataraPay', 'project update: two items, one invalid, one unknown', {
		parameters: { resource: 'project', operation: 'update', projectId: byId('={{ $json.id }}'), projectName: '={{ $json.name }}', description: 'D' },
		seed: (mock) => {
			mock.addProject({ id: 7, project_name: 'A', description: 'x' });
			return [{ id: 7, name: 'A2' }, { id: 7, name: '' }, { id: 999, name: 'C' }];
		},
		onError: CONTINUE,
	}],
	['ataraPay', 'project create: a good and a bad email', {
		parameters: { resource: 'project', operation: 'create', projectName: 'P', description: 'D', customerEmail: '={{ $json.email }}', customerPhone: '+234' },
		seed: () => [{ email: 'buyer@example.com' }, { email: 'not-an-email' }],
		onError: CONTINUE,
	}],
	['ataraPay', 'project get many, limit 1', {
		parameters: { resource: 'project', operation: 'getAll', returnAll: false, limit: 1 },
		seed: (mock) => {
			mock.addProject({ id: 1, project_name: 'One', description: 'x' });
			mock.addProject({ id: 2, project_name: 'Two', description: 'x' });
			return [{}];
		},
	}],
	['fatora', 'client update: two items, one bad email, one unknown', {
		parameters: { resource: 'client', operation: 'update', clientId: byId('={{ $json.id }}'), email: '={{ $json.email }}', updateFields: { name: 'N', notes: 'x' } },
		seed: (mock) => {
			mock.addClient({ id: 5001, name: 'A', email: 'a@example.com' });
			return [{ id: 5001, email: 'b@example.com' }, { id: 5001, email: 'bad' }, { id: 404404, email: 'c@example.com' }];
		},
		onError: CONTINUE,
	}],
	['fatora', 'client create', {
		parameters: { resource: 'client', operation: 'create', name: '={{ $json.name }}', additionalFields: { email: 'x@example.com', phone: '5' } },
		seed: () => [{ name: 'First' }, { name: '' }],
		onError: CONTINUE,
	}],
	['fatora', 'client get', {
		parameters: { resource: 'client', operation: 'get', clientId: byId('={{ $json.id }}') },
		seed: (mock) => {
			mock.addClient({ id: 6001, name: 'G', email: 'g@example.com' });
			return [{ id: 6001 }, { id: 404404 }];
		},
		onError: CONTINUE,
	}],
	['fatora', 'client get many, paged, limit 25', {
		parameters: { resource: 'client', operation: 'getAll', returnAll: false, limit: 25, filters: { keyword: 'Seed' } },
		seed: (mock) => {
			for (let n = 1; n <= 45; n++) mock.addClient({ id: 7000 + n, name: `Seed ${n}`, email: `s${n}@example.com` });
			return [{}];
		},
	}],
	['fatora', 'client get many, all pages', {
		parameters: { resource: 'client', operation: 'getAll', returnAll: true },
		seed: (mock) => {
			for (let n = 1; n <= 45; n++) mock.addClient({ id: 8000 + n, name: `All ${n}`, email: `a${n}@example.com` });
			return [{}];
		},
	}],
	['chargeworx', 'project update general information', {
		parameters: { resource: 'companyProject', operation: 'update', projectId: byId('={{ $json.id }}'), projectName: '={{ $json.name }}', updateFields: { returnUrl: '={{ $json.url }}', isActive: false } },
		seed: (mock) => {
			chargeworxProjects(mock);
			return [{ id: P1, name: 'Renamed', url: 'https://shop.example.com/ok' }, { id: P2, name: 'X', url: 'not a url' }, { id: 'not-a-guid', name: 'Y', url: 'https://x.example.com' }];
		},
		onError: CONTINUE,
	}],
	['chargeworx', 'project update merchant', {
		parameters: { resource: 'companyProject', operation: 'updateMerchant', projectId: byId('={{ $json.id }}'), updateFields: { merchantId: 'MID-1', processorGateway: 3, isTestMode: false } },
		seed: (mock) => {
			chargeworxProjects(mock);
			return [{ id: P1 }, { id: '00000000-1111-4222-8333-444444444444' }];
		},
		onError: CONTINUE,
	}],
	['chargeworx', 'project create', {
		parameters: { resource: 'companyProject', operation: 'create', companyId: '={{ $json.company }}', projectName: 'New', additionalFields: { phone: '+44 20' } },
		seed: () => [{ company: COMPANY }, { company: 'nope' }],
		onError: CONTINUE,
	}],
	['chargeworx', 'project get (no API key in the output)', {
		parameters: { resource: 'companyProject', operation: 'get', projectId: byId('={{ $json.id }}') },
		seed: (mock) => {
			chargeworxProjects(mock);
			return [{ id: P1 }, { id: P2 }];
		},
	}],
	['chargeworx', 'project get many, all pages', {
		parameters: { resource: 'companyProject', operation: 'getAll', returnAll: true, filters: { companyId: COMPANY } },
		seed: (mock) => {
			for (let n = 1; n <= 45; n++) mock.addProject({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, name: `Paged ${n}` });
			return [{}];
		},
	}],
	['instantpay', 'contact update', {
		parameters: { resource: 'contact', operation: 'update', contactId: byId('={{ $json.id }}'), name: 'N', email: '={{ $json.email }}', mobile: '9', tagIds: '={{ $json.tags }}' },
		seed: (mock) => {
			const tag = mock.addTag({ _id: '645b283b9b2e242ec80d0a01', name: 'VIP' });
			const contact = mock.addContact({ _id: '645b283b9b2e242ec80d0b01', name: 'O', email: 'o@example.com', mobile: '1', tagIds: [tag._id] });
			return [{ id: contact._id, email: 'n@example.com', tags: [tag._id] }, { id: contact._id, email: 'bad', tags: [tag._id] }, { id: '645b283b9b2e242ec80d0bff', email: 'u@example.com', tags: tag._id }];
		},
		onError: CONTINUE,
	}],
	['instantpay', 'contact create', {
		parameters: { resource: 'contact', operation: 'create', name: 'C', email: 'c@example.com', mobile: '9', tagIds: '={{ $json.tags }}', additionalFields: { companyName: 'Co' } },
		seed: (mock) => {
			const tag = mock.addTag({ _id: '645b283b9b2e242ec80d0a02', name: 'New' });
			return [{ tags: `${tag._id}` }, { tags: [] }];
		},
		onError: CONTINUE,
	}],
	['instantpay', 'contact delete', {
		parameters: { resource: 'contact', operation: 'delete', contactId: byId('={{ $json.id }}') },
		seed: (mock) => {
			mock.addContact({ _id: '645b283b9b2e242ec80d0b03', name: 'D', email: 'd@example.com', mobile: '1' });
			// Each item its own contact: n8n's engine sends them at once, in any order.
			return [{ id: '645b283b9b2e242ec80d0b03' }, { id: '' }, { id: '645b283b9b2e242ec80d0bfe' }];
		},
		onError: CONTINUE,
	}],
	['instantpay', 'contact get many, limit 1', {
		parameters: { resource: 'contact', operation: 'getAll', returnAll: false, limit: 1 },
		seed: (mock) => {
			mock.addContact({ _id: '645b283b9b2e242ec80d0b04', name: 'A', email: 'a@example.com', mobile: '1' });
			mock.addContact({ _id: '645b283b9b2e242ec80d0b05', name: 'B', email: 'b@example.com', mobile: '2' });
			return [{}];
		},
	}],
	['instantpay', 'tag create', {
		parameters: { resource: 'tag', operation: 'create', name: '={{ $json.name }}', hexColorCode: '={{ $json.color }}' },
		seed: () => [{ name: 'Gold', color: '#FFD700' }, { name: 'Bad', color: 'gold' }],
		onError: CONTINUE,
	}],
	['instantpay', 'tag get many', {
		parameters: { resource: 'tag', operation: 'getAll', returnAll: true },
		seed: (mock) => {
			mock.addTag({ _id: '645b283b9b2e242ec80d0a06', name: 'One' });
			mock.addTag({ _id: '645b283b9b2e242ec80d0a07', name: 'Two' });
			return [{}];
		},
	}],
	['instantpay', 'tag update', {
		parameters: { resource: 'tag', operation: 'update', tagId: byId('={{ $json.id }}'), name: 'Renamed', hexColorCode: '#000000' },
		seed: (mock) => {
			mock.addTag({ _id: '645b283b9b2e242ec80d0a08', name: 'Old' });
			return [{ id: '645b283b9b2e242ec80d0a08' }, { id: '645b283b9b2e242ec80d0aff' }];
		},
		onError: CONTINUE,
	}],
	['instantpay', 'tag delete', {
		parameters: { resource: 'tag', operation: 'delete', tagId: byId('={{ $json.id }}') },
		seed: (mock) => {
			mock.addTag({ _id: '645b283b9b2e242ec80d0a09', name: 'Gone' });
			return [{ id: '645b283b9b2e242ec80d0a09' }, { id: '' }];
		},
		onError: CONTINUE,
	}],
	['apipagos', 'contract update', {
		parameters: { resource: 'contract', operation: 'update', contractCode: '={{ $json.code }}', updateFields: { userIdSrc: '={{ $json.source }}', statusCode: 1, title: 'T', expiredAt: '2024-12-31T23:59:59' } },
		seed: (mock) => {
			mock.addContract({ code: '28c7fbfacc309631dbc4e3584c5b8fa8' });
			return [{ code: '28c7fbfacc309631dbc4e3584c5b8fa8', source: '123' }, { code: '28c7fbfacc309631dbc4e3584c5b8fa8', source: '1.5' }, { code: 'unknown', source: '1' }];
		},
		onError: CONTINUE,
	}],
	['apipagos', 'contract get', {
		parameters: { resource: 'contract', operation: 'get', contractCode: '={{ $json.code }}' },
		seed: (mock) => {
			mock.addContract({ code: 'c0de' });
			return [{ code: 'c0de' }, { code: '' }];
		},
		onError: CONTINUE,
	}],
	// Keep Current Values (node version 2): the record is read first, in both engines.
	['ataraPay', 'project update v2: kept name and description, one unknown', {
		typeVersion: 2,
		parameters: { resource: 'project', operation: 'update', projectId: byId('={{ $json.id }}'), projectName: '={{ $json.name }}', description: '={{ $json.description }}' },
		seed: (mock) => {
			mock.addProject({ id: 7, project_name: 'A', description: 'x' });
			mock.addProject({ id: 8, project_name: 'B', description: 'y' });
			return [{ id: 7, description: 'x2' }, { id: 8, name: 'B2' }, { id: 999, name: 'C' }];
		},
		onError: CONTINUE,
	}],
	['fatora', 'client update v2: kept email, one unknown', {
		typeVersion: 2,
		// The read fetches a token, and the runner, which holds the credential as it was at the
		// start of the run, fetches its own for the writes: two on a first run, none after.
		runnerTokenRequests: 2,
		parameters: { resource: 'client', operation: 'update', clientId: byId('={{ $json.id }}'), email: '', updateFields: { phone: '={{ $json.phone }}' } },
		seed: (mock) => {
			mock.addClient({ id: 5101, name: 'K', email: 'k@example.com' });
			return [{ id: 5101, phone: '+974 1' }, { id: 5999, phone: '2' }];
		},
		onError: CONTINUE,
	}],
	['chargeworx', 'project update general information v2: kept name', {
		typeVersion: 2,
		parameters: { resource: 'companyProject', operation: 'update', projectId: byId('={{ $json.id }}'), updateFields: { isActive: false } },
		seed: (mock) => {
			chargeworxProjects(mock);
			return [{ id: P1 }, { id: P2 }];
		},
	}],
	['instantpay', 'contact update v2: new email only, tags added', {
		typeVersion: 2,
		parameters: { resource: 'contact', operation: 'update', contactId: byId('={{ $json.id }}'), email: '={{ $json.email }}', tagMode: 'add', tagIds: ['645b283b9b2e242ec80d0a12'] },
		seed: (mock) => {
			const vip = mock.addTag({ _id: '645b283b9b2e242ec80d0a11', name: 'VIP' });
			mock.addTag({ _id: '645b283b9b2e242ec80d0a12', name: 'New' });
			mock.addContact({ _id: '645b283b9b2e242ec80d0b11', name: 'O', email: 'o@example.com', mobile: '1', tagIds: [vip._id] });
			mock.addContact({ _id: '645b283b9b2e242ec80d0b12', name: 'P', email: 'p@example.com', mobile: '2', tagIds: [] });
			return [{ id: '645b283b9b2e242ec80d0b11', email: 'o2@example.com' }, { id: '645b283b9b2e242ec80d0b12', email: 'p2@example.com' }];
		},
	}],
];

/** What one run showed: the requests the mock saw and what n8n recorded for the node. */
async function runThrough(n8n, type, provider, { parameters, seed, onError, typeVersion = 1 }) {
	const mock = await provider.createMock().start();
	try {
		const [credentialType, data] = provider.credential(mock);
		const credential = await n8n.createCredential(credentialType, data);
		const items = seed(mock);
		const result = await n8n.runNodeDefinition(
			{
				type,
				typeVersion,
				parameters,
				credentials: { [credentialType]: { id: credential.id, name: credential.name } },
				...(onError ? { onError } : {}),
			},
			items,
		);
		const requests = mock.requests.map(({ method, rawUrl, contentType, body, headers }) => ({
			method,
			rawUrl,
			contentType: contentType.split(';')[0],
			accept: headers.accept,
			body,
		}));
		const isTokenRequest = (request) => TOKEN_PATHS.includes(request.rawUrl);
		return {
			tokenRequests: requests.filter(isTokenRequest).length,
			inputItems: items.length,
			seen: normalise(mock.url, {
				// n8n's engine starts every item's request at once: the order is not compared.
				requests: requests
					.filter((request) => !isTokenRequest(request))
					.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
				items: result.items.map(({ json, pairedItem, error }) => ({ json, pairedItem, error: error?.message })),
				errorItems: result.errorItems.map(({ json, pairedItem }) => ({ json, pairedItem })),
				error: result.error?.message,
			}),
		};
	} finally {
		await mock.stop();
	}
}

/** Where Fatora and Chargeworx issue tokens (compared apart: see the test). */
const TOKEN_PATHS = ['/v1/Authorization/Authorize', '/connect/token'];

/** Mock URLs differ from one mock to the next, and so do the IDs a mock generates. */
function normalise(mockUrl, value) {
	const uuids = new Map();
	const text = JSON.stringify(value)
		.split(mockUrl)
		.join('<mock>')
		.replace(/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g, (uuid) => {
			if (!uuids.has(uuid)) uuids.set(uuid, `<uuid ${uuids.size + 1}>`);
			return uuids.get(uuid);
		});
	return JSON.parse(text);
}

describe('n8n’s engine and the routing runner run every operation alike', () => {
	let n8n;
	beforeAll(async () => {
		n8n = await signedInClient();
	});

	test('every routed operation of every node has a case', () => {
		const nodes = require('../harness/nodeClasses');
		const covered = new Set(cases.map(([node, , { parameters }]) => `${node} ${parameters.resource} ${parameters.operation}`));
		for (const [node, NodeClass] of Object.entries(nodes)) {
			const { description } = new NodeClass();
			for (const property of description.properties.filter((p) => p.name === 'operation')) {
				for (const resource of property.displayOptions.show.resource) {
					for (const option of property.options.filter((o) => o.routing)) {
						expect(covered).toContain(`${node} ${resource} ${option.value}`);
					}
				}
			}
		}
	});

	test.each(cases)('%s %s', async (node, _case, spec) => {
		const provider = providers[node];
		const runner = await runThrough(n8n, `${PACKAGE_NAME}.${node}`, provider, spec);
		const engine = await runThrough(n8n, engineNodeType(node), provider, spec);

		expect(runner.seen.requests.length).toBeGreaterThan(0);
		expect(engine.seen).toEqual(runner.seen);
		// A credential without a token yet: the runner sends the first request alone, so one
		// token is fetched; n8n's engine sends all items at once and may fetch one per item.
		expect(runner.tokenRequests).toBe(spec.runnerTokenRequests ?? (node === 'fatora' || node === 'chargeworx' ? 1 : 0));
		expect(engine.tokenRequests).toBeGreaterThanOrEqual(Math.min(runner.tokenRequests, 1));
		expect(engine.tokenRequests).toBeLessThanOrEqual(Math.max(runner.tokenRequests, engine.inputItems));
	});
});
