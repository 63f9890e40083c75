// A token that expires in the middle of a large run (Fatora's bearer token, Chargeworx's
// OAuth2 token): it is renewed once and every item succeeds.
const { createFatoraMock } = require('../mocks/fatora');
const { createChargeworxMock } = require('../mocks/chargeworx');
const { useProvider } = require('./setup');

const ITEMS = 300;
const EXPIRE_AFTER = 100;

/** Expires the mock's tokens as the `after`-th API request arrives. */
function expireTokensMidRun(mock, isApiRequest, expire) {
	let seen = 0;
	mock.onRequest((request) => {
		if (isApiRequest(request) && ++seen === EXPIRE_AFTER) expire();
	});
}

describe('Fatora: the bearer token expires mid-run', () => {
	const API_KEY = 'F00DFACE-0000-4000-8000-000000000001';
	const ctx = useProvider({
		createMock: () => createFatoraMock({ apiKeys: [API_KEY] }),
		credentialType: 'fatoraApi',
		credentialData: (mock) => ({ environment: 'custom', baseUrl: `${mock.url}/v1`, apiKey: API_KEY }),
	});

	test(`${ITEMS} updates all succeed and the token is renewed once`, async () => {
		const clients = Array.from({ length: ITEMS }, (_, n) => ctx.mock.addClient({ name: `C${n}`, email: `c${n}@example.com` }));
		expireTokensMidRun(ctx.mock, (r) => r.path.startsWith('/v1/clients'), () => ctx.mock.expireTokens(API_KEY));

		const result = await ctx.n8n.runNode({
			nodeType: 'fatora',
			credential: ctx.credential,
			parameters: {
				resource: 'client',
				operation: 'update',
				clientId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				email: '={{ $json.email }}',
				updateFields: { name: 'Renewed' },
			},
			items: clients.map((c) => ({ id: c.id, email: c.email })),
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(ITEMS);
		expect(result.items.every((item, index) => item.json.name === 'Renewed' && item.pairedItem.item === index)).toBe(true);
		// One token at the start, one after the expiry.
		expect(ctx.mock.authorizeRequests()).toHaveLength(2);
	});
});

describe('Chargeworx: the OAuth2 token expires mid-run', () => {
	const CLIENT_ID = 'bulk-client';
	const CLIENT_SECRET = 'cwx_bulk_secret_77';
	const ctx = useProvider({
		createMock: () => createChargeworxMock({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }),
		credentialType: 'chargeworxOAuth2Api',
		credentialData: (mock) => ({
			environment: 'custom',
			baseUrl: mock.url,
			clientId: CLIENT_ID,
			clientSecret: CLIENT_SECRET,
			scope: 'AdminUIScope',
		}),
	});

	test(`${ITEMS} updates all succeed and the token is renewed once`, async () => {
		const projects = Array.from({ length: ITEMS }, (_, n) => ctx.mock.addProject({ name: `P${n}` }));
		expireTokensMidRun(ctx.mock, (r) => r.path.startsWith('/api/adm/'), () => ctx.mock.expireTokens());

		const result = await ctx.n8n.runNode({
			nodeType: 'chargeworx',
			credential: ctx.credential,
			parameters: {
				resource: 'companyProject',
				operation: 'update',
				projectId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				projectName: '={{ $json.name }}',
			},
			items: projects.map((p) => ({ id: p.id, name: `${p.name} renamed` })),
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(ITEMS);
		expect(result.items.every((item, index) => item.json.id === projects[index].id && item.pairedItem.item === index)).toBe(true);
		expect(projects.every((p) => p.name.endsWith('renamed'))).toBe(true);
		expect(ctx.mock.tokenRequests()).toHaveLength(2);
	});
});
