const { createAtaraPayMock } = require('../../mocks/ataraPay');
const { describeProviderInEditor } = require('./journey');

const PUBLIC_KEY = 'pk_test_atara_editor';
const PRIVATE_KEY = 'sk_test_atara_editor_51c9';

describeProviderInEditor({
	provider: 'AtaraPay',
	nodeType: 'ataraPay',
	screenshot: 'atarapay',
	// What the node panel lists once the node is clicked (besides n8n's trigger suggestions).
	actions: ['Update a project', 'Create a project', 'Get many projects'],
	updateAction: 'Update a project',
	resource: 'Project',
	operation: 'Update',
	// The form's labels, top to bottom.
	labels: ['Credential', 'Resource', 'Operation', 'Project', 'Keep Current Values', 'Project Name', 'Description'],
	// What n8n lists on the canvas node before anything is filled in.
	requiredIssues: [
		'Parameter "Project" is required.',
	],
	// Parameter descriptions, shown when hovering the (?) beside the label.
	descriptions: {
		projectId: 'The project to update',
		projectName: "The project's new name. Leave empty to keep its current name.",
		description: "The project's new description. Leave empty to keep its current description.",
	},
	hints: [],
	placeholders: {},
	updateFields: null, // AtaraPay's update has only required fields

	createMock: () => {
		const mock = createAtaraPayMock({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY });
		mock.addProject({ project_name: 'Eko Atlantic city', description: 'Phase 1' });
		mock.addProject({ project_name: 'Lekki bridge', description: 'Design' });
		return mock;
	},
	// The credential dialog's fields (Environment by its label), pointing at the mock.
	credential: (mock) => ({ environment: 'Custom', baseUrl: mock.url, publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }),
	credentialHints: ['Staging keys come from staging.atarapay.com, live keys from app.atarapay.com. AtaraPay documents staging over plain http://.'],
	// A secret the mock rejects, and the reason n8n shows under "More details".
	wrongSecret: {
		field: 'privateKey',
		value: 'sk_wrong',
		reason: 'AtaraPay did not accept these keys. Check both keys and that the environment matches the dashboard they come from.',
	},
	// What the mock received from n8n's connection test.
	expectTestRequest: (mock) => {
		const [request] = mock.requestsTo('POST', '/api/project/getExternalProjects');
		expect(request.body.authtoken).toBe(Buffer.from(`${PUBLIC_KEY}:${PRIVATE_KEY}`).toString('base64'));
	},

	pickersTitle: 'the Project picker lists the projects AtaraPay returns',
	pickers: async (editor) => {
		expect(await editor.resourceLocatorItems('projectId', 'Eko Atlantic city')).toEqual(['Eko Atlantic city', 'Lekki bridge']);
		await editor.pickResourceLocatorItem('Eko Atlantic city');
	},
	// Sample values for the screenshot of the Update form.
	fillUpdateForm: async (editor) => {
		await editor.fillParameter('projectName', 'Eko Atlantic city, phase 2');
		await editor.fillParameter('description', 'Second milestone: foundations and drainage');
	},
});
