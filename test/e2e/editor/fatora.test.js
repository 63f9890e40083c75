const { createFatoraMock } = require('../../mocks/fatora');
const { describeProviderInEditor } = require('./journey');

const API_KEY = 'B7D1C0DE-5A4E-4F1B-9C3D-2E8F6A7B1C90';

// The fields of the spec are described in journey.js and commented in ataraPay.test.js.
describeProviderInEditor({
	provider: 'Fatora',
	nodeType: 'fatora',
	screenshot: 'fatora',
	actions: ['Update a client', 'Create a client', 'Get a client', 'Get many clients'],
	updateAction: 'Update a client',
	resource: 'Client',
	operation: 'Update',
	labels: ['Credential', 'Resource', 'Operation', 'Client', 'Keep Current Values', 'Email', 'Update Fields'],
	requiredIssues: ['Parameter "Client" is required.'],
	descriptions: {
		clientId: 'The client to update',
		email: "The client's email address. Leave empty to keep its current email.",
	},
	hints: ['Leave empty to keep the current value'],
	placeholders: { email: 'name@email.com' },
	updateFields: ['Address', 'Name', 'Notes', 'Phone'],

	createMock: () => {
		const mock = createFatoraMock({ apiKeys: [API_KEY] });
		mock.addClient({ name: 'Al Jazeera Trading', email: 'accounts@aljazeera-trading.example' });
		mock.addClient({ name: 'Doha Supplies', email: 'billing@doha-supplies.example' });
		return mock;
	},
	credential: (mock) => ({ environment: 'Custom', baseUrl: `${mock.url}/v1`, apiKey: API_KEY }),
	credentialHints: ['Test or live mode is a setting of your Fatora account (Integration → Settings), not another URL'],
	wrongSecret: {
		field: 'apiKey',
		value: 'WRONG-KEY-0000',
		reason:
			'Fatora did not issue a bearer token (HTTP 401): Invalid API Key. Check the API key on the Integration page of your Fatora dashboard.',
	},
	expectTestRequest: (mock) => {
		const [authorize] = mock.authorizeRequests();
		expect(authorize.headers.api_key).toBe(API_KEY);
		const [listed] = mock.clientRequests();
		expect(listed.headers.authorization).toBe(`Bearer ${mock.issuedTokens[0]}`);
	},

	pickersTitle: 'the Client picker lists the clients Fatora returns, and Fatora searches them',
	pickers: async (editor, mock) => {
		expect(await editor.resourceLocatorItems('clientId', 'Al Jazeera Trading')).toEqual([
			'Al Jazeera Trading (accounts@aljazeera-trading.example)',
			'Doha Supplies (billing@doha-supplies.example)',
		]);
		expect(await editor.searchResourceLocator('doha', 'Doha Supplies')).toEqual(['Doha Supplies (billing@doha-supplies.example)']);
		expect(mock.clientRequests().some((request) => request.query.keyword === 'doha')).toBe(true);
		await editor.pickResourceLocatorItem('Doha Supplies');
	},
	fillUpdateForm: async (editor) => {
		await editor.fillParameter('email', 'accounts@doha-supplies.example');
		await editor.addCollectionField('updateFields', 'Name');
		// Each field of Update Fields says what an empty value and {{ null }} do.
		await editor.expectFormText('Left empty, it is not sent and the current value stays. The expression {{ null }} clears it.');
		await editor.fillParameter('name', 'Doha Supplies W.L.L.');
		await editor.addCollectionField('updateFields', 'Phone');
		await editor.fillParameter('phone', '+974 4400 1122');
	},
});
