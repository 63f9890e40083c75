// Empty means unset: an optional field that is added but empty (typed so, or from an
// expression) is not sent; the expression {{ null }} asks the provider to clear the value.
const { createFatoraMock } = require('../mocks/fatora');
const { createChargeworxMock } = require('../mocks/chargeworx');
const { useProvider } = require('./setup');

const byId = (value) => ({ __rl: true, mode: 'id', value });

describe('Fatora: empty optional fields', () => {
	const API_KEY = 'C1C2D3E4-0000-4A0D-9B5E-7A1F3C2D4E6B';
	const ctx = useProvider({
		createMock: () => createFatoraMock({ apiKeys: [API_KEY] }),
		credentialType: 'fatoraApi',
		credentialData: (mock) => ({ environment: 'custom', baseUrl: `${mock.url}/v1`, apiKey: API_KEY }),
	});

	test('an empty field, typed or from an expression, is not sent and the value stays', async () => {
		const client = ctx.mock.addClient({ name: 'Lusail', email: 'l@example.com', phone: '+974 1', address: 'Doha' });

		const result = await ctx.n8n.runNode({
			nodeType: 'fatora',
			credential: ctx.credential,
			parameters: {
				resource: 'client',
				operation: 'update',
				clientId: byId(String(client.id)),
				email: 'l@example.com',
				updateFields: { phone: '', address: '={{ $json.address }}', notes: '  ', name: 'Lusail W.L.L.' },
			},
			items: [{ address: '' }],
		});

		expect(result.error).toBeUndefined();
		expect(ctx.mock.requestsTo('PUT', `/v1/clients/${client.id}`)[0].body).toEqual({
			email: 'l@example.com',
			name: 'Lusail W.L.L.',
		});
		expect(ctx.mock.clients.get(String(client.id))).toMatchObject({ phone: '+974 1', address: 'Doha' });
	});

	test('the expression {{ null }} clears the value: it is sent as null', async () => {
		const client = ctx.mock.addClient({ name: 'Pearl', email: 'p@example.com', phone: '+974 2' });

		const result = await ctx.n8n.runNode({
			nodeType: 'fatora',
			credential: ctx.credential,
			parameters: {
				resource: 'client',
				operation: 'update',
				clientId: byId(String(client.id)),
				email: 'p@example.com',
				updateFields: { phone: '={{ null }}' },
			},
			items: [{}],
		});

		expect(result.error).toBeUndefined();
		expect(ctx.mock.requestsTo('PUT', `/v1/clients/${client.id}`)[0].body).toEqual({ email: 'p@example.com', phone: null });
	});

	test('an empty filter is not sent, so it does not narrow the list', async () => {
		ctx.mock.addClient({ name: 'Lusail', email: 'l@example.com' });

		const result = await ctx.n8n.runNode({
			nodeType: 'fatora',
			credential: ctx.credential,
			parameters: { resource: 'client', operation: 'getAll', returnAll: true, filters: { keyword: '={{ $json.nothing }}', email: '' } },
			items: [{}],
		});

		expect(result.error).toBeUndefined();
		const [list] = ctx.mock.clientRequests();
		expect(list.query).toEqual({ page: '1', page_size: '20' });
	});
});

describe('Chargeworx Update General Information: empty optional fields', () => {
	const CLIENT_ID = 'empty-client';
	const CLIENT_SECRET = 'cwx_empty_secret_1';
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

	test('empty description and URLs are not sent; {{ null }} clears the return URL', async () => {
		const project = ctx.mock.addProject({ name: 'Web shop', description: 'EU store', returnUrl: 'https://a.example/ok' });

		const result = await ctx.n8n.runNode({
			nodeType: 'chargeworx',
			credential: ctx.credential,
			parameters: {
				resource: 'companyProject',
				operation: 'update',
				projectId: byId(project.id),
				projectName: 'Web shop',
				updateFields: { description: '={{ $json.nothing }}', cancelUrl: '', returnUrl: '={{ null }}' },
			},
			items: [{}],
		});

		expect(result.error).toBeUndefined();
		const [put] = ctx.mock.requests.filter((r) => r.method === 'PUT');
		expect(put.body).toEqual({ id: project.id, projectName: 'Web shop', returnUrl: null });
		expect(ctx.mock.projects.get(project.id)).toMatchObject({ description: 'EU store', returnUrl: null });
	});
});
