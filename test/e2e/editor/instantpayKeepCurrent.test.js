// A user changes one contact's email in the editor, with nothing else set: Keep Current
// Values (on by default for a new node) sends the contact's other values unchanged.
const { openEditor } = require('./editor');
const { signedInClient } = require('../../harness/e2eState');
const { createInstantpayMock } = require('../../mocks/instantpay');

const KEYS = { clientId: 'ipay_keep_editor', clientSecret: 'ipay_keep_editor_secret_71', endpointIp: '203.0.113.10' };

describe('Instantpay Update in the editor, changing only the email', () => {
	let editor;
	let mock;
	let credential;
	let asha;
	let vip;

	beforeAll(async () => {
		mock = await createInstantpayMock(KEYS).start();
		vip = mock.addTag({ name: 'VIP' });
		mock.addTag({ name: 'Supplier' });
		asha = mock.addContact({ name: 'Asha Rao', email: 'asha.rao@example.com', mobile: '9000000001', tagIds: [vip._id] });
		mock.addContact({ name: 'Vikram Shah', email: 'vikram@example.com', mobile: '9000000002', tagIds: [vip._id] });
		const n8n = await signedInClient();
		credential = await n8n.createCredential('instantpayApi', { environment: 'custom', baseUrl: mock.url, ...KEYS });
		editor = await openEditor();
	});
	afterAll(async () => {
		await editor?.close();
		await mock?.stop();
	});

	test('the contact keeps its name, mobile and tags', async () => {
		await editor.searchNodePanel('Instantpay');
		await editor.openNodeInPanel('Instantpay', 'Update a contact');
		await editor.addAction('Update a contact');
		await editor.selectCredential(credential.name);

		// A new node keeps current values: the contact's fields are optional, and say so.
		expect(await editor.parameterLabels()).toEqual(
			expect.arrayContaining(['Contact', 'Keep Current Values', 'Name', 'Email', 'Mobile', 'Tag Names or IDs']),
		);
		await editor.ndv.getByText('Leave empty to keep the current value', { exact: true }).first().waitFor();

		await editor.resourceLocatorItems('contactId', 'Asha Rao');
		await editor.pickResourceLocatorItem('Asha Rao');
		await editor.fillParameter('email', 'asha@rao-traders.example');
		await editor.closeNodeForm();
		await editor.executeWorkflow();

		const patches = mock.requestsTo('PATCH', '/contacts/profile');
		expect(patches.map((request) => request.body)).toEqual([
			{
				contactId: asha._id,
				name: 'Asha Rao',
				email: 'asha@rao-traders.example',
				mobile: '9000000001',
				tagDetails: [{ tagId: vip._id }],
			},
		]);
		expect(mock.contacts.get(asha._id)).toMatchObject({ name: 'Asha Rao', mobile: '9000000001', tagId: [vip._id] });
	});
});
