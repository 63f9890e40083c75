// Every node of the package is usable by n8n's AI agents: an AI Agent's Tool connector
// offers "<Provider> Tool", and choosing it connects the node's tool variant to the agent.
const { openEditor } = require('./editor');

const TOOLS = [
	{ provider: 'AtaraPay', type: 'ataraPayTool' },
	{ provider: 'Fatora', type: 'fatoraTool' },
	{ provider: 'Chargeworx', type: 'chargeworxTool' },
	{ provider: 'Instantpay', type: 'instantpayTool' },
	{ provider: 'Apipagos', type: 'apipagosTool' },
];

describe('the nodes as AI agent tools in the n8n editor', () => {
	let editor;

	beforeAll(async () => {
		editor = await openEditor();
		await editor.searchNodePanel('AI Agent');
		await editor.page.getByTestId('node-creator-item-name').getByText('AI Agent', { exact: true }).click();
		await editor.closeNodeForm();
	});
	afterAll(async () => {
		await editor?.close();
	});

	test.each(TOOLS)('the AI Agent’s Tool connector offers "$provider Tool" and connects it', async ({ provider, type }) => {
		const names = await editor.searchAgentTools(provider, `${provider} Tool`);
		expect(names).toContain(`${provider} Tool`);

		await editor.page.getByTestId('node-creator-item-name').getByText(`${provider} Tool`, { exact: true }).click();
		await editor.ndv.getByTestId('node-parameters').waitFor();
		// The tool starts on the node's asked-for operation, like the node itself.
		expect(await editor.selectedOption('operation')).toMatch(/^Update/);
		await editor.closeNodeForm();

		const tool = editor.canvasNode(type);
		expect(await tool.count()).toBe(1);
		const name = await tool.getAttribute('data-node-name');
		expect(await editor.edgeCount(name, 'AI Agent')).toBe(1);
	});
});
