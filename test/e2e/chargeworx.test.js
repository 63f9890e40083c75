const { createChargeworxMock } = require('../mocks/chargeworx');
const { useProvider, expectNoSecrets } = require('./setup');
const { N8N_VERSION } = require('../harness/n8nInstance');

const CLIENT_ID = 'n8n-admin-client';
const CLIENT_SECRET = 'cwx_secret_5f1e9a7c3b2d';
const MERCHANT_API_KEY = 'sk_live_merchant_91c2f0d4e8';
const COMPANY_ID = '3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c';
const OTHER_COMPANY_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const UNKNOWN_ID = '00000000-1111-4222-8333-444444444444';
const WRONG_CLIENT = 'Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method).';
const WRONG_SCOPE = 'The requested scope is invalid, unknown, or malformed.';

/**
 * n8n's words when the token endpoint refuses the entered client secret or scope (HTTP
 * `status`, OAuth `description`). The same refusal, worded by each n8n line:
 * - n8n 2.40 sends the credential's test request to the token endpoint, and the
 *   credential's rules give the package's message;
 * - n8n 2.41 first fetches a token with the entered values to sign that request, and
 *   reports the endpoint's error_description;
 * - n8n 1.x fetches one too, and reports the HTTP status in its own words.
 */
function tokenRefusal(status, description) {
	const [major, minor] = N8N_VERSION.split('.').map(Number);
	if (major === 1) {
		return status === 401 ? 'Authorization failed - please check your credentials' : 'Bad request - please check your parameters';
	}
	if (major === 2 && minor <= 40) return 'Chargeworx did not issue a token';
	return `Failed to acquire OAuth2 access token: ${description}`;
}

describe('Chargeworx node in a real n8n', () => {
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

	// Secrets that must never show: the client secret, the merchant API key, and every
	// access token the mock has issued.
	const secrets = () => [CLIENT_SECRET, MERCHANT_API_KEY, ...ctx.mock.issuedTokens];
	const byId = (value) => ({ __rl: true, mode: 'id', value });

	// Where a typed API key may be: n8n keeps the node's parameters, as typed, with the
	// workflow and copies them beside an error (`error.node`) and into its execution
	// stack. Anywhere else (output, error message, description, response, log) is a leak.
	const expectKeyOnlyInNodeParameters = (result, key) => {
		const places = [];
		const walk = (value, path) => {
			if (typeof value === 'string' && value.includes(key)) places.push(path);
			if (value && typeof value === 'object') {
				for (const [name, inner] of Object.entries(value)) walk(inner, `${path}.${name}`);
			}
		};
		walk(result, 'result');
		expect(places.filter((path) => !path.endsWith('.node.parameters.updateFields.apiKey'))).toEqual([]);
		expectNoSecrets({ items: result.items, errorItems: result.errorItems, message: result.error?.message }, [key]);
	};
	const run = (parameters, items, extra = {}) =>
		ctx.n8n.runNode({ nodeType: 'chargeworx', credential: ctx.credential, parameters, items, ...extra });
	const apiRequests = () => ctx.mock.requests.filter((r) => r.path.startsWith('/api/'));
	const bearerOf = (request) => request.headers.authorization;

	const updateParameters = {
		resource: 'companyProject',
		operation: 'update',
		projectId: byId('={{ $json.id }}'),
		projectName: '={{ $json.name }}',
	};
	const updateWith = (updateFields) => ({ ...updateParameters, updateFields });

	describe('access token', () => {
		/** Three projects to rename, and a runner with a new credential that holds no token yet. */
		const threeProjectsAndNewCredential = async (label) => {
			const credential = await ctx.n8n.createCredential('chargeworxOAuth2Api', ctx.credentialData);
			const ids = [1, 2, 3].map((n) => ctx.mock.addProject({ name: `${label} ${n}` }).id);
			const items = ids.map((id, n) => ({ id, name: `${label} ${n + 1} renamed` }));
			const runWith = () =>
				ctx.n8n.runNode({ nodeType: 'chargeworx', credential, parameters: updateParameters, items });
			return { ids, runWith };
		};

		test('three items fetch exactly one token, asked for as documented', async () => {
			const { ids, runWith } = await threeProjectsAndNewCredential('Token test');

			const first = await runWith();
			expect(first.error).toBeUndefined();
			expect(first.items.map((item) => item.json)).toEqual(ids.map((id) => ({ id, success: true })));
			const [tokenRequest] = ctx.mock.tokenRequests();
			expect(tokenRequest.contentType).toContain('application/x-www-form-urlencoded');
			expect(tokenRequest.body).toEqual({
				grant_type: 'client_credentials',
				client_id: CLIENT_ID,
				client_secret: CLIENT_SECRET,
				scope: 'AdminUIScope',
			});
			// Every item was sent with a token the mock issued.
			const issued = ctx.mock.issuedTokens.map((token) => `Bearer ${token}`);
			expect(apiRequests()).toHaveLength(3);
			expect(apiRequests().every((r) => issued.includes(bearerOf(r)))).toBe(true);
			// n8n starts every item's request at once: until the first request is sent alone,
			// each item may fetch its own token, and this fails.
			expect(ctx.mock.tokenRequests()).toHaveLength(1);
		});

		test('a second run reuses the stored token, and an expired token is renewed', async () => {
			const { ids, runWith } = await threeProjectsAndNewCredential('Reuse test');
			expect((await runWith()).error).toBeUndefined();

			ctx.mock.reset();
			const second = await runWith();
			expect(second.error).toBeUndefined();
			expect(ctx.mock.tokenRequests()).toHaveLength(0);
			const usedTokens = [...new Set(apiRequests().map(bearerOf))];
			expect(usedTokens).toHaveLength(1);
			expect(apiRequests()).toHaveLength(3);
			const storedToken = usedTokens[0].replace('Bearer ', '');
			expect(ctx.mock.issuedTokens).toContain(storedToken);

			ctx.mock.reset();
			ctx.mock.expireTokens();
			const third = await runWith();
			expect(third.error).toBeUndefined();
			expect(third.items.map((item) => [item.json, item.pairedItem])).toEqual(
				ids.map((id, index) => [{ id, success: true }, { item: index }]),
			);
			// The first request alone met the expired token (the runner sends it alone), twice:
			// its 401 is first handed back, then sent again for n8n to renew the token (the way
			// that works on n8n 1.x and 2.x, nodes/shared/tokenRenewal.ts). n8n fetched one new
			// token, which every item then used.
			const newToken = ctx.mock.issuedTokens.at(-1);
			expect(newToken).not.toBe(storedToken);
			expect(ctx.mock.tokenRequests()).toHaveLength(1);
			const answered = apiRequests().map((r) => [bearerOf(r), r.answeredStatus]);
			expect(answered.filter(([, status]) => status === 401)).toEqual(Array(2).fill([`Bearer ${storedToken}`, 401]));
			expect(answered.filter(([, status]) => status === 200)).toEqual(Array(3).fill([`Bearer ${newToken}`, 200]));
			expectNoSecrets(third, secrets());
		});

		test('a wrong client secret fails the item with the OAuth error, without the secret', async () => {
			const wrongSecret = 'cwx_wrong_secret_000';
			const wrong = await ctx.n8n.createCredential('chargeworxOAuth2Api', {
				...ctx.credentialData,
				clientSecret: wrongSecret,
			});
			const project = ctx.mock.addProject({ name: 'Wrong secret' });

			const result = await ctx.n8n.runNode({
				nodeType: 'chargeworx',
				credential: wrong,
				parameters: updateParameters,
				items: [{ id: project.id, name: 'Never renamed' }],
			});

			// n8n 1.x gives the OAuth error without its own prefix.
			expect(result.error.message).toBe(
				N8N_VERSION.startsWith('1.') ? WRONG_CLIENT : `Failed to acquire OAuth2 access token: ${WRONG_CLIENT}`,
			);
			expect(apiRequests()).toHaveLength(0);
			expect(project.name).toBe('Wrong secret');
			expectNoSecrets(result, [...secrets(), wrongSecret]);
		});
	});

	describe('Update General Information', () => {
		test('sends one JSON PUT with the path ID as body id and outputs the project ID', async () => {
			const project = ctx.mock.addProject({ name: 'Web shop' });
			const parameters = updateWith({
				description: 'Payments for the online store',
				returnUrl: 'https://shop.example.com/payment/success',
				cancelUrl: 'https://shop.example.com/payment/cancelled',
				phone: '+1 555 0100',
				isActive: false,
			});

			const result = await run(parameters, [{ id: project.id, name: 'Web shop v2' }]);

			expect(result.error).toBeUndefined();
			expect(apiRequests()).toHaveLength(1);
			const [request] = apiRequests();
			expect(request.method).toBe('PUT');
			expect(request.path).toBe(`/api/adm/companyProjects/${project.id}/general`);
			expect(request.contentType).toContain('application/json');
			expect(request.headers.authorization).toMatch(/^Bearer cwx_at_/);
			expect(request.body).toEqual({
				id: project.id,
				projectName: 'Web shop v2',
				description: 'Payments for the online store',
				returnUrl: 'https://shop.example.com/payment/success',
				cancelUrl: 'https://shop.example.com/payment/cancelled',
				phone: '+1 555 0100',
				isActive: false,
			});
			expect(result.items).toEqual([expect.objectContaining({ json: { id: project.id, success: true }, pairedItem: { item: 0 } })]);
			expect(ctx.mock.projects.get(project.id)).toMatchObject({
				name: 'Web shop v2',
				description: 'Payments for the online store',
				phone: '+1 555 0100',
				isActive: false,
			});
			expectNoSecrets(result, secrets());
		});

		test('sends only the fields that are set', async () => {
			const project = ctx.mock.addProject({ name: 'Kiosk', description: 'Keep me' });

			const result = await run(updateParameters, [{ id: project.id, name: 'Kiosk 2' }]);

			expect(result.error).toBeUndefined();
			expect(apiRequests()[0].body).toEqual({ id: project.id, projectName: 'Kiosk 2' });
			expect(ctx.mock.projects.get(project.id)).toMatchObject({ name: 'Kiosk 2', description: 'Keep me' });
		});

		test('three input items give three outputs, each paired with its input', async () => {
			const ids = [1, 2, 3].map((n) => ctx.mock.addProject({ name: `Batch ${n}` }).id);

			const result = await run(
				updateParameters,
				ids.map((id, n) => ({ id, name: `Batch ${n + 1} renamed` })),
			);

			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => [item.json, item.pairedItem])).toEqual(
				ids.map((id, index) => [{ id, success: true }, { item: index }]),
			);
			expect(apiRequests().map((r) => r.body.projectName).sort()).toEqual([
				'Batch 1 renamed',
				'Batch 2 renamed',
				'Batch 3 renamed',
			]);
		});

		test('an error Chargeworx sends with HTTP 200 and success:false fails the item with its message', async () => {
			ctx.mock.addProject({ name: 'Taken name', companyId: COMPANY_ID });
			const project = ctx.mock.addProject({ name: 'Free name', companyId: COMPANY_ID });

			const result = await run(updateParameters, [{ id: project.id, name: 'Taken name' }]);

			expect(apiRequests()).toHaveLength(1);
			expect(apiRequests()[0].answeredStatus).toBe(200);
			expect(result.error.message).toBe("Chargeworx: A project named 'Taken name' already exists in this company.");
			expect(result.error.httpCode).toBe('200');
			expect(ctx.mock.projects.get(project.id).name).toBe('Free name');
		});

		test('an error sent with HTTP 404 fails the item with its message', async () => {
			const result = await run(updateParameters, [{ id: UNKNOWN_ID, name: 'Nobody' }]);

			expect(result.error.message).toBe(`Chargeworx: Company project with id '${UNKNOWN_ID}' was not found.`);
			expect(result.error.httpCode).toBe('404');
			expectNoSecrets(result, secrets());
		});

		test('an answer without a body (HTTP 500) fails the item with the status', async () => {
			const project = ctx.mock.addProject({ name: 'Down' });
			ctx.mock.fault({ match: (r) => r.path.startsWith('/api/'), status: 500 });

			const result = await run(updateParameters, [{ id: project.id, name: 'Still down' }]);

			expect(result.error.message).toBe('Chargeworx: the request failed with HTTP 500 (Internal Server Error)');
			expect(result.error.httpCode).toBe('500');
		});

		const valid = '7bc94a21-8833-4d2f-a5e1-9f4b2d8c1e7a';
		test.each([
			['a missing project ID', updateParameters, { id: '', name: 'N' }, '"Project" is empty [item 0]'],
			['a project ID that is not a GUID', updateParameters, { id: '42', name: 'N' }, '"Project" is not a valid GUID [item 0]'],
			[
				'a project ID with path characters',
				updateParameters,
				{ id: '/../x?y#z', name: 'N' },
				'"Project" is not a valid GUID [item 0]',
			],
			['an empty project name', updateParameters, { id: valid, name: ' ' }, '"Project Name" is empty [item 0]'],
			[
				'a project name over 50 characters',
				updateParameters,
				{ id: valid, name: 'x'.repeat(51) },
				'"Project Name" is longer than 50 characters [item 0]',
			],
			[
				'a relative return URL',
				updateWith({ returnUrl: '/payment/success' }),
				{ id: valid, name: 'N' },
				'"Return URL" is not an absolute URL [item 0]',
			],
			[
				'a cancel URL without a protocol',
				updateWith({ cancelUrl: 'shop.example.com/cancel' }),
				{ id: valid, name: 'N' },
				'"Cancel URL" is not an absolute URL [item 0]',
			],
			[
				'a phone over 25 characters',
				updateWith({ phone: '+1 555 0100 0100 0100 0100 0' }),
				{ id: valid, name: 'N' },
				'"Phone" is longer than 25 characters [item 0]',
			],
		])('%s stops the item before any request', async (_case, parameters, item, message) => {
			const result = await run(parameters, [item]);

			expect(result.error.message).toBe(message);
			expect(ctx.mock.requests).toHaveLength(0);
		});

		test('a 50-character name and a 25-character phone are accepted', async () => {
			const project = ctx.mock.addProject({ name: 'Limits' });

			const result = await run(updateWith({ phone: '+1 555 0100 0100 0100 010' }), [
				{ id: project.id, name: 'y'.repeat(50) },
			]);

			expect(result.error).toBeUndefined();
			expect(apiRequests()[0].body).toEqual({ id: project.id, projectName: 'y'.repeat(50), phone: '+1 555 0100 0100 0100 010' });
		});

		test('Continue On Fail keeps the good items and puts the error in its position', async () => {
			const a = ctx.mock.addProject({ name: 'A' });
			const c = ctx.mock.addProject({ name: 'C' });

			const result = await run(
				updateParameters,
				[
					{ id: a.id, name: 'A2' },
					{ id: 'not-a-guid', name: 'B2' },
					{ id: c.id, name: 'C2' },
				],
				{ onError: 'continueRegularOutput' },
			);

			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => [item.json, item.pairedItem])).toEqual([
				[{ id: a.id, success: true }, { item: 0 }],
				[{ error: '"Project" is not a valid GUID [item 1]' }, { item: 1 }],
				[{ id: c.id, success: true }, { item: 2 }],
			]);
			expect(apiRequests().map((r) => r.path).sort()).toEqual(
				[`/api/adm/companyProjects/${a.id}/general`, `/api/adm/companyProjects/${c.id}/general`].sort(),
			);
		});
	});

	describe('Update Merchant', () => {
		const merchantParameters = (updateFields) => ({
			resource: 'companyProject',
			operation: 'updateMerchant',
			projectId: byId('={{ $json.id }}'),
			updateFields,
		});

		test('sends the merchant settings and outputs the project ID, never the API key', async () => {
			const project = ctx.mock.addProject({ name: 'Merchant' });

			const result = await run(
				merchantParameters({
					merchantId: 'MID-4471',
					apiKey: MERCHANT_API_KEY,
					processorGateway: 3,
					isTestMode: false,
				}),
				[{ id: project.id }],
			);

			expect(result.error).toBeUndefined();
			const [request] = apiRequests();
			expect(request.method).toBe('PUT');
			expect(request.path).toBe(`/api/adm/companyProjects/${project.id}/merchant`);
			expect(request.contentType).toContain('application/json');
			expect(request.body).toEqual({
				id: project.id,
				merchantId: 'MID-4471',
				apiKey: MERCHANT_API_KEY,
				processorGateway: 3,
				isTestMode: false,
			});
			expect(result.items.map((item) => [item.json, item.pairedItem])).toEqual([[{ id: project.id, success: true }, { item: 0 }]]);
			expect(ctx.mock.projects.get(project.id)).toMatchObject({
				merchantId: 'MID-4471',
				apiKey: MERCHANT_API_KEY,
				processorGateway: 3,
				isTestMode: false,
			});
			expectNoSecrets(result, secrets());
		});

		test('an API key Chargeworx refuses (HTTP 200) gives its message, without the key', async () => {
			const project = ctx.mock.addProject({ name: 'Refused key' });
			const shortKey = 'sk_7f2';

			const result = await run(merchantParameters({ apiKey: shortKey }), [{ id: project.id }]);

			expect(result.error.message).toBe('Chargeworx: The processor rejected the API key.');
			expect(result.error.httpCode).toBe('200');
			expect(apiRequests()[0].body).toEqual({ id: project.id, apiKey: shortKey });
			expectKeyOnlyInNodeParameters(result, shortKey);
			expectNoSecrets(result, [CLIENT_SECRET, ...ctx.mock.issuedTokens]);
		});

		test('an unknown project (HTTP 404) fails with its message, without the key', async () => {
			const result = await run(merchantParameters({ apiKey: MERCHANT_API_KEY }), [{ id: UNKNOWN_ID }]);

			expect(result.error.message).toBe(`Chargeworx: Company project with id '${UNKNOWN_ID}' was not found.`);
			expect(result.error.httpCode).toBe('404');
			expectKeyOnlyInNodeParameters(result, MERCHANT_API_KEY);
		});

		test.each([
			['a project ID that is not a GUID', { apiKey: MERCHANT_API_KEY }, { id: 'abc' }, '"Project" is not a valid GUID [item 0]'],
			[
				'a processor gateway that is not a whole number',
				{ processorGateway: '={{ $json.gateway }}' },
				{ id: '7bc94a21-8833-4d2f-a5e1-9f4b2d8c1e7a', gateway: 'stripe' },
				'"Processor Gateway" is not a whole number [item 0]',
			],
		])('%s stops the item before any request', async (_case, updateFields, item, message) => {
			const result = await run(merchantParameters(updateFields), [item]);

			expect(result.error.message).toBe(message);
			expect(ctx.mock.requests).toHaveLength(0);
			expectKeyOnlyInNodeParameters(result, MERCHANT_API_KEY);
		});
	});

	describe('Create', () => {
		const createParameters = (additionalFields = {}) => ({
			resource: 'companyProject',
			operation: 'create',
			companyId: '={{ $json.companyId }}',
			projectName: '={{ $json.name }}',
			additionalFields,
		});

		test('sends a JSON POST and outputs the new project ID', async () => {
			const result = await run(
				createParameters({
					description: 'Point of sale',
					returnUrl: 'https://pos.example.com/ok',
					cancelUrl: 'https://pos.example.com/cancel',
					phone: '+44 20 7946 0000',
					isActive: false,
				}),
				[{ companyId: OTHER_COMPANY_ID, name: 'POS terminal' }],
			);

			expect(result.error).toBeUndefined();
			const [request] = apiRequests();
			expect(request.method).toBe('POST');
			expect(request.path).toBe('/api/adm/companyProjects');
			expect(request.contentType).toContain('application/json');
			expect(request.body).toEqual({
				companyId: OTHER_COMPANY_ID,
				name: 'POS terminal',
				description: 'Point of sale',
				returnUrl: 'https://pos.example.com/ok',
				cancelUrl: 'https://pos.example.com/cancel',
				phone: '+44 20 7946 0000',
				isActive: false,
			});
			const created = [...ctx.mock.projects.values()].find((p) => p.name === 'POS terminal');
			expect(created).toMatchObject({ companyId: OTHER_COMPANY_ID, description: 'Point of sale', isActive: false });
			expect(result.items.map((item) => [item.json, item.pairedItem])).toEqual([[{ id: created.id, success: true }, { item: 0 }]]);
		});

		test('a duplicate name (HTTP 200, success:false) fails with Chargeworx\'s message', async () => {
			ctx.mock.addProject({ name: 'Existing', companyId: COMPANY_ID });

			const result = await run(createParameters(), [{ companyId: COMPANY_ID, name: 'Existing' }]);

			expect(result.error.message).toBe("Chargeworx: A project named 'Existing' already exists in this company.");
			expect(result.error.httpCode).toBe('200');
		});

		test.each([
			['a missing company ID', { companyId: '', name: 'N' }, '"Company ID" is empty [item 0]'],
			['a company ID that is not a GUID', { companyId: 'acme', name: 'N' }, '"Company ID" is not a valid GUID [item 0]'],
			['a missing name', { companyId: COMPANY_ID, name: '' }, '"Project Name" is empty [item 0]'],
			['a name over 50 characters', { companyId: COMPANY_ID, name: 'n'.repeat(51) }, '"Project Name" is longer than 50 characters [item 0]'],
		])('%s stops the item before any request', async (_case, item, message) => {
			const result = await run(createParameters(), [item]);

			expect(result.error.message).toBe(message);
			expect(ctx.mock.requests).toHaveLength(0);
		});

		test('an invalid return URL stops the item before any request', async () => {
			const result = await run(createParameters({ returnUrl: 'pos.example.com' }), [{ companyId: COMPANY_ID, name: 'N' }]);

			expect(result.error.message).toBe('"Return URL" is not an absolute URL [item 0]');
			expect(ctx.mock.requests).toHaveLength(0);
		});
	});

	describe('Get', () => {
		const getParameters = { resource: 'companyProject', operation: 'get', projectId: byId('={{ $json.id }}') };

		test('outputs the project from `data`, without the processor API key', async () => {
			const project = ctx.mock.addProject({
				name: 'Detailed',
				description: 'All the details',
				returnUrl: 'https://d.example.com/ok',
				merchantId: 'MID-1',
				apiKey: MERCHANT_API_KEY,
			});

			const result = await run(getParameters, [{ id: project.id }]);

			expect(result.error).toBeUndefined();
			const [request] = apiRequests();
			expect([request.method, request.path]).toEqual(['GET', `/api/adm/companyProjects/${project.id}`]);
			const { apiKey, ...withoutKey } = project;
			expect(result.items.map((item) => [item.json, item.pairedItem])).toEqual([[withoutKey, { item: 0 }]]);
			expectNoSecrets(result, secrets());
		});

		test('an unknown project fails with Chargeworx\'s message (HTTP 404)', async () => {
			const result = await run(getParameters, [{ id: UNKNOWN_ID }]);

			expect(result.error.message).toBe(`Chargeworx: Company project with id '${UNKNOWN_ID}' was not found.`);
			expect(result.error.httpCode).toBe('404');
		});

		test('a project ID that is not a GUID stops the item before any request', async () => {
			const result = await run(getParameters, [{ id: '/../x?y#z' }]);

			expect(result.error.message).toBe('"Project" is not a valid GUID [item 0]');
			expect(ctx.mock.requests).toHaveLength(0);
		});
	});

	describe('Get Many', () => {
		const PAGED_COMPANY = 'c0ffee00-0000-4000-8000-000000000045';
		const pagedProjects = () =>
			[...ctx.mock.projects.values()].filter((p) => p.companyId === PAGED_COMPANY).map((p) => p.id);
		const getManyParameters = (extra) => ({
			resource: 'companyProject',
			operation: 'getAll',
			filters: { companyId: PAGED_COMPANY },
			...extra,
		});
		const pagesAsked = () => apiRequests().map((r) => [r.query.limit, r.query.offset]);

		beforeAll(() => {
			for (let n = 1; n <= 45; n++) ctx.mock.addProject({ companyId: PAGED_COMPANY, name: `Paged ${n}` });
		});

		test('Return All asks page after page and outputs one item per entry', async () => {
			const result = await run(getManyParameters({ returnAll: true }), [{}]);

			expect(result.error).toBeUndefined();
			expect(pagesAsked()).toEqual([
				['20', '0'],
				['20', '20'],
				['20', '40'],
			]);
			expect(apiRequests().every((r) => r.method === 'GET' && r.path === '/api/adm/companyProjects')).toBe(true);
			expect(result.items.map((item) => item.json.id)).toEqual(pagedProjects());
			expect(result.items[0].json).toEqual({
				id: pagedProjects()[0],
				name: 'Paged 1',
				companyId: PAGED_COMPANY,
				isActive: true,
				createdDate: expect.any(String),
			});
			expect(result.items.every((item) => item.pairedItem.item === 0)).toBe(true);
		});

		test('Limit asks only for what it needs', async () => {
			const five = await run(getManyParameters({ returnAll: false, limit: 5 }), [{}]);
			expect(pagesAsked()).toEqual([['5', '0']]);
			expect(five.items.map((item) => item.json.id)).toEqual(pagedProjects().slice(0, 5));

			ctx.mock.reset();
			const twentyFive = await run(getManyParameters({ returnAll: false, limit: 25 }), [{}]);
			expect(pagesAsked()).toEqual([
				['20', '0'],
				['20', '20'],
			]);
			expect(twentyFive.items.map((item) => item.json.id)).toEqual(pagedProjects().slice(0, 25));
		});

		test('filters go to the query string', async () => {
			const inactive = ctx.mock.addProject({ companyId: OTHER_COMPANY_ID, name: 'Old Shop', isActive: false });
			ctx.mock.addProject({ companyId: OTHER_COMPANY_ID, name: 'New Shop', isActive: true });
			ctx.mock.addProject({ companyId: OTHER_COMPANY_ID, name: 'Old kiosk', isActive: false });

			const result = await run(
				{
					resource: 'companyProject',
					operation: 'getAll',
					returnAll: true,
					filters: { companyId: OTHER_COMPANY_ID, name: 'shop', isActive: false },
				},
				[{}],
			);

			expect(result.error).toBeUndefined();
			expect(apiRequests().map((r) => r.query)).toEqual([
				{ companyId: OTHER_COMPANY_ID, name: 'shop', isActive: 'false', limit: '20', offset: '0' },
			]);
			expect(result.items.map((item) => item.json.id)).toEqual([inactive.id]);
		});

		test('a company ID filter that is not a GUID stops the item before any request', async () => {
			const result = await run(getManyParameters({ returnAll: true, filters: { companyId: 'acme' } }), [{}]);

			expect(result.error.message).toBe('"Company ID" is not a valid GUID [item 0]');
			expect(ctx.mock.requests).toHaveLength(0);
		});

		test('an error in a page fails the item with Chargeworx\'s message', async () => {
			ctx.mock.fault({
				match: (r) => r.query.offset === '20',
				status: 200,
				body: { success: false, code: 500, errorMessage: 'Database timeout' },
			});

			const result = await run(getManyParameters({ returnAll: true }), [{}]);

			expect(result.error.message).toBe('Chargeworx: Database timeout');
			expect(result.error.httpCode).toBe('200');
		});
	});

	test('the project picker lists projects and searches by name through the API', async () => {
		ctx.mock.projects.clear();
		const lagos = ctx.mock.addProject({ name: 'Lagos picker office' });
		const abuja = ctx.mock.addProject({ name: 'Abuja picker office' });

		const all = await ctx.n8n.listSearch({ nodeType: 'chargeworx', methodName: 'searchProjects', credential: ctx.credential });
		expect(all.results).toEqual([
			{ name: 'Lagos picker office', value: lagos.id },
			{ name: 'Abuja picker office', value: abuja.id },
		]);
		expect(apiRequests().map((r) => [r.method, r.path, r.query])).toEqual([
			['GET', '/api/adm/companyProjects', { limit: '20', offset: '0' }],
		]);

		ctx.mock.reset();
		const filtered = await ctx.n8n.listSearch({
			nodeType: 'chargeworx',
			methodName: 'searchProjects',
			credential: ctx.credential,
			filter: 'lagos PICKER',
		});
		expect(filtered.results).toEqual([{ name: 'Lagos picker office', value: lagos.id }]);
		expect(apiRequests().map((r) => r.query)).toEqual([{ name: 'lagos PICKER', limit: '20', offset: '0' }]);
		expect(filtered.paginationToken).toBeUndefined();
	});

	test('the project picker pages through every project, and name search pages on Chargeworx\'s side', async () => {
		ctx.mock.projects.clear();
		const projects = Array.from({ length: 110 }, (_, n) =>
			ctx.mock.addProject({ name: `${n % 2 ? 'Odd' : 'Even'} office ${n + 1}` }),
		);
		const searchAll = (filter) =>
			ctx.n8n.listSearchAll({ nodeType: 'chargeworx', methodName: 'searchProjects', credential: ctx.credential, filter });

		const all = await searchAll();
		expect(all.results.map((result) => result.value)).toEqual(projects.map((project) => project.id));
		expect(all.results[104]).toEqual({ name: 'Even office 105', value: projects[104].id });
		expect(apiRequests().map((r) => r.query.offset)).toEqual(['0', '20', '40', '60', '80', '100']);

		ctx.mock.reset();
		const odd = await searchAll('odd OFFICE');
		expect(odd.results).toHaveLength(55);
		expect(odd.results.at(-1)).toEqual({ name: 'Odd office 110', value: projects[109].id });
		expect(apiRequests().map((r) => [r.query.offset, r.query.name])).toEqual(
			['0', '20', '40'].map((offset) => [offset, 'odd OFFICE']),
		);
	});

	describe('credential test', () => {
		// By now the stored credential holds a valid token: the test must still check the entered secret.
		beforeAll(async () => {
			const project = ctx.mock.addProject({ name: 'Before credential test' });
			const result = await run(updateParameters, [{ id: project.id, name: 'Token stored' }]);
			expect(result.error).toBeUndefined();
		});

		test('passes with the right client secret', async () => {
			const good = await ctx.n8n.testCredential(ctx.credential, ctx.credentialData);

			expect(good).toMatchObject({ status: 'OK' });
			expect(ctx.mock.tokenRequests().at(-1).body).toMatchObject({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
		});

		test.each([400, 401])('fails with a wrong client secret (token endpoint answers %i)', async (status) => {
			ctx.mock.invalidClientStatus = status;
			const bad = await ctx.n8n.testCredential(ctx.credential, { ...ctx.credentialData, clientSecret: 'cwx_wrong' });
			ctx.mock.invalidClientStatus = 400;

			expect(bad.status).toBe('Error');
			expect(bad.message).toContain(tokenRefusal(status, WRONG_CLIENT));
			expect(ctx.mock.tokenRequests().map((r) => r.body.client_secret)).toContain('cwx_wrong');
			expectNoSecrets(bad, [CLIENT_SECRET, 'cwx_wrong']);
		});

		test('fails with a scope the client may not use', async () => {
			const bad = await ctx.n8n.testCredential(ctx.credential, { ...ctx.credentialData, scope: 'InternalScope' });

			expect(bad.status).toBe('Error');
			expect(bad.message).toContain(tokenRefusal(400, WRONG_SCOPE));
			expect(ctx.mock.tokenRequests().map((r) => r.body.scope)).toContain('InternalScope');
		});
	});
});
