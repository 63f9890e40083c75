const { createAtaraPayMock } = require('../mocks/ataraPay');
const { useProvider, expectNoSecrets } = require('./setup');

const PUBLIC_KEY = 'pk_test_atara_7f3a91';
const PRIVATE_KEY = 'sk_test_atara_c4d2e8b6';
const AUTHTOKEN = Buffer.from(`${PUBLIC_KEY}:${PRIVATE_KEY}`).toString('base64');
const SECRETS = [PRIVATE_KEY, AUTHTOKEN];

describe('AtaraPay node in a real n8n', () => {
	const ctx = useProvider({
		createMock: () => createAtaraPayMock({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }),
		credentialType: 'ataraPayApi',
		credentialData: (mock) => ({ environment: 'custom', baseUrl: mock.url, publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }),
	});

	const byId = (value) => ({ __rl: true, mode: 'id', value });
	const updateParameters = {
		resource: 'project',
		operation: 'update',
		projectId: byId('={{ $json.id }}'),
		projectName: '={{ $json.name }}',
		description: '={{ $json.description }}',
	};
	const run = (parameters, items, extra = {}) =>
		ctx.n8n.runNode({ nodeType: 'ataraPay', credential: ctx.credential, parameters, items, ...extra });

	test('Update sends one form-encoded PUT per item and outputs the updated project', async () => {
		const project = ctx.mock.addProject({ project_name: 'Old name', description: 'Old' });

		const result = await run(updateParameters, [{ id: project.id, name: 'Eko Atlantic city', description: 'Phase 2' }]);

		expect(result.error).toBeUndefined();
		expect(ctx.mock.requests).toHaveLength(1);
		const [request] = ctx.mock.requests;
		expect(request.method).toBe('PUT');
		expect(request.path).toBe(`/api/project/updateProject/${project.id}`);
		expect(request.contentType).toContain('application/x-www-form-urlencoded');
		expect(request.body).toEqual({
			authtoken: AUTHTOKEN,
			project_id: String(project.id),
			project_name: 'Eko Atlantic city',
			description: 'Phase 2',
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ id: project.id, project_name: 'Eko Atlantic city', description: 'Phase 2' });
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expectNoSecrets(result, SECRETS);
	});

	test('three input items give three outputs, each paired with its input', async () => {
		const ids = [1, 2, 3].map((n) => ctx.mock.addProject({ project_name: `P${n}`, description: 'x' }).id);

		const result = await run(
			updateParameters,
			ids.map((id) => ({ id, name: `Renamed ${id}`, description: `Item for ${id}` })),
		);

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.id, item.json.project_name, item.pairedItem])).toEqual(
			ids.map((id, index) => [id, `Renamed ${id}`, { item: index }]),
		);
		expect(ctx.mock.requests).toHaveLength(3);
	});

	test('an error AtaraPay sends with HTTP 200 fails the item with its message', async () => {
		const result = await run(updateParameters, [{ id: 99999, name: 'N', description: 'D' }]);

		expect(result.error.message).toContain('Project with id (99999) does not exist');
		expect(result.error.httpCode).toBe('200');
		expectNoSecrets(result, SECRETS);
	});

	test('an error sent with an HTTP error status fails the item with its message', async () => {
		const project = ctx.mock.addProject({ project_name: 'P', description: 'D' });
		ctx.mock.fault({ status: 500, body: { status: 'error', message: 'Service temporarily unavailable' } });

		const result = await run(updateParameters, [{ id: project.id, name: 'N', description: 'D' }]);

		expect(result.error.message).toContain('Service temporarily unavailable');
		expect(result.error.httpCode).toBe('500');
	});

	test('wrong keys give AtaraPay\'s message, without the keys', async () => {
		const wrong = await ctx.n8n.createCredential('ataraPayApi', {
			...ctx.credentialData,
			privateKey: 'sk_wrong_key_123',
		});
		const result = await ctx.n8n.runNode({
			nodeType: 'ataraPay',
			credential: wrong,
			parameters: updateParameters,
			items: [{ id: 1, name: 'N', description: 'D' }],
		});
		expect(result.error.message).toContain('Invalid authtoken');
		expectNoSecrets(result, [...SECRETS, 'sk_wrong_key_123']);
	});

	test('an ID with path characters arrives encoded as one path segment', async () => {
		const result = await run(updateParameters, [{ id: '/../x?y#z', name: 'N', description: 'D' }]);

		expect(ctx.mock.requests).toHaveLength(1);
		expect(ctx.mock.requests[0].path).toBe('/api/project/updateProject/%2F..%2Fx%3Fy%23z');
		expect(result.error.message).toContain('Project with id (/../x?y#z) does not exist');
	});

	test.each([
		['a missing project ID', { id: '', name: 'N', description: 'D' }, '"Project" is empty [item 0]'],
		['an empty project name', { id: 1, name: '', description: 'D' }, '"Project Name" is empty [item 0]'],
		['an empty description', { id: 1, name: 'N', description: '  ' }, '"Description" is empty [item 0]'],
	])('%s stops the item before any request', async (_case, item, message) => {
		const result = await run(updateParameters, [item]);

		expect(result.error.message).toBe(message);
		expect(ctx.mock.requests).toHaveLength(0);
	});

	test('Continue On Fail keeps the good items and puts the error in its position', async () => {
		const a = ctx.mock.addProject({ project_name: 'A', description: 'x' });
		const c = ctx.mock.addProject({ project_name: 'C', description: 'x' });

		const result = await run(
			updateParameters,
			[
				{ id: a.id, name: 'A2', description: 'x' },
				{ id: '', name: 'B2', description: 'x' },
				{ id: c.id, name: 'C2', description: 'x' },
			],
			{ onError: 'continueRegularOutput' },
		);

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(result.items[0].json.project_name).toBe('A2');
		expect(result.items[1].json).toEqual({ error: '"Project" is empty [item 1]' });
		expect(result.items[2].json.project_name).toBe('C2');
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(ctx.mock.requests.map((r) => r.path).sort()).toEqual([
			`/api/project/updateProject/${a.id}`,
			`/api/project/updateProject/${c.id}`,
		]);
	});

	test('"Continue (using error output)" sends the failed item to the error output, paired with its input', async () => {
		const a = ctx.mock.addProject({ project_name: 'A', description: 'x' });

		const result = await run(
			updateParameters,
			[
				{ id: '', name: 'bad', description: 'x' },
				{ id: a.id, name: 'A3', description: 'x' },
			],
			{ onError: 'continueErrorOutput' },
		);

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.project_name, item.pairedItem])).toEqual([['A3', { item: 1 }]]);
		expect(result.errorItems.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['"Project" is empty [item 0]', { item: 0 }],
		]);
	});

	test('Create sends the buyer details and outputs the new project', async () => {
		const result = await run(
			{
				resource: 'project',
				operation: 'create',
				projectName: 'Escrow payment',
				description: 'Three milestones',
				customerEmail: 'buyer@example.com',
				customerPhone: '+2348012345678',
			},
			[{}],
		);

		expect(result.error).toBeUndefined();
		const [request] = ctx.mock.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/api/project/createProject');
		expect(request.contentType).toContain('application/x-www-form-urlencoded');
		expect(request.body).toEqual({
			authtoken: AUTHTOKEN,
			project_name: 'Escrow payment',
			description: 'Three milestones',
			customer_email: 'buyer@example.com',
			customer_phone: '+2348012345678',
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ project_name: 'Escrow payment', seller_id: 120 });
	});

	test('Create stops an invalid email before any request', async () => {
		const result = await run(
			{
				resource: 'project',
				operation: 'create',
				projectName: 'P',
				description: 'D',
				customerEmail: 'not-an-email',
				customerPhone: '+234',
			},
			[{}],
		);
		expect(result.error.message).toBe('"Customer Email" is not a valid email address [item 0]');
		expect(ctx.mock.requests).toHaveLength(0);
	});

	test('Get Many outputs one item per project, whether AtaraPay sends an array or one object', async () => {
		ctx.mock.projects.clear();
		ctx.mock.addProject({ project_name: 'One', description: 'x' });
		ctx.mock.addProject({ project_name: 'Two', description: 'x' });
		const parameters = { resource: 'project', operation: 'getAll', returnAll: true };

		const asArray = await run(parameters, [{}]);
		expect(asArray.items.map((item) => item.json.project_name)).toEqual(['One', 'Two']);
		expect(asArray.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		const [request] = ctx.mock.requests;
		expect([request.method, request.path, request.body]).toEqual([
			'POST',
			'/api/project/getExternalProjects',
			{ authtoken: AUTHTOKEN },
		]);

		ctx.mock.getProjectsShape = 'object';
		const asObject = await run(parameters, [{}]);
		ctx.mock.getProjectsShape = 'array';
		expect(asObject.items.map((item) => item.json.project_name)).toEqual(['One']);

		const limited = await run({ resource: 'project', operation: 'getAll', returnAll: false, limit: 1 }, [{}]);
		expect(limited.items).toHaveLength(1);
	});

	test('the project picker lists the projects from AtaraPay', async () => {
		ctx.mock.projects.clear();
		const one = ctx.mock.addProject({ project_name: 'Lagos office', description: 'x' });
		ctx.mock.addProject({ project_name: 'Abuja office', description: 'x' });

		const all = await ctx.n8n.listSearch({ nodeType: 'ataraPay', methodName: 'searchProjects', credential: ctx.credential });
		expect(all.results).toEqual([
			{ name: 'Lagos office', value: String(one.id) },
			{ name: 'Abuja office', value: String(one.id + 1) },
		]);
		const filtered = await ctx.n8n.listSearch({
			nodeType: 'ataraPay',
			methodName: 'searchProjects',
			credential: ctx.credential,
			filter: 'lagos',
		});
		expect(filtered.results).toEqual([{ name: 'Lagos office', value: String(one.id) }]);
	});

	test('the project picker lists every project, the 101st and beyond included, from one request', async () => {
		ctx.mock.projects.clear();
		const projects = Array.from({ length: 120 }, (_, n) => ctx.mock.addProject({ project_name: `Site ${n + 1}`, description: 'x' }));

		const all = await ctx.n8n.listSearch({ nodeType: 'ataraPay', methodName: 'searchProjects', credential: ctx.credential });

		expect(all.results.map((result) => result.value)).toEqual(projects.map((project) => String(project.id)));
		expect(all.paginationToken).toBeUndefined();
		expect(ctx.mock.requests).toHaveLength(1);
		const found = await ctx.n8n.listSearch({
			nodeType: 'ataraPay',
			methodName: 'searchProjects',
			credential: ctx.credential,
			filter: 'site 115',
		});
		expect(found.results).toEqual([{ name: 'Site 115', value: String(projects[114].id) }]);
	});

	test('the credential test passes with the right keys and fails with wrong ones', async () => {
		const good = await ctx.n8n.testCredential(ctx.credential, ctx.credentialData);
		expect(good).toMatchObject({ status: 'OK' });

		const bad = await ctx.n8n.testCredential(ctx.credential, { ...ctx.credentialData, privateKey: 'sk_wrong' });
		expect(bad.status).toBe('Error');
		expect(bad.message).toContain('AtaraPay did not accept these keys');
	});
});
