const { createFatoraMock } = require('../mocks/fatora');
const { useProvider, expectNoSecrets } = require('./setup');

const API_KEY = 'E4B73FEE-C02C-4A0D-9B5E-7A1F3C2D4E6B';
// A second account's key, for the token tests: expiring its tokens leaves the main credential alone.
const TOKEN_TEST_KEY = 'A1C2E3F4-5B6D-4E7F-8091-A2B3C4D5E6F7';
const WRONG_KEY = 'WRONG-KEY-0000-1111-2222-333344445555';

describe('Fatora node in a real n8n', () => {
	const ctx = useProvider({
		createMock: () => createFatoraMock({ apiKeys: [API_KEY, TOKEN_TEST_KEY] }),
		credentialType: 'fatoraApi',
		credentialData: (mock) => ({ environment: 'custom', baseUrl: `${mock.url}/v1`, apiKey: API_KEY }),
	});
	const secrets = () => [API_KEY, TOKEN_TEST_KEY, WRONG_KEY, ...ctx.mock.issuedTokens];

	const byId = (value) => ({ __rl: true, mode: 'id', value });
	const updateParameters = {
		resource: 'client',
		operation: 'update',
		clientId: byId('={{ $json.id }}'),
		email: '={{ $json.email }}',
		updateFields: { name: '={{ $json.name }}', phone: '={{ $json.phone }}' },
	};
	const run = (parameters, items, extra = {}) =>
		ctx.n8n.runNode({ nodeType: 'fatora', credential: ctx.credential, parameters, items, ...extra });
	const credentialWith = async (data) =>
		await ctx.n8n.createCredential('fatoraApi', { ...ctx.credentialData, ...data });
	/** The bearer token a request carried, checked to be one Fatora issued. */
	const tokenOf = (request) => {
		const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
		expect(ctx.mock.issuedTokens).toContain(token);
		return token;
	};

	describe('Update', () => {
		test('sends a JSON PUT with the bearer token and only the set fields, and outputs the client', async () => {
			const client = ctx.mock.addClient({ name: 'Old name', email: 'old@example.com', address: 'Doha', notes: 'VIP' });

			const result = await run(updateParameters, [
				{ id: client.id, email: 'new@example.com', name: 'Al Jazeera Trading', phone: '+97444001122' },
			]);

			expect(result.error).toBeUndefined();
			const requests = ctx.mock.clientRequests();
			expect(requests).toHaveLength(1);
			const [request] = requests;
			expect(request.method).toBe('PUT');
			expect(request.path).toBe(`/v1/clients/${client.id}`);
			expect(request.contentType).toContain('application/json');
			expect(request.body).toEqual({ email: 'new@example.com', name: 'Al Jazeera Trading', phone: '+97444001122' });
			tokenOf(request);
			expect(result.items).toHaveLength(1);
			expect(result.items[0].json).toEqual({
				id: client.id,
				name: 'Al Jazeera Trading',
				phone: '+97444001122',
				email: 'new@example.com',
				address: 'Doha',
				note: 'VIP',
			});
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
			expectNoSecrets(result, secrets());
		});

		test('with only the email set, sends only the email', async () => {
			const client = ctx.mock.addClient({ name: 'Keep me', email: 'a@example.com' });

			const result = await run(
				{ resource: 'client', operation: 'update', clientId: byId(String(client.id)), email: 'b@example.com' },
				[{}],
			);

			expect(result.error).toBeUndefined();
			expect(ctx.mock.clientRequests().map((r) => r.body)).toEqual([{ email: 'b@example.com' }]);
			expect(result.items[0].json).toMatchObject({ name: 'Keep me', email: 'b@example.com' });
		});

		test('sends the notes as `notes` and the address as `address`', async () => {
			const client = ctx.mock.addClient({ name: 'N', email: 'n@example.com' });

			const result = await run(
				{
					resource: 'client',
					operation: 'update',
					clientId: byId(String(client.id)),
					email: 'n@example.com',
					updateFields: { address: 'West Bay, Doha', notes: 'Pays by bank transfer' },
				},
				[{}],
			);

			expect(result.error).toBeUndefined();
			expect(ctx.mock.clientRequests()[0].body).toEqual({
				email: 'n@example.com',
				address: 'West Bay, Doha',
				notes: 'Pays by bank transfer',
			});
			expect(result.items[0].json).toMatchObject({ address: 'West Bay, Doha', note: 'Pays by bank transfer' });
		});

		test('three input items give three outputs, each paired with its input', async () => {
			const ids = [1, 2, 3].map((n) => ctx.mock.addClient({ name: `C${n}`, email: `c${n}@example.com` }).id);

			const result = await run(
				updateParameters,
				ids.map((id) => ({ id, email: `renamed${id}@example.com`, name: `Renamed ${id}`, phone: '1' })),
			);

			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => [item.json.id, item.json.name, item.pairedItem])).toEqual(
				ids.map((id, index) => [id, `Renamed ${id}`, { item: index }]),
			);
			expect(ctx.mock.clientRequests()).toHaveLength(3);
		});

		test('an unknown client fails with Fatora\'s message and the HTTP status', async () => {
			const result = await run(updateParameters, [{ id: 99999, email: 'x@example.com', name: 'N', phone: '1' }]);

			expect(result.error.message).toBe('Fatora: Client 99999 not found; code: 404');
			expect(result.error.httpCode).toBe('404');
			expectNoSecrets(result, secrets());
		});

		test('an error Fatora sends with HTTP 200 fails the item with its message', async () => {
			const client = ctx.mock.addClient({ name: 'N', email: 'n@example.com' });
			ctx.mock.fault({
				match: (r) => r.method === 'PUT',
				status: 200,
				body: { status: 'ERROR', error: 'Client is archived' },
			});

			const result = await run(updateParameters, [{ id: client.id, email: 'n@example.com', name: 'N', phone: '1' }]);

			expect(result.error.message).toBe('Fatora: Client is archived');
			expect(result.error.httpCode).toBe('200');
		});

		test('an error object with an HTTP error status becomes a readable message', async () => {
			const client = ctx.mock.addClient({ name: 'N', email: 'n@example.com' });
			ctx.mock.fault({
				match: (r) => r.method === 'PUT',
				status: 422,
				body: { status: 'ERROR', error: { message: 'Validation failed', phone: ['Only digits are allowed'] } },
			});

			const result = await run(updateParameters, [{ id: client.id, email: 'n@example.com', name: 'N', phone: 'abc' }]);

			expect(result.error.message).toBe('Fatora: Validation failed; phone: Only digits are allowed');
			expect(result.error.httpCode).toBe('422');
		});

		test('a server error without a body names the HTTP status', async () => {
			const client = ctx.mock.addClient({ name: 'N', email: 'n@example.com' });
			ctx.mock.fault({ match: (r) => r.method === 'PUT', status: 500 });

			const result = await run(updateParameters, [{ id: client.id, email: 'n@example.com', name: 'N', phone: '1' }]);

			expect(result.error.message).toContain('Fatora: the request failed with HTTP 500');
			expect(result.error.httpCode).toBe('500');
		});

		test('an ID with path characters arrives encoded as one path segment', async () => {
			const result = await run(updateParameters, [{ id: '/../x?y#z', email: 'x@example.com', name: 'N', phone: '1' }]);

			const requests = ctx.mock.clientRequests();
			expect(requests).toHaveLength(1);
			expect(requests[0].path).toBe('/v1/clients/%2F..%2Fx%3Fy%23z');
			expect(result.error.message).toBe('Fatora: Client /../x?y#z not found; code: 404');
		});

		test.each([
			['a missing client ID', { id: '', email: 'a@example.com' }, '"Client" is empty [item 0]'],
			['a missing email', { id: 1024, email: '' }, '"Email" is empty [item 0]'],
			['a malformed email', { id: 1024, email: 'not-an-email' }, '"Email" is not a valid email address [item 0]'],
		])('%s stops the item before any request', async (_case, item, message) => {
			const result = await run(updateParameters, [{ name: 'N', phone: '1', ...item }]);

			expect(result.error.message).toBe(message);
			expect(ctx.mock.requests).toHaveLength(0);
		});

		test('Continue On Fail keeps the good items and puts the error in its position', async () => {
			const a = ctx.mock.addClient({ name: 'A', email: 'a@example.com' });
			const c = ctx.mock.addClient({ name: 'C', email: 'c@example.com' });

			const result = await run(
				updateParameters,
				[
					{ id: a.id, email: 'a2@example.com', name: 'A2', phone: '1' },
					{ id: 5, email: 'broken', name: 'B2', phone: '1' },
					{ id: 424242, email: 'gone@example.com', name: 'D2', phone: '1' },
					{ id: c.id, email: 'c2@example.com', name: 'C2', phone: '1' },
				],
				{ onError: 'continueRegularOutput' },
			);

			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => item.json.name ?? item.json.error)).toEqual([
				'A2',
				'"Email" is not a valid email address [item 1]',
				'Fatora: Client 424242 not found; code: 404',
				'C2',
			]);
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
			expect(ctx.mock.clientRequests().map((r) => r.path).sort()).toEqual(
				[`/v1/clients/${a.id}`, '/v1/clients/424242', `/v1/clients/${c.id}`].sort(),
			);
		});
	});

	describe('Create', () => {
		const createParameters = {
			resource: 'client',
			operation: 'create',
			name: '={{ $json.name }}',
			additionalFields: {
				email: '={{ $json.email }}',
				phone: '+97455667788',
				address: 'Lusail',
				notes: 'Referred by a partner',
			},
		};

		test('sends a JSON POST and outputs the new client', async () => {
			const result = await run(createParameters, [{ name: 'Qatar Foods', email: 'billing@qatarfoods.qa' }]);

			expect(result.error).toBeUndefined();
			const [request] = ctx.mock.clientRequests();
			expect(request.method).toBe('POST');
			expect(request.path).toBe('/v1/clients');
			expect(request.contentType).toContain('application/json');
			expect(request.body).toEqual({
				name: 'Qatar Foods',
				email: 'billing@qatarfoods.qa',
				phone: '+97455667788',
				address: 'Lusail',
				notes: 'Referred by a partner',
			});
			tokenOf(request);
			expect(result.items).toHaveLength(1);
			expect(result.items[0].json).toMatchObject({ name: 'Qatar Foods', email: 'billing@qatarfoods.qa', note: 'Referred by a partner' });
			expect(ctx.mock.clients.get(String(result.items[0].json.id)).name).toBe('Qatar Foods');
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
		});

		test('with only the name, sends only the name', async () => {
			const result = await run({ resource: 'client', operation: 'create', name: 'Walk-in customer 7' }, [{}]);

			expect(result.error).toBeUndefined();
			expect(ctx.mock.clientRequests().map((r) => r.body)).toEqual([{ name: 'Walk-in customer 7' }]);
		});

		test('a client with the same data gets a clear conflict message', async () => {
			ctx.mock.addClient({ name: 'Twin Co', email: 'twin@example.com' });

			const result = await run(createParameters, [{ name: 'Twin Co', email: 'twin@example.com' }]);

			expect(result.error.message).toBe('Fatora: A client with the same data already exists (Conflict; code: 409)');
			expect(result.error.httpCode).toBe('409');
		});

		test('a 409 without a body still says a client with the same data exists', async () => {
			ctx.mock.fault({ match: (r) => r.method === 'POST', status: 409 });

			const result = await run(createParameters, [{ name: 'Anyone', email: 'anyone@example.com' }]);

			expect(result.error.message).toBe('Fatora: A client with the same data already exists');
			expect(result.error.httpCode).toBe('409');
		});

		test.each([
			['an empty name', { name: ' ', email: 'a@example.com' }, '"Name" is empty [item 0]'],
			['a malformed email', { name: 'N', email: 'a@b' }, '"Email" is not a valid email address [item 0]'],
		])('%s stops the item before any request', async (_case, item, message) => {
			const result = await run(createParameters, [item]);

			expect(result.error.message).toBe(message);
			expect(ctx.mock.requests).toHaveLength(0);
		});
	});

	describe('Get', () => {
		const getParameters = { resource: 'client', operation: 'get', clientId: byId('={{ $json.id }}') };

		test('sends a GET for the client and outputs it, wrapped or flat', async () => {
			const client = ctx.mock.addClient({ name: 'Doha Motors', email: 'fleet@dohamotors.qa', phone: '5' });

			const wrapped = await run(getParameters, [{ id: client.id }]);
			expect(wrapped.error).toBeUndefined();
			const [request] = ctx.mock.clientRequests();
			expect([request.method, request.path, request.rawBody]).toEqual(['GET', `/v1/clients/${client.id}`, '']);
			tokenOf(request);
			expect(wrapped.items.map((item) => [item.json, item.pairedItem])).toEqual([[client, { item: 0 }]]);

			ctx.mock.getClientShape = 'flat';
			const flat = await run(getParameters, [{ id: client.id }]);
			expect(flat.items.map((item) => item.json)).toEqual([
				{ name: 'Doha Motors', phone: '5', email: 'fleet@dohamotors.qa', address: '', note: '' },
			]);
		});

		test('an ID with path characters arrives encoded as one path segment', async () => {
			const result = await run(getParameters, [{ id: '/../x?y#z' }]);

			expect(ctx.mock.clientRequests().map((r) => r.path)).toEqual(['/v1/clients/%2F..%2Fx%3Fy%23z']);
			expect(result.error.httpCode).toBe('404');
		});

		test('a missing client ID stops the item before any request', async () => {
			const result = await run(getParameters, [{ id: '' }]);

			expect(result.error.message).toBe('"Client" is empty [item 0]');
			expect(ctx.mock.requests).toHaveLength(0);
		});
	});

	describe('Get Many', () => {
		const seed = (count, prefix) =>
			Array.from({ length: count }, (_, n) => ctx.mock.addClient({ name: `${prefix} ${n}`, email: `${prefix}${n}@example.com` }));
		const pagesAsked = () => ctx.mock.clientRequests().map((r) => [r.query.page, r.query.page_size]);

		beforeEach(() => ctx.mock.clients.clear());

		test('Return All reads every page and outputs one item per client', async () => {
			const clients = seed(45, 'all');

			const result = await run({ resource: 'client', operation: 'getAll', returnAll: true }, [{}]);

			expect(result.error).toBeUndefined();
			expect(pagesAsked()).toEqual([
				['1', '20'],
				['2', '20'],
				['3', '20'],
			]);
			ctx.mock.clientRequests().forEach((request) => {
				expect([request.method, request.path]).toEqual(['GET', '/v1/clients']);
				tokenOf(request);
			});
			expect(result.items.map((item) => item.json)).toEqual(clients);
			expect(new Set(result.items.map((item) => JSON.stringify(item.pairedItem)))).toEqual(new Set(['{"item":0}']));
		});

		test('Return All stops after a full last page when the next one is empty', async () => {
			seed(40, 'even');

			const result = await run({ resource: 'client', operation: 'getAll', returnAll: true }, [{}]);

			expect(result.items).toHaveLength(40);
			expect(pagesAsked()).toEqual([
				['1', '20'],
				['2', '20'],
				['3', '20'],
			]);
		});

		test('Limit asks for no more than it needs', async () => {
			const clients = seed(30, 'lim');

			const five = await run({ resource: 'client', operation: 'getAll', returnAll: false, limit: 5 }, [{}]);
			expect(pagesAsked()).toEqual([['1', '5']]);
			expect(five.items.map((item) => item.json.id)).toEqual(clients.slice(0, 5).map((c) => c.id));

			ctx.mock.reset();
			const twentyFive = await run({ resource: 'client', operation: 'getAll', returnAll: false, limit: 25 }, [{}]);
			expect(pagesAsked()).toEqual([
				['1', '20'],
				['2', '20'],
			]);
			expect(twentyFive.items.map((item) => item.json.id)).toEqual(clients.slice(0, 25).map((c) => c.id));
		});

		test('filters are sent as keyword and email on every page', async () => {
			seed(3, 'other');
			const wanted = ctx.mock.addClient({ name: 'Pearl Tower', email: 'pearl@example.com' });

			const result = await run(
				{
					resource: 'client',
					operation: 'getAll',
					returnAll: true,
					filters: { keyword: 'Pearl', email: 'pearl@example.com' },
				},
				[{}],
			);

			expect(ctx.mock.clientRequests().map((r) => r.query)).toEqual([
				{ keyword: 'Pearl', email: 'pearl@example.com', page: '1', page_size: '20' },
			]);
			expect(result.items.map((item) => item.json)).toEqual([wanted]);
		});

		test('an error on a later page fails the item with Fatora\'s message', async () => {
			seed(25, 'err');
			ctx.mock.fault({
				match: (r) => r.path === '/v1/clients' && r.query.page === '2',
				status: 500,
				body: { status: 'ERROR', error: 'Database timeout' },
			});

			const result = await run({ resource: 'client', operation: 'getAll', returnAll: true }, [{}]);

			expect(result.error.message).toBe('Fatora: Database timeout');
			expect(result.error.httpCode).toBe('500');
		});
	});

	describe('bearer token', () => {
		const updateOne = (credential, items, requestOptions) =>
			ctx.n8n.runNode({
				nodeType: 'fatora',
				credential,
				parameters: requestOptions ? { ...updateParameters, requestOptions } : updateParameters,
				items,
			});
		const threeClients = () =>
			[1, 2, 3].map((n) => {
				const client = ctx.mock.addClient({ name: `T${n}`, email: `t${n}@example.com` });
				return { id: client.id, email: `t${n}b@example.com`, name: `T${n}b`, phone: '1' };
			});

		test('Authorize is a GET with the api_key header, and its token goes on the client request', async () => {
			const credential = await credentialWith({ apiKey: TOKEN_TEST_KEY });
			const [item] = threeClients();

			const result = await updateOne(credential, [item]);

			expect(result.error).toBeUndefined();
			expect(ctx.mock.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
				'GET /v1/Authorization/Authorize',
				`PUT /v1/clients/${item.id}`,
			]);
			const [authorize, update] = ctx.mock.requests;
			expect(authorize.headers.api_key).toBe(TOKEN_TEST_KEY);
			expect(authorize.headers.authorization).toBeUndefined();
			expect(update.headers.api_key).toBeUndefined();
			expect(update.headers.authorization).toBe(`Bearer ${ctx.mock.issuedTokens.at(-1)}`);
		});

		// Needs the shared request runner to send an execution's first request alone: n8n
		// starts every item's request at once, and each would fetch its own token.
		test('three items fetch the token once', async () => {
			const credential = await credentialWith({ apiKey: TOKEN_TEST_KEY });

			const result = await updateOne(credential, threeClients());

			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(3);
			expect(ctx.mock.authorizeRequests()).toHaveLength(1);
			expect(new Set(ctx.mock.clientRequests().map(tokenOf)).size).toBe(1);
		});

		test('the next execution reuses the stored token', async () => {
			const credential = await credentialWith({ apiKey: TOKEN_TEST_KEY });
			await updateOne(credential, threeClients().slice(0, 1));
			expect(ctx.mock.authorizeRequests()).toHaveLength(1);
			const token = ctx.mock.issuedTokens.at(-1);
			ctx.mock.reset();

			const result = await updateOne(credential, threeClients());

			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(3);
			expect(ctx.mock.authorizeRequests()).toHaveLength(0);
			expect(ctx.mock.clientRequests().map(tokenOf)).toEqual([token, token, token]);
		});

		test('an expired token is replaced on the 401 and the request sent again', async () => {
			const credential = await credentialWith({ apiKey: TOKEN_TEST_KEY });
			await updateOne(credential, threeClients().slice(0, 1));
			const oldToken = ctx.mock.issuedTokens.at(-1);
			ctx.mock.expireTokens(TOKEN_TEST_KEY);
			ctx.mock.reset();
			const [item] = threeClients();

			const result = await updateOne(credential, [item]);

			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => i.json.name)).toEqual([item.name]);
			// The refused request goes twice: its 401 is first handed back, then it is sent again
			// for n8n to renew the token (nodes/shared/tokenRenewal.ts). A 401 changed nothing.
			expect(ctx.mock.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization ?? ''}`)).toEqual([
				`PUT /v1/clients/${item.id} Bearer ${oldToken}`,
				`PUT /v1/clients/${item.id} Bearer ${oldToken}`,
				'GET /v1/Authorization/Authorize ',
				`PUT /v1/clients/${item.id} Bearer ${ctx.mock.issuedTokens.at(-1)}`,
			]);

			// The new token was stored: the next run needs no Authorize call.
			ctx.mock.reset();
			await updateOne(credential, threeClients().slice(0, 1));
			expect(ctx.mock.authorizeRequests()).toHaveLength(0);
		});

		// n8n keeps the stored token when the key is edited in the credential dialog.
		test('after the API key is edited, the old key\'s token is not sent: a token is fetched for the new key', async () => {
			const credential = await credentialWith({ apiKey: TOKEN_TEST_KEY });
			await updateOne(credential, threeClients().slice(0, 1));
			const oldToken = ctx.mock.issuedTokens.at(-1);
			await ctx.n8n.editCredential(credential, { apiKey: API_KEY });
			ctx.mock.reset();
			const [item] = threeClients();

			const result = await updateOne(credential, [item]);

			expect(result.error).toBeUndefined();
			const newToken = ctx.mock.issuedTokens.at(-1);
			expect(newToken).not.toBe(oldToken);
			// [request, api_key header, Authorization header]: the first try goes without a token
			// (twice, as any refused request: see the test above).
			expect(ctx.mock.requests.map((r) => [`${r.method} ${r.path}`, r.headers.api_key, r.headers.authorization])).toEqual([
				[`PUT /v1/clients/${item.id}`, undefined, 'Bearer'],
				[`PUT /v1/clients/${item.id}`, undefined, 'Bearer'],
				['GET /v1/Authorization/Authorize', API_KEY, undefined],
				[`PUT /v1/clients/${item.id}`, undefined, `Bearer ${newToken}`],
			]);
		});

		test('after the tokens expire, a run of three items succeeds for every item', async () => {
			const credential = await credentialWith({ apiKey: TOKEN_TEST_KEY });
			await updateOne(credential, threeClients().slice(0, 1));
			ctx.mock.expireTokens(TOKEN_TEST_KEY);
			const expiredTokens = [...ctx.mock.issuedTokens];
			ctx.mock.reset();
			const items = threeClients();

			const result = await updateOne(credential, items);

			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => [i.json.name, i.pairedItem])).toEqual(
				items.map((item, index) => [item.name, { item: index }]),
			);
			expect(ctx.mock.authorizeRequests().length).toBeGreaterThanOrEqual(1);
			// Each item's last request carried a token issued after the old ones expired.
			for (const item of items) {
				const last = ctx.mock.clientRequests().filter((r) => r.path === `/v1/clients/${item.id}`).at(-1);
				expect(expiredTokens).not.toContain(tokenOf(last));
			}
			expect(Object.fromEntries(items.map((item) => [item.id, ctx.mock.clients.get(String(item.id)).name]))).toEqual(
				Object.fromEntries(items.map((item) => [item.id, item.name])),
			);
			expectNoSecrets(result, secrets());
		});

		test.each([
			['HTTP 401', 401],
			['HTTP 200', 200],
		])('a wrong API key answered with %s fails with Fatora\'s message, and never shows the key', async (_case, status) => {
			ctx.mock.invalidKeyStatus = status;
			const credential = await credentialWith({ apiKey: WRONG_KEY });

			const result = await updateOne(credential, [{ id: 1024, email: 'x@example.com', name: 'N', phone: '1' }]);

			expect(result.error.message).toBe(
				`Fatora did not issue a bearer token (HTTP ${status}): Invalid API Key. Check the API key on the Integration page of your Fatora dashboard.`,
			);
			expect(ctx.mock.requests.map((r) => `${r.method} ${r.path} ${r.headers.api_key}`)).toEqual([
				`GET /v1/Authorization/Authorize ${WRONG_KEY}`,
			]);
			expectNoSecrets(result, secrets());
		});

		test('an unreachable Fatora fails, after retries, without showing the key', async () => {
			const credential = await credentialWith({ baseUrl: 'http://127.0.0.1:9/v1' });

			const result = await updateOne(credential, [{ id: 1024, email: 'x@example.com', name: 'N', phone: '1' }], {
				maxAttempts: 2,
			});

			expect(result.error.message).toBe('Fatora could not be reached: 2 attempts');
			expect(result.error.description).toContain('The service refused the connection - perhaps it is offline');
			expectNoSecrets(result, secrets());
		});
	});

	test('the client picker lists Fatora\'s clients and searches with keyword', async () => {
		ctx.mock.clients.clear();
		const one = ctx.mock.addClient({ name: 'Lusail Marina', email: 'marina@example.com' });
		const two = ctx.mock.addClient({ name: 'Souq Waqif Crafts', email: 'crafts@example.com' });
		const search = (filter) =>
			ctx.n8n.listSearch({ nodeType: 'fatora', methodName: 'searchClients', credential: ctx.credential, filter });

		const all = await search();
		expect(all.results).toEqual([
			{ name: 'Lusail Marina (marina@example.com)', value: String(one.id) },
			{ name: 'Souq Waqif Crafts (crafts@example.com)', value: String(two.id) },
		]);

		const found = await search('crafts');
		expect(found.results).toEqual([{ name: 'Souq Waqif Crafts (crafts@example.com)', value: String(two.id) }]);
		expect(ctx.mock.clientRequests().map((r) => r.query)).toEqual([
			{ page: '1', page_size: '20' },
			{ page: '1', page_size: '20', keyword: 'crafts' },
		]);
		expect(all.paginationToken).toBeUndefined();
	});

	test('the client picker pages through every client, and keyword search pages on Fatora\'s side', async () => {
		ctx.mock.clients.clear();
		const clients = Array.from({ length: 130 }, (_, n) =>
			ctx.mock.addClient({ name: `Client ${n + 1}`, email: `c${n + 1}@${n % 2 ? 'odd' : 'even'}.example.com` }),
		);
		const searchAll = (filter) =>
			ctx.n8n.listSearchAll({ nodeType: 'fatora', methodName: 'searchClients', credential: ctx.credential, filter });

		const all = await searchAll();
		expect(all.results.map((result) => result.value)).toEqual(clients.map((client) => String(client.id)));
		expect(all.results[120]).toEqual({ name: 'Client 121 (c121@even.example.com)', value: String(clients[120].id) });
		expect(ctx.mock.clientRequests().map((r) => r.query.page)).toEqual(['1', '2', '3', '4', '5', '6', '7']);

		ctx.mock.reset();
		const odd = await searchAll('odd');
		expect(odd.results).toHaveLength(65);
		expect(odd.results.at(-1).value).toBe(String(clients[129].id));
		expect(ctx.mock.clientRequests().map((r) => [r.query.page, r.query.keyword])).toEqual(
			['1', '2', '3', '4'].map((page) => [page, 'odd']),
		);
	});

	test('the credential test passes with the right key and fails with a wrong one', async () => {
		const good = await ctx.n8n.testCredential(ctx.credential, ctx.credentialData);
		expect(good).toMatchObject({ status: 'OK' });
		expect(ctx.mock.authorizeRequests()).toHaveLength(1);
		expect(ctx.mock.clientRequests().map((r) => r.query)).toEqual([{ page: '1', page_size: '1' }]);

		const bad = await ctx.n8n.testCredential(ctx.credential, { ...ctx.credentialData, apiKey: WRONG_KEY });
		expect(bad.status).toBe('Error');
		expect(bad.message).toContain('Invalid API Key');

		ctx.mock.invalidKeyStatus = 200;
		const badWith200 = await ctx.n8n.testCredential(ctx.credential, { ...ctx.credentialData, apiKey: WRONG_KEY });
		expect(badWith200.status).toBe('Error');
		expect(badWith200.message).toContain('Invalid API Key');
		expectNoSecrets([good, bad, badWith200], secrets());
	});

	test('the credential test fails when Fatora refuses the token with an HTTP 200 error body', async () => {
		ctx.mock.fault({
			match: (r) => r.path === '/v1/clients',
			status: 200,
			body: { status: 'ERROR', error: 'Token revoked' },
		});

		const result = await ctx.n8n.testCredential(ctx.credential, ctx.credentialData);

		expect(result.status).toBe('Error');
		expect(result.message).toContain('Fatora did not accept the bearer token');
	});
});
