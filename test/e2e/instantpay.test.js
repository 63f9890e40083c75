const { createInstantpayMock } = require('../mocks/instantpay');
const { PACKAGE_NAME } = require('../harness/n8nInstance');
const { useProvider, expectNoSecrets } = require('./setup');

const CLIENT_ID = 'ipay_client_7f3a91';
const CLIENT_SECRET = 'ipay_secret_c4d2e8b6a1f0';
const ENDPOINT_IP = '203.0.113.10';
const SECRETS = [CLIENT_SECRET];

describe('Instantpay node in a real n8n', () => {
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

	const byId = (value) => ({ __rl: true, mode: 'id', value });
	const fromList = (value) => ({ __rl: true, mode: 'list', value });
	const run = (parameters, items, extra = {}) =>
		ctx.n8n.runNode({ nodeType: 'instantpay', credential: ctx.credential, parameters, items, ...extra });

	const updateParameters = {
		resource: 'contact',
		operation: 'update',
		contactId: byId('={{ $json.id }}'),
		name: '={{ $json.name }}',
		email: '={{ $json.email }}',
		mobile: '={{ $json.mobile }}',
		tagIds: '={{ $json.tags }}',
	};
	const contactItem = (id, tags, overrides = {}) => ({
		id,
		name: 'Sample Name',
		email: 'sample@example.com',
		mobile: '7428585742',
		tags,
		...overrides,
	});

	/** The four headers Instantpay reads on every call, exactly. */
	function expectInstantpayHeaders(request) {
		expect(request.headers['x-ipay-auth-code']).toBe('1');
		expect(request.headers['x-ipay-client-id']).toBe(CLIENT_ID);
		expect(request.headers['x-ipay-client-secret']).toBe(CLIENT_SECRET);
		expect(request.headers['x-ipay-endpoint-ip']).toBe(ENDPOINT_IP);
	}

	/** A JSON request with exactly this body. */
	function expectJsonRequest(request, method, path, body) {
		expect([request.method, request.path]).toEqual([method, path]);
		expect(request.contentType).toBe('application/json');
		expect(JSON.parse(request.rawBody)).toEqual(body);
		expectInstantpayHeaders(request);
	}

	/** With Continue On Fail: every item an error with these messages, and nothing sent. */
	function expectStoppedBeforeAnyRequest(result, messages) {
		expect(result.items.map((item) => item.json)).toEqual(messages.map((error) => ({ error })));
		expect(ctx.mock.requests).toHaveLength(0);
	}

	beforeEach(() => {
		ctx.mock.contacts.clear();
		ctx.mock.tags.clear();
	});

	describe('Contact: Update', () => {
		test('sends one JSON PATCH with every field and the picked tags, and outputs the updated contact', async () => {
			const vip = ctx.mock.addTag({ name: 'VIP' });
			const supplier = ctx.mock.addTag({ name: 'Supplier' });
			const contact = ctx.mock.addContact({ name: 'Old', email: 'old@example.com', mobile: '9000000000', tagIds: [vip._id] });

			const result = await run(
				{ ...updateParameters, contactId: fromList(contact._id), tagIds: [vip._id, supplier._id] },
				[contactItem(undefined)],
			);

			expect(result.error).toBeUndefined();
			expect(ctx.mock.requests).toHaveLength(1);
			expectJsonRequest(ctx.mock.requests[0], 'PATCH', '/contacts/profile', {
				contactId: contact._id,
				name: 'Sample Name',
				email: 'sample@example.com',
				mobile: '7428585742',
				tagDetails: [{ tagId: vip._id }, { tagId: supplier._id }],
			});
			expect(result.items).toHaveLength(1);
			expect(result.items[0].json).toEqual({
				_id: contact._id,
				userId: 189590,
				name: 'Sample Name',
				email: 'sample@example.com',
				mobile: '7428585742',
				callingCode: '91',
				companyName: null,
				updated_at: '2026-11-21T08:59:19.384000Z',
				created_at: '2026-11-21T04:30:00.000000Z',
				tagId: [vip._id, supplier._id],
			});
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
			expect(ctx.mock.contacts.get(contact._id).name).toBe('Sample Name');
			expectNoSecrets(result, SECRETS);
		});

		test('takes tag IDs from an expression, as an array or as comma-separated text', async () => {
			const a = ctx.mock.addTag({ name: 'A' });
			const b = ctx.mock.addTag({ name: 'B' });
			const contact = ctx.mock.addContact({ name: 'C', email: 'c@example.com', mobile: '9' });

			const result = await run(updateParameters, [
				contactItem(contact._id, [a._id, b._id]),
				contactItem(contact._id, ` ${b._id} , ${a._id},`),
			]);

			expect(result.error).toBeUndefined();
			expect(ctx.mock.requests.map((request) => JSON.stringify(request.body.tagDetails)).sort()).toEqual(
				[
					[{ tagId: a._id }, { tagId: b._id }],
					[{ tagId: b._id }, { tagId: a._id }],
				]
					.map((details) => JSON.stringify(details))
					.sort(),
			);
			expect(result.items.map((item) => item.json.tagId)).toEqual([
				[a._id, b._id],
				[b._id, a._id],
			]);
		});

		test('three input items give three outputs, each paired with its input', async () => {
			const tag = ctx.mock.addTag({ name: 'T' });
			const ids = [1, 2, 3].map((n) => ctx.mock.addContact({ name: `C${n}`, email: 'c@example.com', mobile: '9' })._id);

			const result = await run(
				updateParameters,
				ids.map((id, index) => contactItem(id, [tag._id], { name: `Renamed ${index}` })),
			);

			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => [item.json._id, item.json.name, item.pairedItem])).toEqual(
				ids.map((id, index) => [id, `Renamed ${index}`, { item: index }]),
			);
			// n8n sends the items' requests at the same time: they may arrive in any order.
			expect(ctx.mock.requests.map((request) => request.body.contactId).sort()).toEqual([...ids].sort());
		});

		test('an error Instantpay sends with HTTP 200 fails the item with its status, code and ipay_uuid', async () => {
			const tag = ctx.mock.addTag({ name: 'T' });

			const result = await run(updateParameters, [contactItem('645383ba4acec95a32089822', [tag._id])]);

			expect(result.items).toHaveLength(0);
			expect(result.error.message).toBe('Instantpay: Contact not found (RPI)');
			expect(result.error.httpCode).toBe('200');
			expect(result.error.description).toContain(`Instantpay reference (ipay_uuid): ${ctx.mock.lastUuid}.`);
			expectNoSecrets(result, SECRETS);
		});

		test.each([
			[500, 'ISE', 'System Error'],
			[401, 'IAC', 'Invalid Dealer Credentials'],
			[403, 'UAD', 'User Access Denied'],
		])('an envelope sent with HTTP %s fails the item with its status and code', async (status, code, text) => {
			const tag = ctx.mock.addTag({ name: 'T' });
			const contact = ctx.mock.addContact({ name: 'C', email: 'c@example.com', mobile: '9' });
			const body = ctx.mock.envelope(code, text, null);
			ctx.mock.fault({ status, body });

			const result = await run(updateParameters, [contactItem(contact._id, [tag._id])]);

			expect(result.error.message).toBe(`Instantpay: ${text} (${code})`);
			expect(result.error.httpCode).toBe(String(status));
			expect(result.error.description).toContain(`Instantpay reference (ipay_uuid): ${body.ipay_uuid}.`);
			expectNoSecrets(result, SECRETS);
		});

		test('an HTTP error without an envelope still fails the item, with the HTTP status', async () => {
			const tag = ctx.mock.addTag({ name: 'T' });
			ctx.mock.fault({ status: 502, body: 'Bad gateway' });

			const result = await run({ ...updateParameters, requestOptions: { maxAttempts: 2 } }, [contactItem('x', [tag._id])]);

			// A 502 on an update is tried again; the error tells both what happened and Instantpay's answer.
			expect(result.error.message).toBe('Instantpay stayed unavailable (HTTP 502): 2 attempts');
			expect(result.error.description).toContain('Instantpay: Bad gateway');
			expect(result.error.httpCode).toBe('502');
			expect(ctx.mock.requests).toHaveLength(2);
		});

		test('a status code without a status text is explained from the documented list', async () => {
			ctx.mock.fault({ status: 200, body: { ...ctx.mock.envelope('SNA', '', null) } });

			const result = await run(updateParameters, [contactItem('x', ['t'])]);

			expect(result.error.message).toBe('Instantpay: Service not available (SNA)');
		});

		test('an answer that is not an Instantpay envelope is an error, not data', async () => {
			ctx.mock.fault({ status: 200, body: { hello: 'world' } });

			const result = await run(updateParameters, [contactItem('x', ['t'])]);

			expect(result.error.message).toBe('Instantpay: the answer has no statuscode; check the base URL');
		});

		test.each([
			['a wrong client secret', { clientSecret: 'ipay_wrong_secret_999' }, 'Invalid Dealer Credentials (IAC)'],
			['a wrong endpoint IP', { endpointIp: '198.51.100.7' }, 'User Access Denied (UAD)'],
		])('%s gives Instantpay\'s message, without any secret', async (_case, change, message) => {
			const wrong = await ctx.n8n.createCredential('instantpayApi', { ...ctx.credentialData, ...change });

			const result = await ctx.n8n.runNode({
				nodeType: 'instantpay',
				credential: wrong,
				parameters: updateParameters,
				items: [contactItem('x', ['t'])],
			});

			expect(result.error.message).toBe(`Instantpay: ${message}`);
			expect(result.error.description).toContain('Check the client ID, client secret and endpoint IP');
			expectNoSecrets(result, [...SECRETS, 'ipay_wrong_secret_999']);
		});

		test('an ID with path characters goes verbatim in the JSON body; the path stays /contacts/profile', async () => {
			const tag = ctx.mock.addTag({ name: 'T' });

			const result = await run(updateParameters, [contactItem('/../x?y#z', [tag._id])]);

			expect(ctx.mock.requests).toHaveLength(1);
			expect(ctx.mock.requests[0].rawUrl).toBe('/contacts/profile');
			expect(ctx.mock.requests[0].body.contactId).toBe('/../x?y#z');
			expect(result.error.message).toBe('Instantpay: Contact not found (RPI)');
		});

		test.each([
			['a missing contact ID', { id: '' }, '"Contact" is empty [item 0]'],
			['an empty name', { name: ' ' }, '"Name" is empty [item 0]'],
			['an empty email', { email: '' }, '"Email" is empty [item 0]'],
			['a malformed email', { email: 'sample@example' }, '"Email" is not a valid email address [item 0]'],
			['an empty mobile number', { mobile: '' }, '"Mobile" is empty [item 0]'],
			['no tags', { tags: [] }, '"Tag Names or IDs" has no tag [item 0]'],
			['blank tag IDs', { tags: ' , ' }, '"Tag Names or IDs" has no tag [item 0]'],
			['an empty tag expression', { tags: '' }, '"Tag Names or IDs" has no tag [item 0]'],
		])('%s stops the item before any request', async (_case, change, message) => {
			const result = await run(updateParameters, [{ ...contactItem('645383ba4acec95a32089822', ['t']), ...change }]);

			expect(result.error.message).toBe(message);
			expect(ctx.mock.requests).toHaveLength(0);
		});

		test('Continue On Fail keeps the good items and puts each error in its position', async () => {
			const tag = ctx.mock.addTag({ name: 'T' });
			const a = ctx.mock.addContact({ name: 'A', email: 'a@example.com', mobile: '9' });
			const d = ctx.mock.addContact({ name: 'D', email: 'd@example.com', mobile: '9' });

			const result = await run(
				updateParameters,
				[
					contactItem(a._id, [tag._id], { name: 'A2' }),
					contactItem(a._id, [tag._id], { email: 'broken' }),
					contactItem('645383ba4acec95a32089822', [tag._id]),
					contactItem(d._id, [tag._id], { name: 'D2' }),
				],
				{ onError: 'continueRegularOutput' },
			);

			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(4);
			expect(result.items[0].json.name).toBe('A2');
			expect(result.items[1].json).toEqual({ error: '"Email" is not a valid email address [item 1]' });
			expect(result.items[2].json.error).toBe('Instantpay: Contact not found (RPI)');
			expect(result.items[3].json.name).toBe('D2');
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
			expect(ctx.mock.requests.map((request) => request.body.contactId).sort()).toEqual(
				[a._id, '645383ba4acec95a32089822', d._id].sort(),
			);
			expectNoSecrets(result, SECRETS);
		});
	});

	describe('Contact: Create, Delete, Get Many', () => {
		const createParameters = {
			resource: 'contact',
			operation: 'create',
			name: '={{ $json.name }}',
			email: '={{ $json.email }}',
			mobile: '={{ $json.mobile }}',
			tagIds: '={{ $json.tags }}',
		};

		test('Create sends the contact as JSON and outputs the new contact', async () => {
			const tag = ctx.mock.addTag({ name: 'Customer' });

			const result = await run(
				{ ...createParameters, additionalFields: { companyName: 'XYZ Traders' } },
				[contactItem(undefined, [tag._id], { name: 'Asha Rao', email: 'asha@example.com' })],
			);

			expect(result.error).toBeUndefined();
			expectJsonRequest(ctx.mock.requests[0], 'POST', '/contacts/profile', {
				name: 'Asha Rao',
				email: 'asha@example.com',
				mobile: '7428585742',
				companyName: 'XYZ Traders',
				tagDetails: [{ tagId: tag._id }],
			});
			expect(result.items).toHaveLength(1);
			const [stored] = [...ctx.mock.contacts.values()];
			expect(result.items[0].json).toEqual({
				_id: stored._id,
				userId: 189590,
				name: 'Asha Rao',
				email: 'asha@example.com',
				mobile: '7428585742',
				callingCode: '91',
				companyName: 'XYZ Traders',
				updated_at: '2026-11-21T04:30:00.000000Z',
				created_at: '2026-11-21T04:30:00.000000Z',
			});
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
		});

		test('Create leaves an unset company name out of the request', async () => {
			const tag = ctx.mock.addTag({ name: 'Customer' });

			const result = await run(createParameters, [contactItem(undefined, [tag._id])]);

			expect(result.error).toBeUndefined();
			expect(Object.keys(ctx.mock.requests[0].body).sort()).toEqual(['email', 'mobile', 'name', 'tagDetails']);
		});

		test('Create stops a malformed email or missing tags before any request', async () => {
			const result = await run(
				createParameters,
				[contactItem(undefined, ['t'], { email: 'asha.example.com' }), contactItem(undefined, [])],
				{ onError: 'continueRegularOutput' },
			);

			expectStoppedBeforeAnyRequest(result, [
				'"Email" is not a valid email address [item 0]',
				'"Tag Names or IDs" has no tag [item 1]',
			]);
		});

		test('Delete sends the contact ID in a JSON body and outputs { deleted: true } per item', async () => {
			const a = ctx.mock.addContact({ name: 'A', email: 'a@example.com', mobile: '9' });
			const b = ctx.mock.addContact({ name: 'B', email: 'b@example.com', mobile: '9' });
			const keep = ctx.mock.addContact({ name: 'K', email: 'k@example.com', mobile: '9' });

			const result = await run({ resource: 'contact', operation: 'delete', contactId: byId('={{ $json.id }}') }, [
				{ id: a._id },
				{ id: b._id },
			]);

			expect(result.error).toBeUndefined();
			expect(ctx.mock.requests).toHaveLength(2);
			const requestFor = (id) => ctx.mock.requests.find((request) => request.body?.contactId === id);
			expectJsonRequest(requestFor(a._id), 'DELETE', '/contacts/profile', { contactId: a._id });
			expectJsonRequest(requestFor(b._id), 'DELETE', '/contacts/profile', { contactId: b._id });
			expect(result.items.map((item) => [item.json, item.pairedItem])).toEqual([
				[{ deleted: true }, { item: 0 }],
				[{ deleted: true }, { item: 1 }],
			]);
			expect([...ctx.mock.contacts.keys()]).toEqual([keep._id]);
		});

		test('Delete of an unknown contact fails with Instantpay\'s message; a missing ID sends nothing', async () => {
			const parameters = { resource: 'contact', operation: 'delete', contactId: byId('={{ $json.id }}') };

			const unknown = await run(parameters, [{ id: '645383ba4acec95a32089822' }]);
			expect(unknown.error.message).toBe('Instantpay: Contact not found (RPI)');
			ctx.mock.reset();

			const missing = await run(parameters, [{ id: '' }]);
			expect(missing.error.message).toBe('"Contact" is empty [item 0]');
			expect(ctx.mock.requests).toHaveLength(0);
		});

		test('Get Many sends a GET without a body and outputs one item per contact', async () => {
			const tag = ctx.mock.addTag({ name: 'T' });
			const one = ctx.mock.addContact({ name: 'One', email: 'one@example.com', mobile: '1', tagIds: [tag._id] });
			const two = ctx.mock.addContact({ name: 'Two', email: 'two@example.com', mobile: '2' });

			const all = await run({ resource: 'contact', operation: 'getAll', returnAll: true }, [{}]);

			expect(all.error).toBeUndefined();
			expect(all.items.map((item) => item.json)).toEqual([one, two]);
			expect(all.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
			expect(ctx.mock.requests).toHaveLength(1);
			const [request] = ctx.mock.requests;
			expect([request.method, request.rawUrl, request.rawBody]).toEqual(['GET', '/contacts/profile', '']);
			expect(request.contentType).toBe('application/json');
			expectInstantpayHeaders(request);

			const limited = await run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 1 }, [{}]);
			expect(limited.items.map((item) => item.json.name)).toEqual(['One']);
		});

		test('Get Many with no contacts outputs nothing; an error envelope fails it', async () => {
			const empty = await run({ resource: 'contact', operation: 'getAll', returnAll: true }, [{}]);
			expect(empty.error).toBeUndefined();
			expect(empty.items).toHaveLength(0);

			ctx.mock.fault({ status: 200, body: ctx.mock.envelope('ISE', 'System Error', null) });
			const failed = await run({ resource: 'contact', operation: 'getAll', returnAll: true }, [{}]);
			expect(failed.error.message).toBe('Instantpay: System Error (ISE)');
		});
	});

	describe('Tag', () => {
		const tagParameters = (operation, extra = {}) => ({
			resource: 'tag',
			operation,
			name: '={{ $json.name }}',
			hexColorCode: '={{ $json.color }}',
			...extra,
		});

		test('Create sends the name and color as JSON and outputs the new tag', async () => {
			const result = await run(tagParameters('create'), [{ name: 'Priority', color: '#FF1934' }]);

			expect(result.error).toBeUndefined();
			expectJsonRequest(ctx.mock.requests[0], 'POST', '/contacts/tag', { name: 'Priority', hexColorCode: '#FF1934' });
			const [stored] = [...ctx.mock.tags.values()];
			expect(result.items.map((item) => [item.json, item.pairedItem])).toEqual([
				[{ _id: stored._id, name: 'Priority', hexColorCode: '#FF1934' }, { item: 0 }],
			]);
		});

		test.each([
			['a short color', { name: 'P', color: '#FFF' }, '"Color" is not a color in #RRGGBB form [item 0]'],
			['a color name', { name: 'P', color: 'red' }, '"Color" is not a color in #RRGGBB form [item 0]'],
			['a color without #', { name: 'P', color: 'FF1934' }, '"Color" is not a color in #RRGGBB form [item 0]'],
			['an empty color', { name: 'P', color: '' }, '"Color" is empty [item 0]'],
			['an empty name', { name: '', color: '#FF1934' }, '"Name" is empty [item 0]'],
		])('Create stops %s before any request', async (_case, item, message) => {
			const result = await run(tagParameters('create'), [item]);

			expect(result.error.message).toBe(message);
			expect(ctx.mock.requests).toHaveLength(0);
		});

		test('Get Many sends a GET without a body and outputs one item per tag', async () => {
			const a = ctx.mock.addTag({ name: 'Sample 1', hexColorCode: '#1EB626' });
			const b = ctx.mock.addTag({ name: 'Sample 2', hexColorCode: '#FF1934' });

			const result = await run({ resource: 'tag', operation: 'getAll', returnAll: true }, [{}]);

			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => item.json)).toEqual([a, b]);
			const [request] = ctx.mock.requests;
			expect([request.method, request.rawUrl, request.rawBody]).toEqual(['GET', '/contacts/tag', '']);
			expectInstantpayHeaders(request);

			const limited = await run({ resource: 'tag', operation: 'getAll', returnAll: false, limit: 1 }, [{}]);
			expect(limited.items.map((item) => item.json)).toEqual([a]);
		});

		test('Update sends the tag ID, name and color, and outputs the tag as saved (Instantpay answers data: 1)', async () => {
			const tag = ctx.mock.addTag({ name: 'Old', hexColorCode: '#000000' });

			const result = await run(tagParameters('update', { tagId: fromList(tag._id) }), [{ name: 'New', color: '#00AAFF' }]);

			expect(result.error).toBeUndefined();
			expectJsonRequest(ctx.mock.requests[0], 'PATCH', '/contacts/tag', {
				tagId: tag._id,
				name: 'New',
				hexColorCode: '#00AAFF',
			});
			expect(result.items.map((item) => [item.json, item.pairedItem])).toEqual([
				[{ _id: tag._id, name: 'New', hexColorCode: '#00AAFF' }, { item: 0 }],
			]);
			expect(ctx.mock.tags.get(tag._id)).toEqual({ _id: tag._id, name: 'New', hexColorCode: '#00AAFF' });
		});

		test('Update stops a missing tag ID or a bad color before any request', async () => {
			const result = await run(
				tagParameters('update', { tagId: byId('={{ $json.id }}') }),
				[
					{ id: '', name: 'N', color: '#00AAFF' },
					{ id: 'x', name: 'N', color: '#00AAF' },
				],
				{ onError: 'continueRegularOutput' },
			);

			expectStoppedBeforeAnyRequest(result, [
				'"Tag" is empty [item 0]',
				'"Color" is not a color in #RRGGBB form [item 1]',
			]);
		});

		test('Delete sends the tag ID in a JSON body and outputs { deleted: true }', async () => {
			const tag = ctx.mock.addTag({ name: 'Gone' });

			const result = await run({ resource: 'tag', operation: 'delete', tagId: byId(tag._id) }, [{}]);

			expect(result.error).toBeUndefined();
			expectJsonRequest(ctx.mock.requests[0], 'DELETE', '/contacts/tag', { tagId: tag._id });
			expect(result.items.map((item) => [item.json, item.pairedItem])).toEqual([[{ deleted: true }, { item: 0 }]]);
			expect(ctx.mock.tags.size).toBe(0);

			const again = await run({ resource: 'tag', operation: 'delete', tagId: byId(tag._id) }, [{}]);
			expect(again.error.message).toBe('Instantpay: Tag not found (RPI)');
			expect(again.error.httpCode).toBe('200');
		});
	});

	describe('Pickers', () => {
		const loadOptions = async (methodName) =>
			await ctx.n8n.request('POST', '/rest/dynamic-node-parameters/options', {
				nodeTypeAndVersion: { name: `${PACKAGE_NAME}.instantpay`, version: 1 },
				methodName,
				path: 'parameters.tagIds',
				currentNodeParameters: { resource: 'contact', operation: 'update' },
				credentials: { instantpayApi: { id: ctx.credential.id, name: ctx.credential.name } },
			});

		test('the contact picker lists the contacts, searchable by name or email', async () => {
			const asha = ctx.mock.addContact({ name: 'Asha Rao', email: 'asha@example.com', mobile: '1' });
			const ravi = ctx.mock.addContact({ name: 'Ravi Iyer', email: 'ravi@traders.in', mobile: '2' });
			const search = (filter) =>
				ctx.n8n.listSearch({ nodeType: 'instantpay', methodName: 'searchContacts', credential: ctx.credential, filter });

			expect((await search()).results).toEqual([
				{ name: 'Asha Rao · asha@example.com', value: asha._id },
				{ name: 'Ravi Iyer · ravi@traders.in', value: ravi._id },
			]);
			expect((await search('TRADERS')).results).toEqual([{ name: 'Ravi Iyer · ravi@traders.in', value: ravi._id }]);
			expect(ctx.mock.requests.every((request) => request.method === 'GET' && request.path === '/contacts/profile')).toBe(
				true,
			);
			expectInstantpayHeaders(ctx.mock.requests[0]);
		});

		test('the contact picker lists every contact, the 101st and beyond included, from one request', async () => {
			const contacts = Array.from({ length: 120 }, (_, n) =>
				ctx.mock.addContact({ name: `Person ${n + 1}`, email: `p${n + 1}@example.com`, mobile: String(n) }),
			);

			const all = await ctx.n8n.listSearch({ nodeType: 'instantpay', methodName: 'searchContacts', credential: ctx.credential });

			expect(all.results.map((result) => result.value)).toEqual(contacts.map((contact) => contact._id));
			expect(all.results[110]).toEqual({ name: 'Person 111 · p111@example.com', value: contacts[110]._id });
			expect(all.paginationToken).toBeUndefined();
			expect(ctx.mock.requests).toHaveLength(1);
		});

		test('the tag picker and the Tags list load the user\'s tags', async () => {
			const vip = ctx.mock.addTag({ name: 'VIP', hexColorCode: '#FF1934' });
			const supplier = ctx.mock.addTag({ name: 'Supplier' });

			const picker = await ctx.n8n.listSearch({
				nodeType: 'instantpay',
				methodName: 'searchTags',
				credential: ctx.credential,
				filter: 'sup',
			});
			expect(picker.results).toEqual([{ name: 'Supplier', value: supplier._id }]);

			expect(await loadOptions('getTags')).toEqual([
				{ name: 'VIP', value: vip._id },
				{ name: 'Supplier', value: supplier._id },
			]);
			expect(ctx.mock.requests.map((request) => [request.method, request.path])).toEqual([
				['GET', '/contacts/tag'],
				['GET', '/contacts/tag'],
			]);
		});

		test('a picker shows Instantpay\'s error, sent with HTTP 200 or 401, without secrets', async () => {
			ctx.mock.fault({ status: 200, times: 1, body: ctx.mock.envelope('IAC', 'Invalid Dealer Credentials', null) });

			await expect(loadOptions('getTags')).rejects.toThrow('Instantpay: Invalid Dealer Credentials (IAC)');

			ctx.mock.fault({ status: 401, body: ctx.mock.envelope('IAC', 'Invalid Dealer Credentials', null) });
			await expect(loadOptions('getTags')).rejects.toThrow('Instantpay: Invalid Dealer Credentials (IAC)');
			expect(ctx.mock.requests.map((request) => request.answeredWith)).toEqual([200, 401]);
			expectNoSecrets({}, SECRETS);
		});
	});

	describe('Credential test', () => {
		test('passes with the right credential', async () => {
			const good = await ctx.n8n.testCredential(ctx.credential, ctx.credentialData);

			expect(good).toMatchObject({ status: 'OK' });
			expect(ctx.mock.requests).toHaveLength(1);
			const [request] = ctx.mock.requests;
			expect([request.method, request.path]).toEqual(['GET', '/contacts/tag']);
			expectInstantpayHeaders(request);
		});

		test.each([
			['a wrong client secret (HTTP 200)', { clientSecret: 'ipay_wrong' }, 'Invalid Dealer Credentials" (IAC)'],
			['a wrong client ID (HTTP 200)', { clientId: 'someone_else' }, 'Invalid Dealer Credentials" (IAC)'],
			['a wrong endpoint IP (HTTP 200)', { endpointIp: '198.51.100.7' }, 'User Access Denied" (UAD)'],
		])('fails with %s', async (_case, change, message) => {
			const bad = await ctx.n8n.testCredential(ctx.credential, { ...ctx.credentialData, ...change });

			expect(bad.status).toBe('Error');
			expect(bad.message).toContain(message);
			expect(bad.message).toContain('Check the client ID, client secret and endpoint IP');
			expectNoSecrets(bad, SECRETS);
		});

		test.each([401, 403])('fails when Instantpay answers HTTP %s with an error envelope', async (status) => {
			ctx.mock.fault({ status, body: ctx.mock.envelope('IAC', 'Invalid Dealer Credentials', null) });

			const bad = await ctx.n8n.testCredential(ctx.credential, ctx.credentialData);

			expect(bad.status).toBe('Error');
			expect(bad.message).toContain('"Invalid Dealer Credentials" (IAC)');
		});

		test('fails when the base URL does not answer like Instantpay', async () => {
			ctx.mock.fault({ status: 200, body: { ok: true } });
			const notInstantpay = await ctx.n8n.testCredential(ctx.credential, ctx.credentialData);
			expect(notInstantpay).toMatchObject({ status: 'Error', message: expect.stringContaining('not an Instantpay response') });

			ctx.mock.fault({ status: 404, body: '<html>Not Found</html>' });
			const notFound = await ctx.n8n.testCredential(ctx.credential, ctx.credentialData);
			expect(notFound).toMatchObject({ status: 'Error', message: expect.stringContaining('not an Instantpay response') });
		});
	});
});
