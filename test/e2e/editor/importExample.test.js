// An example workflow as a user meets it: Import from File in the editor, pick the
// credential, click "Execute workflow". The many-rows example is used: three rows → three updates.
const path = require('node:path');
const { openEditor } = require('./editor');
const { signedInClient } = require('../../harness/e2eState');
const { ROOT } = require('../../harness/n8nInstance');
const { createInstantpayMock } = require('../../mocks/instantpay');

const EXAMPLE = path.join(ROOT, 'examples', 'instantpay-update-many-contacts.json');
const KEYS = { clientId: 'ipay_import_client', clientSecret: 'ipay_import_secret_3b8e', endpointIp: '203.0.113.10' };
const CONTACT_IDS = ['645383ba4acec95a32089822', '645383ba4acec95a32089823', '645383ba4acec95a32089824'];

describe('an example workflow in the n8n editor', () => {
	let editor;
	let mock;
	let credential;

	beforeAll(async () => {
		mock = await createInstantpayMock(KEYS).start();
		mock.addTag({ _id: '645381c92c8e9e093406ccb2', name: 'VIP' });
		mock.addTag({ _id: '645381c92c8e9e093406ccb3', name: 'Supplier' });
		for (const _id of CONTACT_IDS) mock.addContact({ _id, name: 'Old', email: 'old@example.com', mobile: '1' });
		const n8n = await signedInClient();
		credential = await n8n.createCredential('instantpayApi', { environment: 'custom', baseUrl: mock.url, ...KEYS });
		editor = await openEditor();
	});
	afterAll(async () => {
		await editor?.close();
		await mock?.stop();
	});

	test('imports from its file, runs from "Execute workflow" and updates every row’s contact', async () => {
		await editor.importWorkflowFile(EXAMPLE);
		expect(await editor.canvasNodeNames()).toEqual([
			'When clicking ‘Execute workflow’',
			'Contact rows',
			'One item per contact',
			'Update a contact in Instantpay',
		]);

		// The user picks their credential (n8n may have preselected another of the type).
		await editor.openNodeForm('instantpay');
		await editor.selectCredential(credential.name);
		expect(await editor.selectedCredential()).toBe(credential.name);
		await editor.closeNodeForm();
		await editor.executeWorkflow();

		expect(await editor.page.getByTestId('canvas-node-status-success').count()).toBe(4);
		expect(mock.requests.filter((r) => r.method === 'PATCH')).toHaveLength(3);
		expect(CONTACT_IDS.map((id) => mock.contacts.get(id).name)).toEqual(['Asha Rao', 'Vikram Shah', 'Meera Iyer']);
		await editor.screenshot('example-instantpay-update-many-contacts');
	});
});
