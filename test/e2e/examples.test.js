// The workflows in examples/ are what users import into n8n. Each is imported as it is
// (only its credential placeholder is pointed at a credential for the provider's mock)
// and run from its manual trigger, as the editor's "Execute workflow" does; the mock
// must then have received exactly the updates the example's sample values describe.
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, PACKAGE_NAME } = require('../harness/n8nInstance');
const { signedInClient } = require('../harness/e2eState');
const { createAtaraPayMock } = require('../mocks/ataraPay');
const { createFatoraMock } = require('../mocks/fatora');
const { createChargeworxMock } = require('../mocks/chargeworx');
const { createInstantpayMock } = require('../mocks/instantpay');
const { createApipagosMock, BASE_PATH: APIPAGOS_PATH } = require('../mocks/apipagos');

const EXAMPLES = path.join(ROOT, 'examples');
const example = (file) => JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
const packageNodes = require(path.join(ROOT, 'package.json')).n8n.nodes.map(
	(file) => `${PACKAGE_NAME}.${path.basename(file, '.node.js').replace(/^./, (c) => c.toLowerCase())}`,
);

describe('example workflows, imported and run in a real n8n', () => {
	let n8n;
	const mocks = [];
	beforeAll(async () => {
		n8n = await signedInClient();
	});
	afterAll(async () => {
		await Promise.all(mocks.map((mock) => mock.stop()));
	});
	const started = async (mock) => {
		mocks.push(mock);
		return await mock.start();
	};

	/** Imports and runs an example; fails with n8n's own error when the run did not succeed. */
	const runExample = async (file, credential) => {
		const run = await n8n.importAndRun(example(file), credential);
		expect(run.error).toBeUndefined();
		expect(run.execution.status).toBe('success');
		return run;
	};

	const TESTED = [
		'atarapay-update.json',
		'fatora-update.json',
		'chargeworx-update.json',
		'instantpay-update.json',
		'apipagos-update.json',
		'instantpay-update-many-contacts.json',
		'apipagos-update-many-contracts.json',
	];

	test('every file in examples/ is tested here', () => {
		expect(fs.readdirSync(EXAMPLES).sort()).toEqual([...TESTED].sort());
	});

	test.each(TESTED)('%s is a workflow n8n imports: Manual Trigger → sample values → the package node', (file) => {
		const workflow = example(file);
		const names = workflow.nodes.map((node) => node.name);
		expect(new Set(names).size).toBe(names.length);
		for (const node of workflow.nodes) {
			expect(node).toEqual(
				expect.objectContaining({ id: expect.any(String), name: expect.any(String), typeVersion: expect.any(Number) }),
			);
			expect(node.type.startsWith('n8n-nodes-base.') || packageNodes.includes(node.type)).toBe(true);
		}
		expect(workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.manualTrigger')).toHaveLength(1);
		// Every connection joins nodes that exist.
		for (const [source, outputs] of Object.entries(workflow.connections)) {
			expect(names).toContain(source);
			for (const target of outputs.main.flat()) expect(names).toContain(target.node);
		}
		// The package node references its credential by the name n8n gives a first credential.
		const ours = workflow.nodes.filter((node) => packageNodes.includes(node.type));
		expect(ours).toHaveLength(1);
		const [reference] = Object.values(ours[0].credentials);
		expect(reference.name).toMatch(/^(AtaraPay|Fatora|Chargeworx|Instantpay|Apipagos) account$/);
	});

	test('atarapay-update.json updates project 42 with the Set node’s name and description', async () => {
		const mock = await started(createAtaraPayMock({ publicKey: 'pk_example', privateKey: 'sk_example' }));
		mock.addProject({ id: 42, project_name: 'Eko Atlantic city', description: 'Phase 1' });
		const credential = await n8n.createCredential('ataraPayApi', {
			environment: 'custom',
			baseUrl: mock.url,
			publicKey: 'pk_example',
			privateKey: 'sk_example',
		});

		const run = await runExample('atarapay-update.json', credential);

		expect(mock.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['PUT /api/project/updateProject/42']);
		expect(mock.requests[0].body).toEqual({
			authtoken: Buffer.from('pk_example:sk_example').toString('base64'),
			project_id: '42',
			project_name: 'Eko Atlantic city, phase 2',
			description: 'Second milestone: foundations and drainage',
		});
		expect(run.output('Update a project in AtaraPay').map((item) => item.json.project_name)).toEqual([
			'Eko Atlantic city, phase 2',
		]);
	});

	test('fatora-update.json updates client 1024: the email, and the name and phone of Update Fields', async () => {
		const apiKey = 'EXAMPLE-KEY-1111-2222';
		const mock = await started(createFatoraMock({ apiKeys: [apiKey] }));
		mock.addClient({ id: 1024, name: 'Doha Supplies', email: 'billing@doha-supplies.example', address: 'Doha' });
		const credential = await n8n.createCredential('fatoraApi', { environment: 'custom', baseUrl: `${mock.url}/v1`, apiKey });

		const run = await runExample('fatora-update.json', credential);

		const [update] = mock.clientRequests();
		expect(mock.clientRequests()).toHaveLength(1);
		expect([update.method, update.path]).toEqual(['PUT', '/v1/clients/1024']);
		expect(update.body).toEqual({
			email: 'accounts@doha-supplies.example',
			name: 'Doha Supplies W.L.L.',
			phone: '+974 4400 1122',
		});
		expect(run.output('Update a client in Fatora').map((item) => item.json)).toEqual([
			{
				id: 1024,
				name: 'Doha Supplies W.L.L.',
				phone: '+974 4400 1122',
				email: 'accounts@doha-supplies.example',
				address: 'Doha',
				note: '',
			},
		]);
	});

	test('chargeworx-update.json updates the project’s name, return URL and active flag', async () => {
		const projectId = '7bc94a21-8833-4d2f-a5e1-9f4b2d8c1e7a';
		const mock = await started(createChargeworxMock({ clientId: 'example-client', clientSecret: 'example-secret' }));
		mock.addProject({ id: projectId, name: 'Web shop', isActive: false });
		const credential = await n8n.createCredential('chargeworxOAuth2Api', {
			environment: 'custom',
			baseUrl: mock.url,
			clientId: 'example-client',
			clientSecret: 'example-secret',
			scope: 'AdminUIScope',
		});

		const run = await runExample('chargeworx-update.json', credential);

		const updates = mock.requests.filter((r) => r.path.startsWith('/api/'));
		expect(updates.map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /api/adm/companyProjects/${projectId}/general`]);
		expect(updates[0].body).toEqual({
			id: projectId,
			projectName: 'Web shop (EU)',
			returnUrl: 'https://shop.example.com/payment/success',
			isActive: true,
		});
		expect(mock.projects.get(projectId)).toMatchObject({ name: 'Web shop (EU)', isActive: true });
		expect(run.output('Update the general information of a project in Chargeworx').map((item) => item.json)).toEqual([
			{ id: projectId, success: true },
		]);
	});

	const instantpay = async () => {
		const keys = { clientId: 'example-client', clientSecret: 'example-secret', endpointIp: '203.0.113.10' };
		const mock = await started(createInstantpayMock(keys));
		const credential = await n8n.createCredential('instantpayApi', { environment: 'custom', baseUrl: mock.url, ...keys });
		mock.addTag({ _id: '645381c92c8e9e093406ccb2', name: 'VIP' });
		mock.addTag({ _id: '645381c92c8e9e093406ccb3', name: 'Supplier' });
		const addContact = (_id, name) =>
			mock.addContact({ _id, name, email: 'old@example.com', mobile: '9999999999', tagIds: [] });
		return { mock, credential, addContact };
	};

	test('instantpay-update.json updates the contact with every field and its tag', async () => {
		const { mock, credential, addContact } = await instantpay();
		addContact('645383ba4acec95a32089822', 'Asha');

		const run = await runExample('instantpay-update.json', credential);

		expect(mock.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			[
				'PATCH',
				'/contacts/profile',
				{
					contactId: '645383ba4acec95a32089822',
					name: 'Asha Rao',
					email: 'asha@rao-traders.example',
					mobile: '9000000001',
					tagDetails: [{ tagId: '645381c92c8e9e093406ccb2' }],
				},
			],
		]);
		expect(run.output('Update a contact in Instantpay')).toHaveLength(1);
	});

	test('instantpay-update-many-contacts.json updates each of its three rows, each item paired with its row', async () => {
		const { mock, credential, addContact } = await instantpay();
		const ids = ['645383ba4acec95a32089822', '645383ba4acec95a32089823', '645383ba4acec95a32089824'];
		ids.forEach((id, n) => addContact(id, `Old ${n}`));

		const run = await runExample('instantpay-update-many-contacts.json', credential);

		expect(mock.requests.filter((r) => r.method === 'PATCH')).toHaveLength(3);
		expect(ids.map((id) => mock.contacts.get(id)).map(({ name, email, mobile, tagId }) => ({ name, email, mobile, tagId }))).toEqual([
			{ name: 'Asha Rao', email: 'asha@rao-traders.example', mobile: '9000000001', tagId: ['645381c92c8e9e093406ccb2'] },
			{
				name: 'Vikram Shah',
				email: 'vikram@shah-exports.example',
				mobile: '9000000002',
				tagId: ['645381c92c8e9e093406ccb2', '645381c92c8e9e093406ccb3'],
			},
			{ name: 'Meera Iyer', email: 'meera@iyer-foods.example', mobile: '9000000003', tagId: ['645381c92c8e9e093406ccb3'] },
		]);
		expect(run.output('Update a contact in Instantpay').map((item) => [item.json._id, item.pairedItem])).toEqual(
			ids.map((id, index) => [id, { item: index }]),
		);
	});

	const apipagos = async () => {
		const companyToken = 'ct_example_apipagos';
		const mock = await started(createApipagosMock({ companyToken }));
		const credential = await n8n.createCredential('apipagosApi', {
			environment: 'custom',
			baseUrl: `${mock.baseUrl()}/`,
			companyToken,
		});
		return { mock, credential };
	};

	test('apipagos-update.json updates the contract’s title, status and expiry', async () => {
		const { mock, credential } = await apipagos();
		mock.addContract({ code: '28c7fbfacc309631dbc4e3584c5b8fa8' });

		const run = await runExample('apipagos-update.json', credential);

		expect(mock.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			[
				'PATCH',
				`${APIPAGOS_PATH}/contracts/28c7fbfacc309631dbc4e3584c5b8fa8`,
				{ title: 'Cesión de crédito 2025', status_code: 1, expired_at: '2025-12-31T23:59:59' },
			],
		]);
		expect(run.output('Update a contract in Apipagos').map((item) => item.json.status)).toEqual([
			expect.objectContaining({ code: 1, label: 'aprobada' }),
		]);
	});

	test('apipagos-update-many-contracts.json sends its three rows in one bulk request', async () => {
		const { mock, credential } = await apipagos();
		const codes = ['28c7fbfacc309631dbc4e3584c5b8fa8', '3f1e0c5a9b7d4e2f8a6c1b0d9e8f7a6b', '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d'];
		codes.forEach((code) => mock.addContract({ code }));

		const run = await runExample('apipagos-update-many-contracts.json', credential);

		expect(mock.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			[
				'PUT',
				`${APIPAGOS_PATH}/contracts`,
				[
					{ code: codes[0], title: 'Cesión aprobada', status_code: '1' },
					{ code: codes[1], title: 'Cesión aprobada', status_code: '1' },
					{ code: codes[2], title: 'Cesión rechazada', status_code: '2' },
				],
			],
		]);
		expect(run.output('Update many contracts in Apipagos').map((item) => [item.json.code, item.pairedItem])).toEqual(
			codes.map((code, index) => [code, { item: index }]),
		);
	});
});
