// Drives the real n8n editor (the end-to-end n8n) in Debian's Chromium with playwright-core,
// the way a user clicks through it. Selectors are n8n's own data-test-id attributes and
// visible English text; every wait is a Playwright auto-wait on a locator.
const fs = require('node:fs');
const path = require('node:path');
const { chromium, selectors } = require('playwright-core');
const { e2eState, OWNER } = require('../../harness/e2eState');
const { ROOT, PACKAGE_NAME } = require('../../harness/n8nInstance');

const CHROMIUM = '/usr/bin/chromium';
// Without the background-networking flags Chromium floods the closed network with refused connections.
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];
const VIEWPORT = { width: 1280, height: 800 };
// Every run takes the screenshots (git-ignored); UPDATE_SCREENSHOTS=1 npm test refreshes the
// ones the README shows, so a plain test run leaves the work tree clean.
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
	? path.join(ROOT, 'docs', 'screenshots')
	: path.join(ROOT, '.e2e', 'screenshots');

selectors.setTestIdAttribute('data-test-id');

/**
 * A browser signed in to the end-to-end n8n (or the one at `url`), on an empty new workflow.
 * Call close() in afterAll.
 */
async function openEditor({ url = e2eState().url } = {}) {
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(`${CHROMIUM} is missing: run the tests through npm test, which installs Debian's chromium.`);
	}
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
	try {
		const page = await browser.newPage({ viewport: VIEWPORT });
		// The machine is shared and slow at times: generous, but still a bound on every wait.
		page.setDefaultTimeout(30_000);
		// A first load of the editor fetches megabytes of scripts: seen over 30 s on a loaded machine.
		page.setDefaultNavigationTimeout(90_000);
		const editor = new Editor(page, url, browser);
		// Straight from the sign-in form to a new workflow: one load of the editor, not two.
		await editor.signIn(OWNER, '/workflow/new');
		// The first load fetches n8n's node types (about 18 MB): slow on a busy machine.
		await page.getByTestId('canvas').waitFor({ timeout: 90_000 });
		return editor;
	} catch (error) {
		await browser.close();
		throw error;
	}
}

class Editor {
	constructor(page, url, browser) {
		this.page = page;
		this.url = url;
		this.browser = browser;
		this.ndv = page.getByTestId('ndv');
		this.credentialModal = page.getByTestId('editCredential-modal');
	}

	async close() {
		await this.browser.close();
	}

	async signIn({ email, password }, redirect = '/') {
		await this.page.goto(`${this.url}/signin?redirect=${encodeURIComponent(redirect)}`);
		await this.page.locator('#emailOrLdapLoginId').fill(email);
		await this.page.locator('#password').fill(password);
		await this.page.getByTestId('form-submit-button').click();
		await this.page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	}

	/** Imports a workflow file through the workflow's menu: … → Import → From file. */
	async importWorkflowFile(file) {
		await this.page.getByTestId('workflow-menu').click();
		await this.page.getByRole('menuitem', { name: 'Import' }).hover();
		const chooser = this.page.waitForEvent('filechooser');
		await this.page.getByRole('menuitem', { name: 'From file' }).click();
		await (await chooser).setFiles(file);
		await this.page.getByTestId('canvas-node').first().waitFor();
	}

	async canvasNodeNames() {
		return await this.page.getByTestId('canvas-node').evaluateAll((nodes) =>
			nodes.map((node) => node.getAttribute('data-node-name')),
		);
	}

	/** Clicks "Execute workflow" and waits for n8n's verdict; fails with n8n's message if the run fails. */
	async executeWorkflow() {
		await this.page.getByTestId('execute-workflow-button').click();
		const succeeded = this.page.getByText('Workflow executed successfully');
		const failed = this.page.locator('.el-notification').filter({ hasText: /problem|error/i });
		await succeeded.or(failed).first().waitFor();
		if (await failed.count()) throw new Error(`The workflow failed: ${await failed.first().innerText()}`);
		// The button shows its label again once the run is over.
		await this.page.getByTestId('execute-workflow-button').getByText('Execute workflow').waitFor();
	}

	// ---- Node panel ----

	/** Opens the node panel, types `text` into its search and waits for `expected` among the results. */
	async searchNodePanel(text, expected = text) {
		await this.page.getByTestId('node-creator-plus-button').click();
		await this.page.getByTestId('node-creator-search-bar').fill(text);
		return await this.nodePanelItemNames(expected);
	}

	/** The names the node panel lists, once `expected` is among them. */
	async nodePanelItemNames(expected) {
		const names = this.page.getByTestId('node-creator').getByTestId('node-creator-item-name');
		await names.getByText(expected, { exact: true }).waitFor();
		return await names.allInnerTexts();
	}

	/** Opens the Tools panel from the AI Agent's Tool connector and searches it. */
	async searchAgentTools(text, expected) {
		await this.page
			.locator('[data-test-id="canvas-node"][data-node-type="@n8n/n8n-nodes-langchain.agent"]')
			.locator('[data-handleid="inputs/ai_tool/0"]')
			.getByTestId('canvas-handle-plus')
			.click();
		await this.page.getByTestId('node-creator-search-bar').fill(text);
		return await this.nodePanelItemNames(expected);
	}

	/** Clicks a node in the node panel's results: the panel then lists its actions, `expected` among them. */
	async openNodeInPanel(name, expected) {
		await this.page.getByTestId('node-creator-item-name').getByText(name, { exact: true }).click();
		return await this.nodePanelItemNames(expected);
	}

	/** Clicks an action of the node opened in the panel: n8n adds the node and opens its form. */
	async addAction(action) {
		await this.page.getByTestId('node-creator-item-name').getByText(action, { exact: true }).click();
		await this.ndv.getByTestId('node-parameters').waitFor();
	}

	// ---- The node's form (NDV) ----

	parameter(name) {
		return this.ndv.getByTestId(`parameter-input-${name}`);
	}

	/** The text an options parameter (Resource, Operation, …) shows. */
	async selectedOption(name) {
		return await this.parameter(name).locator('input').inputValue();
	}

	/** The labels of the parameters the form shows, top to bottom. */
	async parameterLabels() {
		const params = this.ndv.getByTestId('node-parameters');
		await params.waitFor();
		// The Settings tab is in the page too, hidden: only what is visible counts.
		return await params.evaluate((root) =>
			[...root.querySelectorAll('[data-test-id="parameter-item"] label')]
				.filter((label) => label.checkVisibility())
				.map((label) => label.firstElementChild.innerText.trim()),
		);
	}

	/** Hovers a parameter's (?) icon and waits until its description is shown as a tooltip. */
	async expectDescription(name, description) {
		const label = this.ndv.locator(`label[for="${name}"]`);
		await label.hover();
		await label.locator('[data-icon="circle-help"]').hover();
		await this.page.getByText(description, { exact: true }).waitFor();
	}

	/** Waits until `text` (such as a hint under a field) is shown in the form. */
	async expectFormText(text) {
		await this.ndv.getByText(text, { exact: true }).waitFor();
	}

	async placeholderOf(name) {
		return await this.parameter(name).locator('input, textarea').first().getAttribute('placeholder');
	}

	/** A collection (Update Fields, …): the options its "Add Field" list offers. */
	async collectionOptions(name) {
		await this.collectionAddButton(name).click();
		const options = this.page.getByRole('option');
		await options.first().waitFor();
		const names = await options.allInnerTexts();
		await this.page.keyboard.press('Escape');
		await options.first().waitFor({ state: 'hidden' });
		return names.map((text) => text.trim());
	}

	async addCollectionField(collection, option) {
		await this.collectionAddButton(collection).click();
		await this.page.getByRole('option', { name: option, exact: true }).click();
	}

	collectionAddButton(name) {
		return this.ndv
			.getByTestId('parameter-item')
			.filter({ has: this.page.locator(`label[for="${name}"]`) })
			.getByTestId('collection-parameter-add');
	}

	async fillParameter(name, value) {
		const input = this.parameter(name).locator('input, textarea').first();
		await input.fill(value);
		// A focused field shows a tip over the next one.
		await input.blur();
	}

	/** Opens a From List picker (resource locator); returns the entries it loaded. */
	async resourceLocatorItems(name, expectedFirst) {
		await this.ndv.getByTestId(`resource-locator-${name}`).getByTestId('rlc-input').click();
		const items = this.page.getByTestId('rlc-item');
		await items.filter({ hasText: expectedFirst }).first().waitFor();
		return await items.allInnerTexts();
	}

	/** Types into the open picker's search box; returns the entries once only matching ones are left. */
	async searchResourceLocator(text, expected) {
		await this.page.locator('input[data-test-id="rlc-search"], [data-test-id="rlc-search"] input').fill(text);
		const items = this.page.getByTestId('rlc-item');
		await items.filter({ hasNotText: expected }).first().waitFor({ state: 'detached' });
		await items.filter({ hasText: expected }).first().waitFor();
		return await items.allInnerTexts();
	}

	async pickResourceLocatorItem(text) {
		await this.page.getByTestId('rlc-item').filter({ hasText: text }).click();
	}

	/** Opens a list of options loaded from the provider (options/multiOptions); returns them. */
	async loadedOptions(name, expectedFirst) {
		await this.parameter(name).click();
		const options = this.page.getByRole('option');
		await options.filter({ hasText: expectedFirst }).first().waitFor();
		return await options.allInnerTexts();
	}

	/** Types a date into a date picker and confirms it, as a user can instead of clicking the calendar. */
	async fillDate(name, value) {
		const input = this.parameter(name).locator('input');
		await input.fill(value);
		await input.press('Enter');
		await input.blur();
	}

	async pickOption(name) {
		await this.page.getByRole('option', { name, exact: true }).click();
	}

	async closeOptions() {
		await this.page.keyboard.press('Escape');
		await this.page.getByRole('option').first().waitFor({ state: 'hidden' });
	}

	async closeNodeForm() {
		await this.ndv.getByTestId('ndv-close-button').click();
		await this.ndv.waitFor({ state: 'hidden' });
	}

	canvasNode(type) {
		return this.page.locator(`[data-test-id="canvas-node"][data-node-type="${PACKAGE_NAME}.${type}"]`);
	}

	/** How many connections the canvas draws from one node to another. */
	async edgeCount(source, target) {
		return await this.page
			.locator(`[data-test-id="edge"][data-source-node-name="${source}"][data-target-node-name="${target}"]`)
			.count();
	}

	async openNodeForm(type) {
		await this.canvasNode(type).dblclick();
		await this.ndv.getByTestId('node-parameters').waitFor();
	}

	/** The issues n8n lists for a node on the canvas (hovering its warning icon), one per line. */
	async nodeIssues(type) {
		await this.canvasNode(type).getByTestId('node-issues').hover();
		const title = this.page.getByText('Issues:', { exact: true });
		await title.waitFor();
		const text = await title.locator('..').innerText();
		// Move away, so the tooltip does not cover the canvas.
		await this.page.mouse.move(0, 0);
		await title.waitFor({ state: 'hidden' });
		return text
			.split('\n')
			.map((line) => line.replace(/^\s*-\s*/, '').trim())
			.filter((line) => line !== '' && line !== 'Issues:');
	}

	// ---- Credentials ----

	/** Opens the dialog that creates a credential for the node whose form is open. */
	async createCredentialFromNode() {
		const emptyState = this.ndv.getByTestId('node-credentials-empty-state');
		const select = this.ndv.getByTestId('node-credentials-select');
		// "Connect to …" when no credential of the type exists yet; otherwise one is preselected.
		await emptyState.or(select).filter({ visible: true }).first().waitFor();
		if (await emptyState.isVisible()) {
			await emptyState.getByRole('button').click();
		} else {
			await select.click();
			await this.page.getByText('Create new credential', { exact: true }).click();
		}
		await this.credentialModal.getByTestId('credential-save-button').waitFor();
	}

	/** Fills credential fields: `environment` takes the option's label, every other field its text. */
	async fillCredential(fields) {
		for (const [name, value] of Object.entries(fields)) {
			const input = this.credentialModal.getByTestId(`parameter-input-${name}`);
			if (name === 'environment') {
				await input.click();
				// An option's name is its label followed by its description.
				await this.page.getByRole('option', { name: new RegExp(`^${value}\\b`) }).click();
			} else {
				await input.locator('input').fill(value);
			}
		}
	}

	async expectCredentialText(text) {
		await this.credentialModal.getByText(text, { exact: true }).waitFor();
	}

	async saveCredential() {
		await this.credentialModal.getByTestId('credential-save-button').click();
	}

	/** Waits until the dialog closes; fails early, with n8n's reason, when its test fails instead. */
	async expectCredentialDialogClosed() {
		const failed = this.credentialModal.getByText('Couldn’t connect with these settings');
		await Promise.race([this.credentialModal.waitFor({ state: 'hidden' }), failed.waitFor()]);
		if (await failed.isVisible()) {
			await this.credentialModal.getByText('More details').click();
			const details = await this.credentialModal.getByTestId('node-credentials-config-container').innerText();
			throw new Error(`n8n's connection test failed:\n${details}`);
		}
	}

	/** Waits for n8n's "Connection tested successfully" banner in the credential dialog. */
	async expectConnectionTestedSuccessfully() {
		await this.credentialModal.getByTestId('credentials-config-container-test-success').waitFor();
		await this.credentialModal.getByText('Connection tested successfully').waitFor();
	}

	/** Waits for n8n's failed-test banner and for `reason` under its "More details". */
	async expectConnectionTestFailure(reason) {
		const config = this.credentialModal.getByTestId('node-credentials-config-container');
		await config.getByText('Couldn’t connect with these settings').waitFor();
		await config.getByText('More details').click();
		await config.getByText(reason).waitFor();
	}

	/** Reopens the node's selected credential (the pencil beside it). */
	async editNodeCredential() {
		await this.ndv.getByTestId('credential-edit-button').click();
		await this.credentialModal.getByTestId('credential-save-button').waitFor();
	}

	async closeCredential() {
		await this.credentialModal.getByRole('button', { name: 'Close this dialog' }).click();
		await this.credentialModal.waitFor({ state: 'hidden' });
	}

	async selectCredential(name) {
		await this.ndv.getByTestId('node-credentials-select').click();
		await this.page.getByText(name, { exact: true }).click();
	}

	async selectedCredential() {
		return await this.ndv.getByTestId('node-credentials-select').locator('input').inputValue();
	}

	// ---- Screenshots ----

	/**
	 * Saves <name>.png (see SCREENSHOTS), without n8n's toasts in front of the form. `height`
	 * makes the window taller for this one picture (a credential dialog scrolls at 800).
	 */
	async screenshot(name, { height = VIEWPORT.height } = {}) {
		await this.dismissToasts();
		fs.mkdirSync(SCREENSHOTS, { recursive: true });
		await this.page.setViewportSize({ ...VIEWPORT, height });
		try {
			await this.page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), animations: 'disabled' });
		} finally {
			await this.page.setViewportSize(VIEWPORT);
		}
	}

	async dismissToasts() {
		const toasts = this.page.locator('.el-notification');
		// Closing one renumbers the others (and n8n may close one itself meanwhile): close
		// the first, wait until it is gone, and repeat.
		for (let left = await toasts.count(); left > 0; left = await toasts.count()) {
			// A toast that went by itself meanwhile leaves nothing to click; the wait below
			// still fails if none went.
			await toasts.first().locator('.el-notification__closeBtn').click({ timeout: 5000 }).catch(() => {});
			await this.page.waitForFunction((count) => document.querySelectorAll('.el-notification').length < count, left);
		}
	}
}

module.exports = { openEditor };
