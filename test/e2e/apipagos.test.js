const { createApipagosMock, BASE_PATH } = require('../mocks/apipagos');
const { useProvider, expectNoSecrets } = require('./setup');
const { N8N_VERSION } = require('../harness/n8nInstance');

const COMPANY_TOKEN = 'ct_test_apipagos_5b9e27d4f1a8';
const WRONG_TOKEN = 'ct_wrong_token_93be1c';
const SECRETS = [COMPANY_TOKEN];
const BUENOS_AIRES = 'America/Argentina/Buenos_Aires';

describe('Apipagos node in a real n8n', () => {
	const ctx = useProvider({
		createMock: () => createApipagosMock({ companyToken: COMPANY_TOKEN }),
		credentialType: 'apipagosApi',
		credentialData: (mock) => ({ environment: 'custom', baseUrl: `${mock.baseUrl()}/`, companyToken: COMPANY_TOKEN }),
	});
	beforeEach(() => {
		ctx.mock.contracts.clear();
		ctx.mock.bulkAnswer = 'array';
		ctx.mock.bulkOmits.clear();
	});

	const run = (parameters, items, extra = {}) =>
		ctx.n8n.runNode({ nodeType: 'apipagos', credential: ctx.credential, parameters, items, ...extra });
	const contractPath = (code) => `${BASE_PATH}/contracts/${code}`;

	const update = (updateFields) => ({
		resource: 'contract',
		operation: 'update',
		contractCode: '={{ $json.code }}',
		updateFields,
	});

	// `resource` is left out on purpose: n8n fills in the default, and the custom
	// operation must still be the one that runs.
	const updateMany = (updateFields) => ({ operation: 'updateMany', contractCode: '={{ $json.code }}', updateFields });
	const titleAndStatus = updateMany({ title: '={{ $json.title }}', statusCode: '={{ $json.status }}' });
	const get = { resource: 'contract', operation: 'get', contractCode: '={{ $json.code }}' };

	describe('Update', () => {
		test('sends a JSON PATCH with the set fields, ids as integers, and outputs the contract', async () => {
			const contract = ctx.mock.addContract({ code: '28c7fbfacc309631dbc4e3584c5b8fa8' });

			const result = await run(
				update({
					userIdSrc: '={{ $json.source }}',
					userIdDst: 456,
					statusCode: 1,
					title: 'Titulo de ejemplo',
					description: 'Descripción del registro',
					expiredAt: '2024-12-31T23:59:59',
				}),
				[{ code: contract.code, source: '123' }],
			);

			expect(result.error).toBeUndefined();
			expect(ctx.mock.requests).toHaveLength(1);
			const [request] = ctx.mock.requests;
			expect(request.method).toBe('PATCH');
			expect(request.path).toBe(contractPath('28c7fbfacc309631dbc4e3584c5b8fa8'));
			expect(request.contentType).toContain('application/json');
			expect(request.headers['company-token']).toBe(COMPANY_TOKEN);
			expect(request.body).toEqual({
				user_id_src: 123,
				user_id_dst: 456,
				status_code: 1,
				title: 'Titulo de ejemplo',
				description: 'Descripción del registro',
				expired_at: '2024-12-31T23:59:59',
			});
			expect(result.items).toHaveLength(1);
			const [item] = result.items;
			expect(item.json).toMatchObject({
				id: contract.id,
				code: '28c7fbfacc309631dbc4e3584c5b8fa8',
				user_id_src: 123,
				user_id_dst: 456,
				status_code: 1,
				title: 'Titulo de ejemplo',
				expired_at: '2024-12-31 23:59:59',
				status: { code: 1, label: 'aprobada' },
			});
			expect(item.json).not.toHaveProperty('data');
			expect(item.json).not.toHaveProperty('metadata');
			expect(item.pairedItem).toEqual({ item: 0 });
			expectNoSecrets(result, SECRETS);
		});

		test('sends only the fields that are set', async () => {
			const contract = ctx.mock.addContract();

			const result = await run(update({ title: 'Nuevo título' }), [{ code: contract.code }]);

			expect(result.error).toBeUndefined();
			expect(ctx.mock.requests[0].rawBody).toBe('{"title":"Nuevo título"}');
			expect(result.items[0].json).toMatchObject({ code: contract.code, title: 'Nuevo título', status_code: 0 });
		});

		test('an empty field is not sent; {{ null }} is sent as null, not converted', async () => {
			const contract = ctx.mock.addContract();

			const result = await run(
				update({ title: 'T', statusCode: '={{ $json.nothing }}', userIdDst: '={{ "" }}', expiredAt: '={{ null }}', userIdSrc: '={{ null }}' }),
				[{ code: contract.code }],
			);

			expect(result.error).toBeUndefined();
			expect(JSON.parse(ctx.mock.requests[0].rawBody)).toEqual({ title: 'T', expired_at: null, user_id_src: null });
		});

		test('with no field set stops the item before any request', async () => {
			const contract = ctx.mock.addContract();

			const result = await run(update({}), [{ code: contract.code }]);

			expect(result.error.message).toBe('"Update Fields" has no field set [item 0]');
			expect(ctx.mock.requests).toHaveLength(0);
		});

		test.each([
			['a missing contract code', { code: '' }, { title: 'T' }, '"Contract Code or ID" is empty [item 0]'],
			['a decimal user ID', { code: 'c1', v: '12.5' }, { userIdSrc: '={{ $json.v }}' }, '"Source User ID" is not a whole number [item 0]'],
			['a text user ID', { code: 'c1', v: 'abc' }, { userIdDst: '={{ $json.v }}' }, '"Destination User ID" is not a whole number [item 0]'],
			['a text status code', { code: 'c1', v: 'one' }, { statusCode: '={{ $json.v }}' }, '"Status Code" is not a whole number [item 0]'],
			['an impossible date', { code: 'c1', v: '2026-02-30T10:00:00' }, { expiredAt: '={{ $json.v }}' }, '"Expires At" is not a valid date and time [item 0]'],
			['a date in words', { code: 'c1', v: 'next tuesday' }, { expiredAt: '={{ $json.v }}' }, '"Expires At" is not a valid date and time [item 0]'],
		])('%s stops the item before any request', async (_case, item, updateFields, message) => {
			const result = await run(update(updateFields), [item]);

			expect(result.error.message).toBe(message);
			expect(ctx.mock.requests).toHaveLength(0);
		});

		test('sends the expiry without a zone: as written, or converted to the workflow time zone', async () => {
			const codes = ['a', 'b', 'c', 'd', 'e'].map((letter) => ctx.mock.addContract({ code: `exp-${letter}` }).code);
			const inputs = [
				{ at: '2026-12-31T23:59:59' },
				{ at: '2027-01-01T02:59:59Z' },
				{ at: '2026-12-31T23:59:59.000-03:00' },
				{ at: '2026-12-31' },
				{ luxon: '2027-01-01T02:59:59' },
			];

			const result = await run(
				update({ expiredAt: '={{ $json.luxon ? DateTime.fromISO($json.luxon, { zone: "utc" }) : $json.at }}' }),
				inputs.map((input, index) => ({ code: codes[index], ...input })),
				{ settings: { timezone: BUENOS_AIRES } },
			);

			expect(result.error).toBeUndefined();
			const sent = Object.fromEntries(ctx.mock.requests.map((r) => [r.path, r.body.expired_at]));
			expect(sent).toEqual({
				[contractPath('exp-a')]: '2026-12-31T23:59:59',
				[contractPath('exp-b')]: '2026-12-31T23:59:59',
				[contractPath('exp-c')]: '2026-12-31T23:59:59',
				[contractPath('exp-d')]: '2026-12-31T00:00:00',
				[contractPath('exp-e')]: '2026-12-31T23:59:59',
			});
		});

		test('three input items give three outputs, each paired with its input', async () => {
			const codes = [1, 2, 3].map(() => ctx.mock.addContract().code);

			const result = await run(
				update({ title: '={{ "Contract " + $json.code }}' }),
				codes.map((code) => ({ code })),
			);

			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => [item.json.code, item.json.title, item.pairedItem])).toEqual(
				codes.map((code, index) => [code, `Contract ${code}`, { item: index }]),
			);
			expect(ctx.mock.requests).toHaveLength(3);
		});

		test('a 420 from Apipagos fails the item with its message', async () => {
			const contract = ctx.mock.addContract();

			const result = await run(update({ statusCode: 7 }), [{ code: contract.code }]);

			expect(ctx.mock.requests).toHaveLength(1);
			expect(result.error.message).toBe('Apipagos: The selected status code is invalid.');
			expect(result.error.httpCode).toBe('420');
			expectNoSecrets(result, SECRETS);
		});

		test('an unknown contract fails with 404 "Record Not Found"', async () => {
			const result = await run(update({ title: 'T' }), [{ code: 'does-not-exist' }]);

			expect(result.error.message).toBe('Apipagos: Record Not Found');
			expect(result.error.httpCode).toBe('404');
		});

		test.each([
			['message', 500, { message: 'Server Error' }, 'Apipagos: Server Error'],
			['metadata.message', 500, { metadata: { message: 'Database unavailable' } }, 'Apipagos: Database unavailable'],
			['error', 501, { error: 'Maintenance' }, 'Apipagos: Maintenance'],
			['error.message', 500, { error: { message: 'Unexpected failure' } }, 'Apipagos: Unexpected failure'],
			['error sent with HTTP 200', 200, { error: 'Token expired' }, 'Apipagos: Token expired'],
		])('an error answer with %s carries its message and status', async (_shape, status, body, message) => {
			const contract = ctx.mock.addContract();
			ctx.mock.fault({ status, body });

			const result = await run(update({ title: 'T' }), [{ code: contract.code }]);

			expect(result.error.message).toBe(message);
			expect(result.error.httpCode).toBe(String(status));
			expect(ctx.mock.contracts.get(contract.code).title).toBe('Titulo de ejemplo');
		});

		test('a code with path characters arrives encoded as one path segment', async () => {
			const result = await run(update({ title: 'T' }), [{ code: '/../x?y#z' }]);

			expect(ctx.mock.requests).toHaveLength(1);
			expect(ctx.mock.requests[0].path).toBe(contractPath('%2F..%2Fx%3Fy%23z'));
			expect(result.error.message).toBe('Apipagos: Record Not Found');
		});

		test('Continue On Fail keeps the good items and puts the error in its position', async () => {
			const a = ctx.mock.addContract();
			const c = ctx.mock.addContract();

			const result = await run(update({ title: 'Renamed' }), [{ code: a.code }, { code: '' }, { code: c.code }], {
				onError: 'continueRegularOutput',
			});

			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(3);
			expect(result.items[0].json).toMatchObject({ code: a.code, title: 'Renamed' });
			expect(result.items[1].json).toEqual({ error: '"Contract Code or ID" is empty [item 1]' });
			expect(result.items[2].json).toMatchObject({ code: c.code, title: 'Renamed' });
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(ctx.mock.requests.map((r) => r.path).sort()).toEqual([contractPath(a.code), contractPath(c.code)].sort());
		});
	});

	describe('Update Many', () => {
		test('sends one PUT with every item\'s change and pairs each contract with its item', async () => {
			const [a, b, c] = [1, 2, 3].map(() => ctx.mock.addContract());

			const result = await run(
				updateMany({
					title: '={{ $json.title }}',
					statusCode: '={{ $json.status }}',
					userCodeSrc: 'aaaabbbbccccddddeeeeffff00001111',
					userCodeDst: '={{ $json.destination }}',
					configCode: 'cesiones',
					description: 'Cesión revisada',
				}),
				[
					{ code: c.code, title: 'Third', status: 1, destination: '274145bf495ed8decf74bbf046cf2e11' },
					{ code: a.code, title: 'First', status: '2', destination: 'ffffeeeeddddccccbbbbaaaa99998888' },
					{ code: b.code, title: 'Second', status: 0, destination: '274145bf495ed8decf74bbf046cf2e11' },
				],
			);

			expect(result.error).toBeUndefined();
			expect(ctx.mock.requests).toHaveLength(1);
			const [request] = ctx.mock.requests;
			expect(request.method).toBe('PUT');
			expect(request.path).toBe(`${BASE_PATH}/contracts`);
			expect(request.contentType).toContain('application/json');
			expect(request.headers['company-token']).toBe(COMPANY_TOKEN);
			const common = {
				config_code: 'cesiones',
				description: 'Cesión revisada',
				user_code_src: 'aaaabbbbccccddddeeeeffff00001111',
			};
			expect(request.body).toEqual([
				{ code: c.code, title: 'Third', status_code: '1', user_code_dst: '274145bf495ed8decf74bbf046cf2e11', ...common },
				{ code: a.code, title: 'First', status_code: '2', user_code_dst: 'ffffeeeeddddccccbbbbaaaa99998888', ...common },
				{ code: b.code, title: 'Second', status_code: '0', user_code_dst: '274145bf495ed8decf74bbf046cf2e11', ...common },
			]);
			expect(result.items.map((item) => [item.json.code, item.json.title, item.pairedItem])).toEqual([
				[c.code, 'Third', { item: 0 }],
				[a.code, 'First', { item: 1 }],
				[b.code, 'Second', { item: 2 }],
			]);
			expect(result.items[1].json).toEqual({
				code: a.code,
				user_code_src: 'aaaabbbbccccddddeeeeffff00001111',
				user_code_dst: 'ffffeeeeddddccccbbbbaaaa99998888',
				user_email_dst: null,
				user_phone_dst: null,
				status_code: 2,
				config_code: 'cesiones',
				title: 'First',
				description: 'Cesión revisada',
			});
			expectNoSecrets(result, SECRETS);
		});

		test('a 429 on the bulk PUT is waited out and sent again, once', async () => {
			const [a, b] = [1, 2].map(() => ctx.mock.addContract());
			ctx.mock.fault({ times: 1, status: 429, headers: { 'Retry-After': '0' }, body: { message: 'Too Many Requests' } });

			const result = await run(titleAndStatus, [
				{ code: a.code, title: 'A', status: 1 },
				{ code: b.code, title: 'B', status: 2 },
			]);

			expect(result.error).toBeUndefined();
			expect(ctx.mock.requests.map((r) => [r.method, r.answeredWith ?? 'ok'])).toEqual([
				['PUT', 429],
				['PUT', 'ok'],
			]);
			expect(result.items.map((item) => [item.json.title, item.pairedItem])).toEqual([
				['A', { item: 0 }],
				['B', { item: 1 }],
			]);
		});

		test('also reads an answer wrapped in {data, metadata}', async () => {
			const [a, b] = [1, 2].map(() => ctx.mock.addContract());
			ctx.mock.bulkAnswer = 'envelope';

			const result = await run(titleAndStatus, [
				{ code: b.code, title: 'B', status: 1 },
				{ code: a.code, title: 'A', status: 2 },
			]);

			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => [item.json.code, item.json.status_code, item.pairedItem])).toEqual([
				[b.code, 1, { item: 0 }],
				[a.code, 2, { item: 1 }],
			]);
		});

		test.each([
			['a missing contract code', { code: '', title: 'T', status: 1 }, '"Contract Code" is empty [item 1]'],
			['a decimal status code', { code: 'c1', title: 'T', status: 1.5 }, '"Status Code" is not a whole number [item 1]'],
		])('%s stops the run before any request, naming the item', async (_case, badItem, message) => {
			const good = ctx.mock.addContract();

			const result = await run(titleAndStatus, [{ code: good.code, title: 'T', status: 1 }, badItem]);

			expect(result.error.message).toBe(message);
			expect(ctx.mock.requests).toHaveLength(0);
			expect(ctx.mock.contracts.get(good.code).title).toBe('Titulo de ejemplo');
		});

		test('an empty field is not sent; {{ null }} stays null in the bulk body', async () => {
			const [a, b] = [1, 2].map(() => ctx.mock.addContract());

			const result = await run(updateMany({ title: '={{ $json.title }}', statusCode: '={{ $json.status }}', description: '={{ null }}' }), [
				{ code: a.code, title: 'A', status: '' },
				{ code: b.code, title: '', status: 2 },
			]);

			expect(result.error).toBeUndefined();
			expect(JSON.parse(ctx.mock.requests[0].rawBody)).toEqual([
				{ code: a.code, title: 'A', description: null },
				{ code: b.code, status_code: '2', description: null },
			]);
		});

		test('with no field set stops the run before any request', async () => {
			const result = await run(updateMany({}), [{ code: 'c1' }]);

			expect(result.error.message).toBe('"Update Fields" has no field set [item 0]');
			expect(ctx.mock.requests).toHaveLength(0);
		});

		test('Continue On Fail sends the valid items in one request and keeps each error in its position', async () => {
			const [a, c] = [1, 2].map(() => ctx.mock.addContract());

			const result = await run(
				titleAndStatus,
				[
					{ code: a.code, title: 'A', status: 1 },
					{ code: 'x', title: 'B', status: 'pending' },
					{ code: c.code, title: 'C', status: 2 },
				],
				{ onError: 'continueRegularOutput' },
			);

			expect(result.error).toBeUndefined();
			expect(ctx.mock.requests).toHaveLength(1);
			expect(ctx.mock.requests[0].body.map((change) => change.code)).toEqual([a.code, c.code]);
			expect(result.items.map((item) => item.json.title ?? item.json.error)).toEqual([
				'A',
				'"Status Code" is not a whole number [item 1]',
				'C',
			]);
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		});

		test.each([
			['an unknown contract (404)', () => ({ code: 'does-not-exist', status: 1 }), undefined, 'Apipagos: Record Not Found', '404'],
			['an invalid status (420)', (code) => ({ code, status: 7 }), undefined, 'Apipagos: The selected status code is invalid.', '420'],
			['a server error (500)', (code) => ({ code, status: 1 }), { status: 500, body: { message: 'Server Error' } }, 'Apipagos: Server Error', '500'],
		])('%s fails the run with Apipagos\' message', async (_case, secondItem, fault, message, httpCode) => {
			const [a, b] = [1, 2].map(() => ctx.mock.addContract());
			if (fault) ctx.mock.fault(fault);

			const result = await run(titleAndStatus, [{ code: a.code, title: 'A', status: 1 }, { title: 'B', ...secondItem(b.code) }]);

			expect(ctx.mock.requests).toHaveLength(1);
			expect(result.error.message).toBe(message);
			expect(result.error.httpCode).toBe(httpCode);
			expectNoSecrets(result, SECRETS);
		});

		test('with Continue On Fail an Apipagos error becomes an error item for every item sent', async () => {
			const a = ctx.mock.addContract();

			const result = await run(
				titleAndStatus,
				[
					{ code: a.code, title: 'A', status: 1 },
					{ code: '', title: 'B', status: 1 },
					{ code: 'does-not-exist', title: 'C', status: 1 },
				],
				{ onError: 'continueRegularOutput' },
			);

			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => [item.json, item.pairedItem])).toEqual([
				[{ error: 'Apipagos: Record Not Found' }, { item: 0 }],
				[{ error: '"Contract Code" is empty [item 1]' }, { item: 1 }],
				[{ error: 'Apipagos: Record Not Found' }, { item: 2 }],
			]);
		});

		test('a contract missing from the answer is an error for its item', async () => {
			const [a, b] = [1, 2].map(() => ctx.mock.addContract());
			ctx.mock.bulkOmits.add(b.code);
			const items = [
				{ code: a.code, title: 'A', status: 1 },
				{ code: b.code, title: 'B', status: 1 },
			];

			const stopped = await run(titleAndStatus, items);
			expect(stopped.error.message).toBe(`Apipagos: the answer has no contract "${b.code}" [item 1]`);

			const continued = await run(titleAndStatus, items, { onError: 'continueRegularOutput' });
			expect(continued.items.map((item) => [item.json.title ?? item.json.error, item.pairedItem])).toEqual([
				['A', { item: 0 }],
				[`Apipagos: the answer has no contract "${b.code}" [item 1]`, { item: 1 }],
			]);
		});
	});

	describe('Get', () => {
		test('gets a contract by code or by numeric ID and outputs its data', async () => {
			const contract = ctx.mock.addContract({ code: '28c7fbfacc309631dbc4e3584c5b8fa8', title: 'Cesión' });

			const result = await run(get, [{ code: contract.code }, { code: contract.id }]);

			expect(result.error).toBeUndefined();
			expect(ctx.mock.requests.map((r) => [r.method, r.path, r.headers['company-token'], r.rawBody]).sort()).toEqual(
				[
					['GET', contractPath(contract.code), COMPANY_TOKEN, ''],
					['GET', contractPath(String(contract.id)), COMPANY_TOKEN, ''],
				].sort(),
			);
			expect(result.items).toHaveLength(2);
			for (const [index, item] of result.items.entries()) {
				expect(item.json).toMatchObject({
					id: contract.id,
					code: '28c7fbfacc309631dbc4e3584c5b8fa8',
					title: 'Cesión',
					config_code: 'cesiones',
					status: { code: 0, label: 'pendiente' },
				});
				expect(item.json).not.toHaveProperty('data');
				expect(item.pairedItem).toEqual({ item: index });
			}
			expectNoSecrets(result, SECRETS);
		});

		test('an unknown contract fails with 404 "Record Not Found"', async () => {
			const result = await run(get, [{ code: 'nope' }]);

			expect(result.error.message).toBe('Apipagos: Record Not Found');
			expect(result.error.httpCode).toBe('404');
		});

		test('a code with path characters arrives encoded as one path segment', async () => {
			const result = await run(get, [{ code: '/../x?y#z' }]);

			expect(ctx.mock.requests.map((r) => r.path)).toEqual([contractPath('%2F..%2Fx%3Fy%23z')]);
			expect(result.error.message).toBe('Apipagos: Record Not Found');
		});

		test('a missing code stops the item before any request', async () => {
			const result = await run(get, [{ code: ' ' }]);

			expect(result.error.message).toBe('"Contract Code or ID" is empty [item 0]');
			expect(ctx.mock.requests).toHaveLength(0);
		});
	});

	test.each([
		['Update', update({ title: 'T' }), 'PATCH'],
		['Update Many', titleAndStatus, 'PUT'],
		['Get', get, 'GET'],
	])('%s with a wrong token fails with Apipagos\' 401, without the token', async (_operation, parameters, method) => {
		const contract = ctx.mock.addContract();
		const wrong = await ctx.n8n.createCredential('apipagosApi', { ...ctx.credentialData, companyToken: WRONG_TOKEN });

		const result = await ctx.n8n.runNode({
			nodeType: 'apipagos',
			credential: wrong,
			parameters,
			items: [{ code: contract.code, title: 'A', status: 1 }],
		});

		// The token is static: a 401 is sent once, not once more for a refresh.
		expect(ctx.mock.requests.map((r) => [r.method, r.headers['company-token']])).toEqual([[method, WRONG_TOKEN]]);
		expect(result.error.httpCode).toBe('401');
		expect(JSON.stringify(result.error)).toContain('Invalid company token.');
		expect(ctx.mock.contracts.get(contract.code).title).toBe('Titulo de ejemplo');
		expectNoSecrets(result, [...SECRETS, WRONG_TOKEN]);
	});

	describe('credential test', () => {
		test('passes with the right token', async () => {
			const result = await ctx.n8n.testCredential(ctx.credential, ctx.credentialData);

			expect(result).toMatchObject({ status: 'OK' });
			expect(ctx.mock.requests.map((r) => [r.method, r.path, r.headers['company-token']])).toEqual([
				['GET', contractPath('n8n-credential-test'), COMPANY_TOKEN],
			]);
		});

		// n8n 1.x reads the test request's `ignoreHttpStatusErrors` as a boolean, so no answer
		// fails the test there, and no test request found works on both lines: n8n 1.x passes
		// it whatever Apipagos answers (README, Compatibility). The node's own requests do fail.
		const testRejects = N8N_VERSION.startsWith('1.') ? test.skip.each : test.each;
		testRejects([
			['a wrong token', { companyToken: WRONG_TOKEN }],
			['an empty token', { companyToken: '' }],
		])('fails with %s', async (_case, change) => {
			const result = await ctx.n8n.testCredential(ctx.credential, { ...ctx.credentialData, ...change });

			expect(result.status).toBe('Error');
			expect(result.message).toBe(
				'Apipagos did not accept this company token. Check the token and that the environment is the one it was issued for.',
			);
			expectNoSecrets(result, [...SECRETS, WRONG_TOKEN]);
		});

		testRejects([
			['success', 200, { data: { code: 'n8n-credential-test' } }, 'answered a lookup of a contract that cannot exist with success'],
			['a server error', 500, { message: 'Server Error' }, 'Internal Server Error'],
			['a forbidden answer', 403, { message: 'Forbidden' }, 'Apipagos did not accept this company token'],
		])('fails when the lookup answers with %s', async (_case, status, body, message) => {
			ctx.mock.fault({ status, body });

			const result = await ctx.n8n.testCredential(ctx.credential, ctx.credentialData);

			expect(result.status).toBe('Error');
			expect(result.message).toContain(message);
		});
	});
});
