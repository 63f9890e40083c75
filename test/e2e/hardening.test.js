// What the nodes guarantee when something goes wrong, in a real n8n against the mocks:
// an answer that is not the provider's API, a redirect, Stop during a long wait, IDs that
// would name another path, options an expression got wrong, a failing item, big integers.
// The answer check and the redirect policy are also checked on n8n's own engine for
// declarative nodes (RoutingNode), which n8n uses where it runs a node in-process as an
// AI tool (test/e2e/aiTool.test.js): the engine variant of the package runs the same
// declarations without the routing runner (test/harness/engineVariant.js).
const { createApipagosMock } = require('../mocks/apipagos');
const { createAtaraPayMock } = require('../mocks/ataraPay');
const { createChargeworxMock } = require('../mocks/chargeworx');
const { createFatoraMock } = require('../mocks/fatora');
const { createInstantpayMock } = require('../mocks/instantpay');
const { MockProvider } = require('../mocks/mockProvider');
const { engineNodeType } = require('../harness/engineVariant');
const { PACKAGE_NAME, N8N_VERSION } = require('../harness/n8nInstance');
const { n8nLog } = require('../harness/e2eState');
const { useProvider, expectNoSecrets } = require('./setup');

const byId = (value) => ({ __rl: true, mode: 'id', value });
const HTML_PAGE = `<!DOCTYPE html><html><body>${'<p>Please sign in</p>'.repeat(50)}</body></html>`;
const CONTINUE = { onError: 'continueRegularOutput' };
const [n8nMajor, n8nMinor] = N8N_VERSION.split('.').map(Number);
// n8n 2.41 and newer fetch an OAuth2 token before testing an OAuth2 credential: n8n's own
// token request, which follows redirects (see the Chargeworx test at the end).
const testFetchesOAuth2Token = n8nMajor > 2 || (n8nMajor === 2 && n8nMinor >= 41);

/**
 * Each provider: its mock and credential, which of its requests are API calls (not token
 * requests), and an Update of a record that exists, so that without a fault it succeeds.
 */
const providers = [
	{
		name: 'AtaraPay',
		nodeType: 'ataraPay',
		createMock: () => createAtaraPayMock({ publicKey: 'pk_hard', privateKey: 'sk_hard_secret' }),
		credentialType: 'ataraPayApi',
		credentialData: (mock) => ({ environment: 'custom', baseUrl: mock.url, publicKey: 'pk_hard', privateKey: 'sk_hard_secret' }),
		secrets: () => ['sk_hard_secret', Buffer.from('pk_hard:sk_hard_secret').toString('base64')],
		isApiCall: () => true,
		update: (mock) => ({
			parameters: { resource: 'project', operation: 'update', projectId: byId('={{ $json.id }}'), projectName: 'New', description: 'd' },
			item: { id: mock.addProject({ project_name: 'Old', description: 'd' }).id },
		}),
	},
	{
		name: 'Fatora',
		nodeType: 'fatora',
		createMock: () => createFatoraMock({ apiKeys: ['FATORA-HARD-KEY-0001'] }),
		credentialType: 'fatoraApi',
		credentialData: (mock) => ({ environment: 'custom', baseUrl: `${mock.url}/v1`, apiKey: 'FATORA-HARD-KEY-0001' }),
		secrets: (mock) => ['FATORA-HARD-KEY-0001', ...mock.issuedTokens],
		isApiCall: (request) => request.path.startsWith('/v1/clients'),
		update: (mock) => ({
			parameters: { resource: 'client', operation: 'update', clientId: byId('={{ $json.id }}'), email: 'new@example.com' },
			item: { id: mock.addClient({ name: 'Old', email: 'old@example.com' }).id },
		}),
	},
	{
		name: 'Chargeworx',
		nodeType: 'chargeworx',
		createMock: () => createChargeworxMock({ clientId: 'cwx-hard', clientSecret: 'cwx_hard_secret_77' }),
		credentialType: 'chargeworxOAuth2Api',
		credentialData: (mock) => ({
			environment: 'custom',
			baseUrl: mock.url,
			clientId: 'cwx-hard',
			clientSecret: 'cwx_hard_secret_77',
			scope: 'AdminUIScope',
		}),
		secrets: (mock) => ['cwx_hard_secret_77', ...mock.issuedTokens],
		isApiCall: (request) => request.path.startsWith('/api/'),
		update: (mock) => ({
			parameters: { resource: 'companyProject', operation: 'update', projectId: byId('={{ $json.id }}'), projectName: 'New' },
			item: { id: mock.addProject({ name: 'Old' }).id },
		}),
	},
	{
		name: 'Instantpay',
		nodeType: 'instantpay',
		createMock: () => createInstantpayMock({ clientId: 'ipay-hard', clientSecret: 'ipay_hard_secret_99', endpointIp: '203.0.113.10' }),
		credentialType: 'instantpayApi',
		credentialData: (mock) => ({
			environment: 'custom',
			baseUrl: mock.url,
			clientId: 'ipay-hard',
			clientSecret: 'ipay_hard_secret_99',
			endpointIp: '203.0.113.10',
		}),
		secrets: () => ['ipay_hard_secret_99'],
		isApiCall: () => true,
		update: (mock) => ({
			parameters: {
				resource: 'contact',
				operation: 'update',
				contactId: byId('={{ $json.id }}'),
				name: 'New',
				email: 'new@example.com',
				mobile: '7428585742',
				tagIds: '={{ $json.tag }}',
			},
			item: {
				id: mock.addContact({ name: 'Old', email: 'old@example.com', mobile: '9000000000' })._id,
				tag: mock.addTag({ name: 'VIP' })._id,
			},
		}),
	},
	{
		name: 'Apipagos',
		nodeType: 'apipagos',
		createMock: () => createApipagosMock({ companyToken: 'ct_hard_token_4411' }),
		credentialType: 'apipagosApi',
		credentialData: (mock) => ({ environment: 'custom', baseUrl: `${mock.baseUrl()}/`, companyToken: 'ct_hard_token_4411' }),
		secrets: () => ['ct_hard_token_4411'],
		isApiCall: () => true,
		update: (mock) => ({
			parameters: { resource: 'contract', operation: 'update', contractCode: '={{ $json.code }}', updateFields: { title: 'New' } },
			item: { code: mock.addContract({ code: 'c0ffee00c0ffee00c0ffee00c0ffee00' }).code },
		}),
	},
];

// The routing runner (the node as n8n runs it in a workflow), and n8n's own engine.
const engines = [
	['the routing runner', (provider) => `${PACKAGE_NAME}.${provider.nodeType}`],
	['n8n’s engine', (provider) => engineNodeType(provider.nodeType)],
];
// n8n's engine keeps an item's error on the item and leaves its json empty.
const errorOf = (item) => item.json.error ?? item.error?.message;

describe.each(providers)('$name, in a real n8n', (provider) => {
	const ctx = useProvider(provider);
	const runUpdate = async (type, extra = {}) => {
		const { parameters, item } = provider.update(ctx.mock);
		const credentials = { [ctx.credential.type]: { id: ctx.credential.id, name: ctx.credential.name } };
		return await ctx.n8n.runNodeDefinition({ type, typeVersion: 1, parameters, credentials, ...extra }, [item]);
	};

	let elsewhere;
	beforeAll(async () => {
		// Another host, answering every request with a success, as an attacker's server would.
		elsewhere = new MockProvider('Elsewhere');
		elsewhere.app.use((req, res) => res.json({ success: true, status: 'success', statuscode: 'TXN', data: {} }));
		await elsewhere.start();
	});
	beforeEach(() => elsewhere.reset());
	afterAll(async () => elsewhere?.stop());

	test.each(engines)('an HTML page answered with HTTP 200 fails the item, naming the provider and the content type (%s)', async (_engine, typeOf) => {
		ctx.mock.fault({ match: provider.isApiCall, status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: HTML_PAGE });

		const result = await runUpdate(typeOf(provider), CONTINUE);

		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(errorOf(result.items[0])).toBe(
			`${provider.name}: the answer is not from the ${provider.name} API (HTTP 200, content type "text/html; charset=utf-8")`,
		);
		expect(JSON.stringify(result.items)).not.toContain('Please sign in');
		// Sent once: the page is an answer, not a failure worth repeating.
		expect(ctx.mock.requests.filter(provider.isApiCall)).toHaveLength(1);
	});

	test.each(engines)('a 307 to another server is not followed: that server receives nothing, no secret (%s)', async (_engine, typeOf) => {
		ctx.mock.fault({ match: provider.isApiCall, status: 307, headers: { Location: `${elsewhere.url}/stolen` } });

		const result = await runUpdate(typeOf(provider), CONTINUE);

		expect(elsewhere.requests).toEqual([]);
		expect(result.items).toHaveLength(1);
		expect(errorOf(result.items[0])).toBe(`${provider.name} answered with a redirect (HTTP 307), which the node does not follow`);
		expectNoSecrets(result, provider.secrets(ctx.mock));
	});

	test('the credential test does not follow a redirect either: the other server receives nothing', async () => {
		ctx.mock.fault({ status: 307, headers: { Location: `${elsewhere.url}/stolen` } });

		const result = await ctx.n8n.testCredential(ctx.credential, ctx.credentialData);

		expect(ctx.mock.requests.length).toBeGreaterThan(0);
		if (provider.credentialType === 'chargeworxOAuth2Api' && testFetchesOAuth2Token) {
			expect(elsewhere.requests.map((r) => [r.method, r.path])).toEqual([['POST', '/stolen']]);
		} else {
			expect(elsewhere.requests).toEqual([]);
		}
		expectNoSecrets(result, provider.secrets(ctx.mock));
	});
});

describe('AtaraPay: the run, Stop and the options, in a real n8n', () => {
	const [ataraPay] = providers;
	const ctx = useProvider(ataraPay);
	const update = (requestOptions = {}) => ({
		resource: 'project',
		operation: 'update',
		projectId: byId('={{ $json.id }}'),
		projectName: '={{ $json.name }}',
		description: 'd',
		requestOptions,
	});
	const projects = (count) =>
		Array.from({ length: count }, (_, n) => ({ id: ctx.mock.addProject({ project_name: `P${n}`, description: 'd' }).id, name: 'x' }));
	const run = (parameters, items, extra = {}) =>
		ctx.n8n.runNode({ nodeType: 'ataraPay', credential: ctx.credential, parameters, items, ...extra });

	test('Stop during a 60 s Retry-After wait ends the execution, and the node’s own run, within 2 s', async () => {
		ctx.mock.fault({ status: 429, headers: { 'Retry-After': '60' }, body: { status: 'error', message: 'Too many requests' } });
		const started = await ctx.n8n.startNode({
			nodeType: 'ataraPay',
			credential: ctx.credential,
			parameters: update(),
			items: projects(3),
		});
		const executionId = await ctx.n8n.runningExecution(started.workflowId);
		while (ctx.mock.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
		await new Promise((resolve) => setTimeout(resolve, 500)); // well into the wait
		// n8n marks the execution stopped at once and lets the node's run end on its own
		// (the node gets the execution's cancel signal). The run logs this line as it ends:
		// it would appear only after the Retry-After if the wait ignored Stop.
		const nodeEnded = 'ended its run after Stop';
		const endings = () => n8nLog().split(nodeEnded).length - 1;
		const endingsBefore = endings();

		const sentBeforeStop = ctx.mock.requests.length;
		const stoppedAt = Date.now();
		await ctx.n8n.stopExecution(executionId);
		const result = await started.finished;
		const execution = await ctx.n8n.request('GET', `/rest/executions/${executionId}`);
		while (endings() === endingsBefore && Date.now() - stoppedAt < 10_000) {
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		const nodeEndedAfterMs = Date.now() - stoppedAt;

		expect(new Date(execution.stoppedAt).getTime() - stoppedAt).toBeLessThan(2000);
		expect(result.execution.status).toBe('canceled');
		expect(nodeEndedAfterMs).toBeLessThan(2000);
		// None leaves after Stop.
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(ctx.mock.requests).toHaveLength(sentBeforeStop);
	});

	test.each([
		['Max Concurrent Requests', { maxConcurrency: 0 }, '0'],
		['Max Concurrent Requests', { maxConcurrency: '={{ "ten" }}' }, '"ten"'],
		['Max Attempts', { maxAttempts: '={{ NaN }}' }, null],
		['Max Attempts', { maxAttempts: 2.5 }, '2.5'],
	])('"%s" set to %j stops the node with a clear error before any request', async (option, requestOptions, shown) => {
		const result = await run(update(requestOptions), projects(2));

		expect(result.error.message).toBe(`"${option}" in Request Options must be a whole number of at least 1`);
		if (shown) expect(result.error.description).toContain(`It is ${shown}.`);
		expect(ctx.mock.requests).toHaveLength(0);
	});

	test('after an item fails without Continue On Fail, no further request starts', async () => {
		const items = projects(20);
		ctx.mock.fault({ times: 1, status: 400, body: { status: 'error', message: 'Project is locked' } });

		const result = await run(update({ maxConcurrency: 1 }), items);

		expect(result.error.message).toBe('AtaraPay: Project is locked');
		// One request at a time: the failing one was the only one sent.
		expect(ctx.mock.requests).toHaveLength(1);
	});

	test('IDs "." and ".." are refused before anything is sent', async () => {
		const result = await run(update(), [{ id: '.', name: 'x' }, { id: ' .. ', name: 'x' }], CONTINUE);

		expect(result.items.map((item) => item.json.error)).toEqual([
			'"Project" is not a valid ID [item 0]',
			'"Project" is not a valid ID [item 1]',
		]);
		expect(ctx.mock.requests).toHaveLength(0);
	});

	test('Get Many is a read: a 503 is retried (although AtaraPay lists with POST)', async () => {
		ctx.mock.projects.clear();
		ctx.mock.addProject({ project_name: 'Only', description: 'd' });
		ctx.mock.fault({ times: 1, status: 503, body: 'Service Unavailable' });

		const result = await run({ resource: 'project', operation: 'getAll', returnAll: true }, [{}]);

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.project_name)).toEqual(['Only']);
		expect(ctx.mock.requests.map((r) => r.answeredWith ?? 'ok')).toEqual([503, 'ok']);
	});
});

describe('Fatora and Apipagos: IDs, big integers and the token request, in a real n8n', () => {
	describe('Fatora', () => {
		const ctx = useProvider(providers[1]);

		test('client IDs "." and ".." are refused before anything is sent', async () => {
			const result = await ctx.n8n.runNode({
				nodeType: 'fatora',
				credential: ctx.credential,
				parameters: { resource: 'client', operation: 'update', clientId: byId('={{ $json.id }}'), email: 'a@example.com' },
				items: [{ id: '.' }, { id: '..' }],
				...CONTINUE,
			});

			expect(result.items.map((item) => item.json.error)).toEqual([
				'"Client" is not a valid ID [item 0]',
				'"Client" is not a valid ID [item 1]',
			]);
			expect(ctx.mock.clientRequests()).toHaveLength(0);
		});

		test('an Authorize request that never answers fails after 20 s instead of hanging', async () => {
			const credential = await ctx.n8n.createCredential('fatoraApi', ctx.credentialData); // no token yet
			const client = ctx.mock.addClient({ name: 'Old', email: 'old@example.com' });
			ctx.mock.fault({ match: (r) => r.path === '/v1/Authorization/Authorize', hang: true });

			const startedAt = Date.now();
			const result = await ctx.n8n.runNode({
				nodeType: 'fatora',
				credential,
				parameters: {
					resource: 'client',
					operation: 'update',
					clientId: byId(String(client.id)),
					email: 'new@example.com',
					requestOptions: { maxAttempts: 1 },
				},
				items: [{}],
			});

			expect(result.error).toBeDefined();
			expect(Date.now() - startedAt).toBeLessThan(40_000);
			expect(ctx.mock.clientRequests()).toHaveLength(0);
		}, 90_000);
	});

	describe('Apipagos', () => {
		const ctx = useProvider(providers[4]);
		const run = (parameters, items) =>
			ctx.n8n.runNode({ nodeType: 'apipagos', credential: ctx.credential, parameters, items, ...CONTINUE });

		test('contract codes "." and ".." are refused before anything is sent', async () => {
			const result = await run(
				{ resource: 'contract', operation: 'update', contractCode: '={{ $json.code }}', updateFields: { title: 'x' } },
				[{ code: '.' }, { code: '..' }],
			);

			expect(result.items.map((item) => item.json.error)).toEqual([
				'"Contract Code or ID" is not a valid ID [item 0]',
				'"Contract Code or ID" is not a valid ID [item 1]',
			]);
			expect(ctx.mock.requests).toHaveLength(0);
		});

		test('a user ID beyond 2^53 is refused rather than sent rounded', async () => {
			const contract = ctx.mock.addContract({ code: 'b16b00b5b16b00b5b16b00b5b16b00b5' });

			const result = await run(
				{
					resource: 'contract',
					operation: 'update',
					contractCode: contract.code,
					updateFields: { userIdSrc: '={{ $json.source }}' },
				},
				[{ source: '9007199254740993' }, { source: '9007199254740991' }],
			);

			expect(result.items[0].json.error).toBe('"Source User ID" is too large to send exactly [item 0]');
			expect(result.items[1].json.error).toBeUndefined();
			expect(ctx.mock.requests.map((r) => JSON.parse(r.rawBody).user_id_src)).toEqual([9007199254740991]);
		});
	});
});

describe('Chargeworx, in a real n8n', () => {
	const ctx = useProvider(providers[2]);

	// The token request is n8n's (the credential extends n8n's OAuth2 API), not the node's:
	// n8n (1.x and 2.x) follows a redirect from the token URL and sends the form again, client
	// secret included. The README says so; this shows it, and fails once n8n stops doing it.
	test('n8n’s own OAuth2 token request follows a redirect, client secret included (n8n’s behaviour)', async () => {
		const elsewhere = await new MockProvider('Elsewhere').start();
		try {
			elsewhere.app.use((req, res) => res.status(400).json({ error: 'invalid_client' }));
			const credential = await ctx.n8n.createCredential('chargeworxOAuth2Api', ctx.credentialData); // no token yet
			const project = ctx.mock.addProject({ name: 'Old' });
			ctx.mock.fault({ match: (r) => r.path === '/connect/token', status: 307, headers: { Location: `${elsewhere.url}/connect/token` } });

			const result = await ctx.n8n.runNode({
				nodeType: 'chargeworx',
				credential,
				parameters: { resource: 'companyProject', operation: 'update', projectId: byId(project.id), projectName: 'New' },
				items: [{}],
			});

			// n8n 2.x says what failed; 1.x shows only the token endpoint's answer.
			if (n8nMajor >= 2) expect(result.error.message).toContain('Failed to acquire OAuth2 access token');
			else expect(result.error.message).toBeTruthy();
			expect(elsewhere.requests.map((r) => [r.method, r.path, r.body.client_secret])).toEqual([
				['POST', '/connect/token', 'cwx_hard_secret_77'],
			]);
			// No API request went anywhere without a token.
			expect(ctx.mock.requests.filter((r) => r.path.startsWith('/api/'))).toHaveLength(0);
		} finally {
			await elsewhere.stop();
		}
	});

	test("never outputs a project's processor API key", async () => {
		// The docs say a project's details include its processor credentials: a list may carry them.
		ctx.mock.fault({
			match: (r) => r.path === '/api/adm/companyProjects',
			times: 1,
			status: 200,
			body: { success: true, code: 200, errorMessage: null, entries: [{ id: '6d1f0c2a-0b4e-4c8e-9d3a-5f7e8a9b0c1d', name: 'Shop', apiKey: 'sk_live_listed_key_5150' }] },
		});

		const result = await ctx.n8n.runNode({
			nodeType: 'chargeworx',
			credential: ctx.credential,
			parameters: { resource: 'companyProject', operation: 'getAll', returnAll: true },
			items: [{}],
		});

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.name)).toEqual(['Shop']);
		expect(result.items[0].json).not.toHaveProperty('apiKey');
		expectNoSecrets(result.items, ['sk_live_listed_key_5150']);
	});
});
