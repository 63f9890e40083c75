// Keep Current Values (node version 2): an Update reads the record first and fills each
// required field the user left empty from it, so the user sets only what changes.
const { createAtaraPayMock } = require('../mocks/ataraPay');
const { createFatoraMock } = require('../mocks/fatora');
const { createChargeworxMock } = require('../mocks/chargeworx');
const { createInstantpayMock } = require('../mocks/instantpay');
const { MockProvider } = require('../mocks/mockProvider');
const { useProvider, expectNoSecrets } = require('./setup');

const byId = (value) => ({ __rl: true, mode: 'id', value });

describe('AtaraPay Update keeps current values', () => {
	const PUBLIC_KEY = 'pk_keep_atara_1';
	const PRIVATE_KEY = 'sk_keep_atara_2';
	const ctx = useProvider({
		createMock: () => createAtaraPayMock({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }),
		credentialType: 'ataraPayApi',
		credentialData: (mock) => ({ environment: 'custom', baseUrl: mock.url, publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }),
	});
	const parameters = {
		resource: 'project',
		operation: 'update',
		projectId: byId('={{ $json.id }}'),
		projectName: '={{ $json.name }}',
		description: '={{ $json.description }}',
	};
	const run = (items, extra = {}) =>
		ctx.n8n.runNode({ nodeType: 'ataraPay', credential: ctx.credential, parameters, items, typeVersion: 2, ...extra });
	const reads = () => ctx.mock.requestsTo('POST', '/api/project/getExternalProjects');
	const writes = () => ctx.mock.requests.filter((r) => r.method === 'PUT');

	test('a new description alone keeps each project\'s name; the list is read once for all items', async () => {
		const a = ctx.mock.addProject({ project_name: 'Lekki phase 1', description: 'Old A' });
		const b = ctx.mock.addProject({ project_name: 'Ikoyi towers', description: 'Old B' });

		const result = await run([
			{ id: a.id, description: 'New A' },
			{ id: b.id, name: 'Ikoyi towers II' },
		]);

		expect(result.error).toBeUndefined();
		expect(reads()).toHaveLength(1);
		expect(writes().map((r) => [r.body.project_name, r.body.description])).toEqual([
			['Lekki phase 1', 'New A'],
			['Ikoyi towers II', 'Old B'],
		]);
		expect(result.items.map((item) => [item.json.project_name, item.pairedItem])).toEqual([
			['Lekki phase 1', { item: 0 }],
			['Ikoyi towers II', { item: 1 }],
		]);
		expectNoSecrets(result, [PRIVATE_KEY]);
	});

	test('nothing is read when every required field is set', async () => {
		const a = ctx.mock.addProject({ project_name: 'P', description: 'D' });

		const result = await run([{ id: a.id, name: 'P2', description: 'D2' }]);

		expect(result.error).toBeUndefined();
		expect(reads()).toHaveLength(0);
		expect(writes()).toHaveLength(1);
	});

	test('a project that is not found is an item error naming its ID, and nothing is written', async () => {
		const result = await run([{ id: 4242, description: 'x' }], { onError: 'continueRegularOutput' });

		expect(result.items.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ error: 'Project "4242" was not found [item 0]' }, { item: 0 }],
		]);
		expect(writes()).toHaveLength(0);
	});

	test('with the switch off, the node sends exactly what is set, as version 1 does', async () => {
		const a = ctx.mock.addProject({ project_name: 'P', description: 'D' });

		const off = await ctx.n8n.runNode({
			nodeType: 'ataraPay',
			credential: ctx.credential,
			parameters: { ...parameters, keepCurrentValues: false },
			items: [{ id: a.id, description: 'x' }],
			typeVersion: 2,
		});
		const v1 = await ctx.n8n.runNode({
			nodeType: 'ataraPay',
			credential: ctx.credential,
			parameters,
			items: [{ id: a.id, description: 'x' }],
		});

		expect(off.error.message).toBe('"Project Name" is empty [item 0]');
		expect(v1.error.message).toBe('"Project Name" is empty [item 0]');
		expect(ctx.mock.requests).toHaveLength(0);
	});
});

describe('Fatora Update keeps current values', () => {
	const API_KEY = 'B1C2D3E4-0000-4A0D-9B5E-7A1F3C2D4E6B';
	const ctx = useProvider({
		createMock: () => createFatoraMock({ apiKeys: [API_KEY] }),
		credentialType: 'fatoraApi',
		credentialData: (mock) => ({ environment: 'custom', baseUrl: `${mock.url}/v1`, apiKey: API_KEY }),
	});
	const parameters = {
		resource: 'client',
		operation: 'update',
		clientId: byId('={{ $json.id }}'),
		email: '={{ $json.email }}',
		updateFields: { phone: '={{ $json.phone }}' },
	};
	const run = (items, extra = {}) =>
		ctx.n8n.runNode({ nodeType: 'fatora', credential: ctx.credential, parameters, items, typeVersion: 2, ...extra });

	test('a new phone alone keeps the client\'s email: one Get Client per item', async () => {
		const a = ctx.mock.addClient({ name: 'Lusail', email: 'lusail@example.com', phone: '1' });
		const b = ctx.mock.addClient({ name: 'Pearl', email: 'pearl@example.com', phone: '2' });

		const result = await run([
			{ id: a.id, phone: '+974 1111' },
			{ id: b.id, phone: '+974 2222' },
		]);

		expect(result.error).toBeUndefined();
		expect(ctx.mock.clientRequests().map((r) => [r.method, r.path]).sort()).toEqual([
			['GET', `/v1/clients/${a.id}`],
			['GET', `/v1/clients/${b.id}`],
			['PUT', `/v1/clients/${a.id}`],
			['PUT', `/v1/clients/${b.id}`],
		]);
		expect(ctx.mock.requestsTo('PUT', `/v1/clients/${a.id}`)[0].body).toEqual({ email: 'lusail@example.com', phone: '+974 1111' });
		expect(ctx.mock.clients.get(String(b.id))).toMatchObject({ name: 'Pearl', email: 'pearl@example.com', phone: '+974 2222' });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('a client that is not found is an item error naming its ID', async () => {
		const result = await run([{ id: 77, phone: '1' }]);

		expect(result.error.message).toBe('Client "77" was not found [item 0]');
		expect(ctx.mock.clientRequests().filter((r) => r.method === 'PUT')).toHaveLength(0);
	});

	test('a read answered with a redirect or an HTML page fails the item, and nothing is written', async () => {
		const elsewhere = await new MockProvider('Elsewhere').start();
		try {
			elsewhere.app.use((req, res) => res.json({ status: 'SUCCESS', client: { email: 'x@example.com' } }));
			const a = ctx.mock.addClient({ name: 'Lusail', email: 'lusail@example.com' });
			const isRead = (r) => r.method === 'GET' && r.path.startsWith('/v1/clients/');
			ctx.mock.fault({ match: isRead, times: 1, status: 307, headers: { Location: `${elsewhere.url}/stolen` } });
			ctx.mock.fault({ match: isRead, times: 1, status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: '<html>Sign in</html>' });

			const result = await run([{ id: a.id, phone: '1' }, { id: a.id, phone: '2' }], { onError: 'continueRegularOutput' });

			expect(elsewhere.requests).toEqual([]);
			expect(result.items.map((item) => item.json.error).sort()).toEqual([
				'Fatora answered with a redirect (HTTP 307), which the node does not follow',
				'Fatora: the answer is not from the Fatora API (HTTP 200, content type "text/html; charset=utf-8")',
			]);
			expect(ctx.mock.clientRequests().filter((r) => r.method === 'PUT')).toHaveLength(0);
			expectNoSecrets(result, [API_KEY, ...ctx.mock.issuedTokens]);
		} finally {
			await elsewhere.stop();
		}
	});

	test('nothing is read when the email is set', async () => {
		const a = ctx.mock.addClient({ name: 'Doha', email: 'doha@example.com' });

		const result = await run([{ id: a.id, email: 'new@example.com', phone: '3' }]);

		expect(result.error).toBeUndefined();
		expect(ctx.mock.clientRequests().map((r) => r.method)).toEqual(['PUT']);
	});
});

describe('Chargeworx Update General Information keeps current values', () => {
	const CLIENT_ID = 'keep-client';
	const CLIENT_SECRET = 'cwx_keep_secret_1';
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
	const run = (parameters, items) =>
		ctx.n8n.runNode({ nodeType: 'chargeworx', credential: ctx.credential, parameters, items, typeVersion: 2 });

	test('switching Is Active alone keeps the project\'s name', async () => {
		const project = ctx.mock.addProject({ name: 'Web shop', description: 'EU store' });

		const result = await run(
			{ resource: 'companyProject', operation: 'update', projectId: byId(project.id), updateFields: { isActive: false } },
			[{}],
		);

		expect(result.error).toBeUndefined();
		const api = ctx.mock.requests.filter((r) => r.path.startsWith('/api/'));
		expect(api.map((r) => [r.method, r.path])).toEqual([
			['GET', `/api/adm/companyProjects/${project.id}`],
			['PUT', `/api/adm/companyProjects/${project.id}/general`],
		]);
		expect(api[1].body).toEqual({ id: project.id, projectName: 'Web shop', isActive: false });
		expect(ctx.mock.projects.get(project.id)).toMatchObject({ name: 'Web shop', description: 'EU store', isActive: false });
		expectNoSecrets(result, [CLIENT_SECRET, ...ctx.mock.issuedTokens]);
	});

	test('a project that is not found is an item error naming its ID', async () => {
		const id = '00000000-1111-4222-8333-444444444444';
		const result = await run({ resource: 'companyProject', operation: 'update', projectId: byId(id), updateFields: { isActive: true } }, [{}]);

		expect(result.error.message).toBe(`Project "${id}" was not found [item 0]`);
		expect(ctx.mock.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
	});
});

describe('Instantpay Update keeps current values', () => {
	const CLIENT_ID = 'ipay_keep_client';
	const CLIENT_SECRET = 'ipay_keep_secret_9';
	const ENDPOINT_IP = '203.0.113.20';
	const ctx = useProvider({
		createMock: () => createInstantpayMock({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, endpointIp: ENDPOINT_IP }),
		credentialType: 'instantpayApi',
		credentialData: (mock) => ({
			environment: 'custom',
			baseUrl: mock.url,
			clientId: CLIENT_ID,
			clientSecret: CLIENT_SECRET,
			endpointIp: ENDPOINT_IP,
		}),
	});
	const run = (parameters, items) =>
		ctx.n8n.runNode({ nodeType: 'instantpay', credential: ctx.credential, parameters, items, typeVersion: 2 });
	const emailOnly = {
		resource: 'contact',
		operation: 'update',
		contactId: byId('={{ $json.id }}'),
		email: '={{ $json.email }}',
	};
	let vip;
	let supplier;
	beforeEach(() => {
		ctx.mock.contacts.clear();
		ctx.mock.tags.clear();
		vip = ctx.mock.addTag({ name: 'VIP' });
		supplier = ctx.mock.addTag({ name: 'Supplier' });
	});
	const patches = () => ctx.mock.requestsTo('PATCH', '/contacts/profile');

	test('a new email alone keeps name, mobile and tags; the contacts are listed once for all items', async () => {
		const asha = ctx.mock.addContact({ name: 'Asha Rao', email: 'asha@old.example', mobile: '9000000001', tagIds: [vip._id] });
		const ravi = ctx.mock.addContact({ name: 'Ravi Iyer', email: 'ravi@old.example', mobile: '9000000002', tagIds: [supplier._id] });

		const result = await run(emailOnly, [
			{ id: asha._id, email: 'asha@new.example' },
			{ id: ravi._id, email: 'ravi@new.example' },
		]);

		expect(result.error).toBeUndefined();
		expect(ctx.mock.requestsTo('GET', '/contacts/profile')).toHaveLength(1);
		expect(patches().map((r) => r.body)).toEqual([
			{ contactId: asha._id, name: 'Asha Rao', email: 'asha@new.example', mobile: '9000000001', tagDetails: [{ tagId: vip._id }] },
			{ contactId: ravi._id, name: 'Ravi Iyer', email: 'ravi@new.example', mobile: '9000000002', tagDetails: [{ tagId: supplier._id }] },
		]);
		expectNoSecrets(result, [CLIENT_SECRET]);
	});

	test.each(['add', 'remove', 'replace'])('Tags Change "%s" works from the contact\'s current tags', async (mode) => {
		const startTags = { add: [vip._id], remove: [vip._id, supplier._id], replace: [vip._id] }[mode];
		const expectedTags = { add: [vip._id, supplier._id], remove: [vip._id], replace: [supplier._id] }[mode];
		const contact = ctx.mock.addContact({ name: 'N', email: 'n@example.com', mobile: '1', tagIds: startTags });

		const result = await run({ ...emailOnly, tagMode: mode, tagIds: [supplier._id] }, [{ id: contact._id }]);

		expect(result.error).toBeUndefined();
		expect(ctx.mock.requestsTo('GET', '/contacts/profile')).toHaveLength(1);
		expect(patches()[0].body.tagDetails).toEqual(expectedTags.map((tagId) => ({ tagId })));
		expect(ctx.mock.contacts.get(contact._id)).toMatchObject({ name: 'N', email: 'n@example.com', mobile: '1' });
	});

	test('a contact that is not found is an item error naming its ID', async () => {
		const result = await run(emailOnly, [{ id: 'nope-123', email: 'x@example.com' }]);

		expect(result.error.message).toBe('Contact "nope-123" was not found [item 0]');
		expect(patches()).toHaveLength(0);
	});
});
