const { createApipagosMock, BASE_PATH } = require('../../mocks/apipagos');
const { describeProviderInEditor } = require('./journey');

const COMPANY_TOKEN = 'ct_editor_apipagos_7e41b2';

// The fields of the spec are described in journey.js and commented in ataraPay.test.js.
describeProviderInEditor({
	provider: 'Apipagos',
	nodeType: 'apipagos',
	screenshot: 'apipagos',
	actions: ['Update a contract', 'Update many contracts', 'Get a contract'],
	updateAction: 'Update a contract',
	resource: 'Contract',
	operation: 'Update',
	labels: ['Credential', 'Resource', 'Operation', 'Contract Code or ID', 'Update Fields'],
	requiredIssues: ['Parameter "Contract Code or ID" is required.'],
	descriptions: { contractCode: 'The code of the contract to update, or its numeric ID such as 132' },
	hints: [],
	placeholders: { contractCode: 'e.g. 28c7fbfacc309631dbc4e3584c5b8fa8' },
	updateFields: ['Description', 'Destination User ID', 'Expires At', 'Source User ID', 'Status Code', 'Title'],

	createMock: () => createApipagosMock({ companyToken: COMPANY_TOKEN }),
	credential: (mock) => ({ environment: 'Custom', baseUrl: `${mock.baseUrl()}/`, companyToken: COMPANY_TOKEN }),
	credentialHints: ['Apipagos does not document its production base URL: paste the one Apipagos gave you'],
	wrongSecret: {
		field: 'companyToken',
		value: 'ct_wrong_token',
		reason: 'Apipagos did not accept this company token. Check the token and that the environment is the one it was issued for.',
	},
	expectTestRequest: (mock) => {
		const [request] = mock.requestsTo('GET', `${BASE_PATH}/contracts/n8n-credential-test`);
		expect(request.headers['company-token']).toBe(COMPANY_TOKEN);
	},

	// Apipagos documents no list endpoint, so there is nothing to pick from.
	pickersTitle: 'the contract is typed in (Apipagos has no list to pick from), and Expires At explains its time zone',
	pickers: async (editor) => {
		expect(await editor.ndv.getByTestId('resource-locator-contractCode').count()).toBe(0);
		await editor.fillParameter('contractCode', '28c7fbfacc309631dbc4e3584c5b8fa8');
	},
	fillUpdateForm: async (editor) => {
		await editor.addCollectionField('updateFields', 'Title');
		await editor.fillParameter('title', 'Cesión de crédito 2025');
		await editor.addCollectionField('updateFields', 'Status Code');
		await editor.fillParameter('statusCode', '1');
		await editor.addCollectionField('updateFields', 'Expires At');
		await editor.expectDescription(
			'expiredAt',
			"When the contract expires. Sent as local time without a zone; a time with an offset is converted to the workflow's time zone first.",
		);
		await editor.fillDate('expiredAt', '2025-12-31 23:59:59');
		expect(await editor.parameter('expiredAt').locator('input').inputValue()).toBe('2025-12-31 23:59:59');
	},
});
