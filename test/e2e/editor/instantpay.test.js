const { createInstantpayMock } = require('../../mocks/instantpay');
const { describeProviderInEditor } = require('./journey');

const CLIENT_ID = 'ipay_editor_client';
const CLIENT_SECRET = 'ipay_editor_secret_9d2c41';
const ENDPOINT_IP = '203.0.113.10';

// The fields of the spec are described in journey.js and commented in ataraPay.test.js.
describeProviderInEditor({
	provider: 'Instantpay',
	nodeType: 'instantpay',
	screenshot: 'instantpay',
	actions: [
		'Update a contact',
		'Create a contact',
		'Delete a contact',
		'Get many contacts',
		'Create a tag',
		'Get many tags',
		'Update a tag',
		'Delete a tag',
	],
	updateAction: 'Update a contact',
	resource: 'Contact',
	operation: 'Update',
	labels: ['Credential', 'Resource', 'Operation', 'Contact', 'Keep Current Values', 'Name', 'Email', 'Mobile', 'Tag Names or IDs', 'Tags Change'],
	requiredIssues: [
		'Parameter "Contact" is required.',
	],
	descriptions: {
		contactId: 'The contact to update',
		name: 'Name of the contact. Leave empty to keep its current name.',
		mobile: 'Mobile number of the contact. Leave empty to keep its current mobile number.',
		tagIds: 'Tags to set, add or remove (see Tags Change). Leave empty to keep the current tags.',
	},
	hints: [],
	placeholders: { email: 'name@email.com', mobile: 'e.g. 7428585742' },
	updateFields: null, // Instantpay's Update Contact takes every field: all are required

	createMock: () => {
		const mock = createInstantpayMock({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, endpointIp: ENDPOINT_IP });
		const vip = mock.addTag({ name: 'VIP' });
		mock.addTag({ name: 'Supplier' });
		mock.addContact({ name: 'Asha Rao', email: 'asha.rao@example.com', mobile: '9000000001', tagIds: [vip._id] });
		mock.addContact({ name: 'Vikram Shah', email: 'vikram@example.com', mobile: '9000000002', tagIds: [vip._id] });
		return mock;
	},
	credential: (mock) => ({
		environment: 'Custom',
		baseUrl: mock.url,
		clientId: CLIENT_ID,
		clientSecret: CLIENT_SECRET,
		endpointIp: ENDPOINT_IP,
	}),
	credentialHints: [
		'Instantpay documents one host. Staging and production credentials differ; Instantpay gives no separate staging URL.',
	],
	wrongSecret: {
		field: 'clientSecret',
		value: 'ipay_wrong_secret',
		reason:
			'Instantpay answered "Invalid Dealer Credentials" (IAC). Check the client ID, client secret and endpoint IP, and that they belong to the chosen environment.',
	},
	expectTestRequest: (mock) => {
		const [request] = mock.requestsTo('GET', '/contacts/tag');
		expect(request.headers['x-ipay-client-id']).toBe(CLIENT_ID);
		expect(request.headers['x-ipay-client-secret']).toBe(CLIENT_SECRET);
		expect(request.headers['x-ipay-endpoint-ip']).toBe(ENDPOINT_IP);
	},

	pickersTitle: 'the Contact picker and the Tags list show the contacts and tags Instantpay returns',
	pickers: async (editor) => {
		expect(await editor.resourceLocatorItems('contactId', 'Asha Rao')).toEqual([
			'Asha Rao · asha.rao@example.com',
			'Vikram Shah · vikram@example.com',
		]);
		await editor.pickResourceLocatorItem('Asha Rao');
		expect(await editor.loadedOptions('tagIds', 'VIP')).toEqual(['VIP', 'Supplier']);
		await editor.pickOption('VIP');
		await editor.pickOption('Supplier');
		await editor.closeOptions();
	},
	fillUpdateForm: async (editor) => {
		await editor.fillParameter('name', 'Asha Rao');
		await editor.fillParameter('email', 'asha@rao-traders.example');
		await editor.fillParameter('mobile', '9000000001');
	},
});
