// One provider's node as a user meets it in the n8n editor, in order: find it in the node
// panel, add its Update operation, read the form, create the credential from the node
// (n8n tests it against the provider's mock), then pick records from lists the mock fills.
// The tests of a file share one browser page and run in order, like the user's clicks.
const { openEditor } = require('./editor');

/**
 * `spec` describes the provider (see ataraPay.test.js for a commented one):
 * - provider, nodeType, screenshot: the name typed in the panel, the node's type, the file prefix
 * - actions, updateAction, resource, operation: what the panel and the form show
 * - labels, requiredIssues, descriptions, hints, placeholders, updateFields: the Update form
 * - createMock(): the provider's mock, unstarted; credential(mock): fields to fill;
 *   credentialHints: texts the dialog shows once they are filled in;
 *   wrongSecret: { field, value, reason }: a secret the mock rejects, and the reason n8n then shows;
 *   expectTestRequest(mock): checks what the mock received from n8n's connection test
 * - pickersTitle, pickers(editor, mock): the last test's name, and its checks of the lists to
 *   pick from; fillUpdateForm(editor): sample values for the Update form's screenshot
 */
function describeProviderInEditor(spec) {
	describe(`${spec.provider} in the n8n editor`, () => {
		let editor;
		let mock;

		beforeAll(async () => {
			mock = await spec.createMock().start();
			editor = await openEditor();
		});
		afterAll(async () => {
			await editor?.close();
			await mock?.stop();
		});

		test(`the node panel finds "${spec.provider}" and adds it with the ${spec.operation} operation`, async () => {
			const results = await editor.searchNodePanel(spec.provider);
			expect(results[0]).toBe(spec.provider);

			const actions = await editor.openNodeInPanel(spec.provider, spec.updateAction);
			expect(actions).toEqual(expect.arrayContaining(spec.actions));

			await editor.addAction(spec.updateAction);
			expect(await editor.selectedOption('resource')).toBe(spec.resource);
			expect(await editor.selectedOption('operation')).toBe(spec.operation);
			expect(await editor.canvasNode(spec.nodeType).count()).toBe(1);
		});

		test('the Update form shows its fields, the Update Fields collection and their hints', async () => {
			expect(await editor.parameterLabels()).toEqual(spec.labels);
			for (const [name, description] of Object.entries(spec.descriptions)) {
				await editor.expectDescription(name, description);
			}
			for (const hint of spec.hints) {
				await editor.expectFormText(hint);
			}
			for (const [name, placeholder] of Object.entries(spec.placeholders)) {
				expect(await editor.placeholderOf(name)).toBe(placeholder);
			}
			if (spec.updateFields) {
				expect(await editor.collectionOptions('updateFields')).toEqual(spec.updateFields);
			}
		});

		test('n8n marks the required fields as issues of the node until they are filled in', async () => {
			await editor.closeNodeForm();
			// The credential issue shows only while no credential of the type exists (other tests store some).
			const issues = await editor.nodeIssues(spec.nodeType);
			expect(issues.filter((issue) => issue.startsWith('Parameter'))).toEqual(spec.requiredIssues);
			await editor.openNodeForm(spec.nodeType);
		});

		test('the credential created from the node passes n8n’s connection test, and fails with a wrong secret', async () => {
			await editor.createCredentialFromNode();
			await editor.fillCredential(spec.credential(mock));
			for (const hint of spec.credentialHints) {
				await editor.expectCredentialText(hint);
			}
			await editor.saveCredential();
			// Created from a node, the dialog closes by itself once n8n's test passes.
			await editor.expectCredentialDialogClosed();
			expect(await editor.selectedCredential()).toMatch(new RegExp(`^${spec.provider} account`));
			spec.expectTestRequest(mock);

			// Opening it again runs the test again and shows the result.
			const requestsBefore = mock.requests.length;
			await editor.editNodeCredential();
			await editor.expectConnectionTestedSuccessfully();
			expect(mock.requests.length).toBeGreaterThan(requestsBefore);
			await editor.screenshot(`${spec.screenshot}-credential`, { height: 960 });

			const { field, value, reason } = spec.wrongSecret;
			await editor.fillCredential({ [field]: value });
			await editor.saveCredential();
			await editor.expectConnectionTestFailure(reason);

			await editor.fillCredential({ [field]: spec.credential(mock)[field] });
			await editor.saveCredential();
			await editor.expectConnectionTestedSuccessfully();
			await editor.closeCredential();
		});

		test(spec.pickersTitle, async () => {
			await spec.pickers(editor, mock);
			await spec.fillUpdateForm(editor);
			await editor.screenshot(`${spec.screenshot}-update`);
		});
	});
}

module.exports = { describeProviderInEditor };
