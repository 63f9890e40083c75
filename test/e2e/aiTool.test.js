// The nodes as AI tools, through the path n8n's tool nodes use: n8n's Tool Executor calls
// the "… Tool" variant in-process, where n8n runs the node's routing with its own engine
// (RoutingNode), not the package's routing runner. The same requests, checks and provider
// errors as in a workflow.
const { randomUUID } = require('node:crypto');
const { createAtaraPayMock } = require('../mocks/ataraPay');
const { createFatoraMock } = require('../mocks/fatora');
const { MockProvider } = require('../mocks/mockProvider');
const { PACKAGE_NAME } = require('../harness/n8nInstance');
const { useProvider, expectNoSecrets } = require('./setup');

const TOOL_NODE = 'Update Project';
const TOOL_NAME = 'Update_Project';

/**
 * Webhook → Split Out → Tool Executor, whose ai_tool input is the package's `toolType`
 * node set up with `parameters` ($fromAI placeholders). Each input item's json is the
 * tool call's arguments. Returns the Tool Executor's output, the tool node's run and the
 * execution's error.
 */
async function callTool(ctx, toolType, parameters, args) {
	const { execution } = await ctx.n8n.runAfterWebhook({
		nodes: [
			{
				id: randomUUID(),
				name: 'Tool Executor',
				type: '@n8n/n8n-nodes-langchain.toolExecutor',
				typeVersion: 1,
				position: [500, 0],
				parameters: { query: `={{ JSON.stringify({ ${TOOL_NAME}: $json }) }}`, toolName: '', node: '' },
			},
			{
				id: randomUUID(),
				name: TOOL_NODE,
				type: `${PACKAGE_NAME}.${toolType}`,
				typeVersion: 1,
				position: [500, 200],
				parameters,
				credentials: { [ctx.credential.type]: { id: ctx.credential.id, name: ctx.credential.name } },
			},
		],
		connections: {
			Items: { main: [[{ node: 'Tool Executor', type: 'main', index: 0 }]] },
			[TOOL_NODE]: { ai_tool: [[{ node: 'Tool Executor', type: 'ai_tool', index: 0 }]] },
		},
		items: [args],
	});
	const { runData } = execution.resultData;
	const toolRun = runData[TOOL_NODE]?.[0];
	return {
		output: runData['Tool Executor']?.[0]?.data?.main?.[0] ?? [],
		toolResponse: toolRun?.data?.ai_tool?.[0]?.[0]?.json?.response,
		toolError: toolRun?.error,
		error: runData['Tool Executor']?.[0]?.error ?? execution.resultData.error,
		execution,
	};
}

describe('AtaraPay Tool through n8n’s tool path', () => {
	const PUBLIC_KEY = 'pk_test_tool_5d1e';
	const PRIVATE_KEY = 'sk_test_tool_93ab7c';
	const ctx = useProvider({
		createMock: () => createAtaraPayMock({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }),
		credentialType: 'ataraPayApi',
		credentialData: (mock) => ({ environment: 'custom', baseUrl: mock.url, publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }),
	});
	const secrets = [PRIVATE_KEY, Buffer.from(`${PUBLIC_KEY}:${PRIVATE_KEY}`).toString('base64')];
	const parameters = {
		resource: 'project',
		operation: 'update',
		projectId: { __rl: true, mode: 'id', value: "={{ $fromAI('projectId', 'The project ID', 'number') }}" },
		projectName: "={{ $fromAI('projectName', 'The new name', 'string') }}",
		description: "={{ $fromAI('description', 'The new description', 'string') }}",
	};

	test('an update reaches the provider at the credential’s base URL and answers the tool call', async () => {
		const project = ctx.mock.addProject({ project_name: 'Old', description: 'Old' });

		const result = await callTool(ctx, 'ataraPayTool', parameters, {
			projectId: project.id,
			projectName: 'From the agent',
			description: 'Set by a tool call',
		});

		expect(result.error).toBeUndefined();
		expect(ctx.mock.requests).toHaveLength(1);
		expect(ctx.mock.requests[0]).toMatchObject({
			method: 'PUT',
			path: `/api/project/updateProject/${project.id}`,
			body: { project_id: String(project.id), project_name: 'From the agent', description: 'Set by a tool call' },
		});
		expect(result.toolResponse).toEqual([expect.objectContaining({ id: project.id, project_name: 'From the agent' })]);
		expect(result.output).toHaveLength(1);
		expect(result.output[0].pairedItem).toEqual({ item: 0 });
		expectNoSecrets(result, secrets);
	});

	test('an input check stops the call before any request, naming the field and the item', async () => {
		const result = await callTool(ctx, 'ataraPayTool', parameters, { projectId: 1, projectName: '', description: 'D' });

		expect(ctx.mock.requests).toHaveLength(0);
		expect(result.error.message).toContain('"Project Name" is empty [item 0]');
		expect(result.toolError.message).toContain('"Project Name" is empty [item 0]');
	});

	test('a provider error answered with HTTP 200 fails the call with the provider’s message', async () => {
		const result = await callTool(ctx, 'ataraPayTool', parameters, { projectId: 4242, projectName: 'N', description: 'D' });

		expect(ctx.mock.requests).toHaveLength(1);
		expect(result.error.message).toContain('Project with id (4242) does not exist');
		expectNoSecrets(result, secrets);
	});

	test('an HTML page answered with HTTP 200 fails the call, naming the provider and the content type', async () => {
		const project = ctx.mock.addProject({ project_name: 'Old', description: 'Old' });
		ctx.mock.fault({ status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: '<html><body>Please sign in</body></html>' });

		const result = await callTool(ctx, 'ataraPayTool', parameters, { projectId: project.id, projectName: 'N', description: 'D' });

		expect(ctx.mock.requests).toHaveLength(1);
		expect(result.error.message).toContain(
			'AtaraPay: the answer is not from the AtaraPay API (HTTP 200, content type "text/html; charset=utf-8")',
		);
		expect(JSON.stringify(result.output)).not.toContain('Please sign in');
	});

	test('a 307 to another server is not followed: that server receives nothing', async () => {
		const elsewhere = await new MockProvider('Elsewhere').start();
		try {
			elsewhere.app.use((req, res) => res.json({ status: 'success', data: {} }));
			const project = ctx.mock.addProject({ project_name: 'Old', description: 'Old' });
			ctx.mock.fault({ status: 307, headers: { Location: `${elsewhere.url}/stolen` } });

			const result = await callTool(ctx, 'ataraPayTool', parameters, { projectId: project.id, projectName: 'N', description: 'D' });

			expect(elsewhere.requests).toEqual([]);
			expect(result.error.message).toContain('AtaraPay answered with a redirect (HTTP 307), which the node does not follow');
			expectNoSecrets(result, secrets);
		} finally {
			await elsewhere.stop();
		}
	});
});

describe('Fatora Tool through n8n’s tool path (bearer token fetched by the credential)', () => {
	const API_KEY = 'C0FFEE00-1111-4222-8333-444455556666';
	const ctx = useProvider({
		createMock: () => createFatoraMock({ apiKeys: [API_KEY] }),
		credentialType: 'fatoraApi',
		credentialData: (mock) => ({ environment: 'custom', baseUrl: `${mock.url}/v1`, apiKey: API_KEY }),
	});
	const parameters = {
		resource: 'client',
		operation: 'update',
		clientId: { __rl: true, mode: 'id', value: "={{ $fromAI('clientId', 'The client ID', 'string') }}" },
		email: "={{ $fromAI('email', 'The client email', 'string') }}",
		updateFields: { name: "={{ $fromAI('name', 'The client name', 'string') }}" },
	};

	test('an update is sent with the token to the credential’s base URL', async () => {
		const client = ctx.mock.addClient({ name: 'Old', email: 'old@example.com' });

		const result = await callTool(ctx, 'fatoraTool', parameters, {
			clientId: String(client.id),
			email: 'new@example.com',
			name: 'New Name',
		});

		expect(result.error).toBeUndefined();
		const updates = ctx.mock.requests.filter((request) => request.method === 'PUT');
		expect(updates).toHaveLength(1);
		expect(updates[0].path).toMatch(/^\/v1\/clients\//);
		expect(updates[0].body).toMatchObject({ email: 'new@example.com', name: 'New Name' });
		expect(result.toolResponse).toEqual([expect.objectContaining({ email: 'new@example.com' })]);
		expectNoSecrets(result, [API_KEY, ...ctx.mock.issuedTokens]);
	});

	test('a malformed email stops the call before the update is sent', async () => {
		const result = await callTool(ctx, 'fatoraTool', parameters, { clientId: '1', email: 'not-an-email', name: 'N' });

		expect(ctx.mock.requests.filter((request) => request.method === 'PUT')).toHaveLength(0);
		expect(result.error.message).toContain('"Email" is not a valid email address [item 0]');
	});
});
