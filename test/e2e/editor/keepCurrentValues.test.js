// A user changes one field of an AtaraPay project, a Fatora client and a Chargeworx project
// in the editor, with nothing else set: Keep Current Values (on by default for a new node)
// sends the record's other values unchanged. Instantpay's contact is instantpayKeepCurrent.test.js.
const { openEditor } = require('./editor');
const { signedInClient } = require('../../harness/e2eState');
const { createAtaraPayMock } = require('../../mocks/ataraPay');
const { createFatoraMock } = require('../../mocks/fatora');
const { createChargeworxMock } = require('../../mocks/chargeworx');

const FATORA_KEY = 'D4E5F6A7-1111-4B2C-8D3E-9F0A1B2C3D4E';

const cases = [
	{
		provider: 'AtaraPay',
		action: 'Update a project',
		createMock: () => createAtaraPayMock({ publicKey: 'pk_keep_editor', privateKey: 'sk_keep_editor_7' }),
		credential: (mock) => [
			'ataraPayApi',
			{ environment: 'custom', baseUrl: mock.url, publicKey: 'pk_keep_editor', privateKey: 'sk_keep_editor_7' },
		],
		seed: (mock) => {
			mock.addProject({ project_name: 'Lekki bridge', description: 'Design' });
			return mock.addProject({ project_name: 'Eko Atlantic city', description: 'Phase 1' });
		},
		picker: ['projectId', 'Eko Atlantic city'],
		change: async (editor) => await editor.fillParameter('description', 'Phase 2'),
		written: (mock, record) => {
			const [put] = mock.requests.filter((r) => r.method === 'PUT');
			expect(put.body).toEqual({
				authtoken: expect.any(String), // the credential's, added by n8n
				project_id: String(record.id),
				project_name: 'Eko Atlantic city',
				description: 'Phase 2',
			});
			expect(mock.projects.get(String(record.id))).toMatchObject({ project_name: 'Eko Atlantic city', description: 'Phase 2' });
		},
	},
	{
		provider: 'Fatora',
		action: 'Update a client',
		createMock: () => createFatoraMock({ apiKeys: [FATORA_KEY] }),
		credential: (mock) => ['fatoraApi', { environment: 'custom', baseUrl: `${mock.url}/v1`, apiKey: FATORA_KEY }],
		seed: (mock) => {
			mock.addClient({ name: 'Doha Supplies', email: 'billing@doha-supplies.example' });
			return mock.addClient({ name: 'Al Jazeera Trading', email: 'accounts@aljazeera.example', phone: '+974 1', address: 'Doha' });
		},
		picker: ['clientId', 'Al Jazeera Trading'],
		change: async (editor) => {
			await editor.addCollectionField('updateFields', 'Phone');
			await editor.fillParameter('phone', '+974 4400 1122');
		},
		written: (mock, record) => {
			const [put] = mock.requestsTo('PUT', `/v1/clients/${record.id}`);
			expect(put.body).toEqual({ email: 'accounts@aljazeera.example', phone: '+974 4400 1122' });
			expect(mock.clients.get(String(record.id))).toMatchObject({
				name: 'Al Jazeera Trading',
				email: 'accounts@aljazeera.example',
				phone: '+974 4400 1122',
				address: 'Doha',
			});
		},
	},
	{
		provider: 'Chargeworx',
		action: 'Update the general information of a project',
		createMock: () => createChargeworxMock({ clientId: 'cwx-keep-editor', clientSecret: 'cwx_keep_editor_secret' }),
		credential: (mock) => [
			'chargeworxOAuth2Api',
			{
				environment: 'custom',
				baseUrl: mock.url,
				clientId: 'cwx-keep-editor',
				clientSecret: 'cwx_keep_editor_secret',
				scope: 'AdminUIScope',
			},
		],
		seed: (mock) => {
			mock.addProject({ name: 'Mobile app' });
			return mock.addProject({ name: 'Web shop', description: 'EU store', returnUrl: 'https://shop.example/ok' });
		},
		picker: ['projectId', 'Web shop'],
		change: async (editor) => {
			await editor.addCollectionField('updateFields', 'Description');
			await editor.fillParameter('description', 'EU and UK store');
		},
		written: (mock, record) => {
			const [put] = mock.requests.filter((r) => r.method === 'PUT');
			expect(put.body).toEqual({ id: record.id, projectName: 'Web shop', description: 'EU and UK store' });
			expect(mock.projects.get(record.id)).toMatchObject({
				name: 'Web shop',
				description: 'EU and UK store',
				returnUrl: 'https://shop.example/ok',
			});
		},
	},
];

describe.each(cases)('$provider Update in the editor, changing one field only', (spec) => {
	let editor;
	let mock;
	let credential;
	let record;

	beforeAll(async () => {
		mock = await spec.createMock().start();
		record = spec.seed(mock);
		const n8n = await signedInClient();
		credential = await n8n.createCredential(...spec.credential(mock));
		editor = await openEditor();
	});
	afterAll(async () => {
		await editor?.close();
		await mock?.stop();
	});

	test('the record keeps every other value', async () => {
		await editor.searchNodePanel(spec.provider);
		await editor.openNodeInPanel(spec.provider, spec.action);
		await editor.addAction(spec.action);
		await editor.selectCredential(credential.name);
		const [picker, entry] = spec.picker;
		await editor.resourceLocatorItems(picker, entry);
		await editor.pickResourceLocatorItem(entry);
		await spec.change(editor);
		await editor.closeNodeForm();
		mock.reset();
		await editor.executeWorkflow();

		spec.written(mock, record);
	});
});
