const { createChargeworxMock } = require('../../mocks/chargeworx');
const { describeProviderInEditor } = require('./journey');

const CLIENT_ID = 'n8n-editor-client';
const CLIENT_SECRET = 'cwx_editor_secret_0c7d1e';

// The fields of the spec are described in journey.js and commented in ataraPay.test.js.
describeProviderInEditor({
	provider: 'Chargeworx',
	nodeType: 'chargeworx',
	screenshot: 'chargeworx',
	actions: [
		'Update the general information of a project',
		'Update the merchant settings of a project',
		'Create a project',
		'Get a project',
		'Get many projects',
	],
	updateAction: 'Update the general information of a project',
	resource: 'Project',
	operation: 'Update General Information',
	labels: ['Credential', 'Resource', 'Operation', 'Project', 'Keep Current Values', 'Project Name', 'Update Fields'],
	requiredIssues: ['Parameter "Project" is required.'],
	descriptions: {
		projectId: 'The Chargeworx project',
		projectName: 'The name of the project (at most 50 characters). Leave empty to keep its current name.',
	},
	hints: [],
	placeholders: {},
	updateFields: ['Cancel URL', 'Description', 'Is Active', 'Phone', 'Return URL'],

	createMock: () => {
		const mock = createChargeworxMock({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
		mock.addProject({ name: 'Web shop' });
		mock.addProject({ name: 'Mobile app' });
		return mock;
	},
	// An OAuth2 client-credentials credential: n8n shows no "Connect" button for this grant,
	// only the fields; saving runs the credential's test (a token request with them).
	credential: (mock) => ({ environment: 'Custom', baseUrl: mock.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }),
	credentialHints: ["n8n requests the access token from /connect/token on this environment's base URL"],
	wrongSecret: {
		field: 'clientSecret',
		value: 'cwx_wrong_secret',
		reason:
			'Chargeworx did not issue a token for this client ID, secret and scope. Check them, and that the environment is the one the client is registered in.',
	},
	expectTestRequest: (mock) => {
		expect(mock.tokenRequests().map((request) => request.body)).toContainEqual({
			grant_type: 'client_credentials',
			client_id: CLIENT_ID,
			client_secret: CLIENT_SECRET,
			scope: 'AdminUIScope',
		});
	},

	pickersTitle: 'the Project picker lists the projects Chargeworx returns',
	pickers: async (editor) => {
		expect(await editor.resourceLocatorItems('projectId', 'Web shop')).toEqual(['Web shop', 'Mobile app']);
		await editor.pickResourceLocatorItem('Web shop');
	},
	fillUpdateForm: async (editor) => {
		await editor.fillParameter('projectName', 'Web shop (EU)');
		await editor.addCollectionField('updateFields', 'Return URL');
		expect(await editor.placeholderOf('returnUrl')).toBe('https://shop.example.com/payment/success');
		await editor.fillParameter('returnUrl', 'https://shop.example.com/payment/success');
		await editor.addCollectionField('updateFields', 'Is Active');
	},
});
