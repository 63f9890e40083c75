// The package installed the way n8n users install it: in the editor, Settings → Community
// Nodes → Install, by n8n's own installer, from an npm registry. The registry is a local
// Verdaccio that this test's n8n reaches as https://registry.npmjs.org, its default setting
// (see test/harness/localRegistry.js). The first version is published and installed, its
// five nodes appear in the node panel and an Update runs against the mock; then a patch
// version is published, n8n offers it, its Update button takes it, and the workflow and
// credential made before still work; then Uninstall removes the package.
// The test's n8n is its own (a fresh user folder with no package installed), not the shared one.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { openEditor } = require('./editor');
const { startLocalRegistry } = require('../../harness/localRegistry');
const { ROOT, PACKAGE_NAME, freePort, startN8n, shieldFromDevCopy } = require('../../harness/n8nInstance');
const { N8nClient } = require('../../harness/n8nClient');
const { OWNER, e2eState } = require('../../harness/e2eState');
const { createAtaraPayMock } = require('../../mocks/ataraPay');

const PROVIDERS = ['AtaraPay', 'Fatora', 'Chargeworx', 'Instantpay', 'Apipagos'];
const PUBLIC_KEY = 'pk_test_atara_install';
const PRIVATE_KEY = 'sk_test_atara_install_7d1e';
const WORK_DIR = path.join(ROOT, '.e2e', 'community-install');

/** The packed tarball's version and the next patch version, published from a copy of it. */
function versionsOf(tarball) {
	const first = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'])).version;
	const [major, minor, patch] = first.split('.').map(Number);
	return { first, next: `${major}.${minor}.${patch + 1}` };
}

/** A folder holding the tarball's contents with another version in its package.json. */
function copyWithVersion(tarball, version) {
	const dir = path.join(WORK_DIR, `package-${version}`);
	fs.mkdirSync(dir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
	const manifestPath = path.join(dir, 'package.json');
	const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
	fs.writeFileSync(manifestPath, JSON.stringify({ ...manifest, version }, null, 2));
	return dir;
}

describe('installing, updating and uninstalling the package through Settings → Community Nodes', () => {
	const { tarball } = e2eState();
	const versions = versionsOf(tarball);
	let registry;
	let n8n;
	let client;
	let mock;
	let editor;
	let userFolder;
	// The workflow made with the first version (Webhook → Split Out → AtaraPay Update).
	let workflow;
	let credential;

	beforeAll(async () => {
		fs.rmSync(WORK_DIR, { recursive: true, force: true });
		registry = await startLocalRegistry(path.join(WORK_DIR, 'registry'));
		await registry.publish(tarball);

		userFolder = path.join(WORK_DIR, 'n8n');
		shieldFromDevCopy(userFolder);
		n8n = await startN8n({
			userFolder,
			port: await freePort(),
			launcher: registry.launcher,
			env: { ...registry.env, N8N_ENCRYPTION_KEY: 'community-install-key-not-a-secret' },
		});
		client = new N8nClient(n8n.url);
		await client.setupOwner(OWNER);
		mock = await createAtaraPayMock({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }).start();
		editor = await openEditor({ url: n8n.url });
	});
	afterAll(async () => {
		await editor?.close();
		await n8n?.stop();
		await mock?.stop();
		await registry?.stop();
	});

	const page = () => editor.page;
	const packageCard = () => page().getByTestId('community-package-card').filter({ hasText: PACKAGE_NAME });
	const installedPackages = async () =>
		(await client.request('GET', '/rest/community-packages')).map((installed) => ({
			name: installed.packageName,
			version: installed.installedVersion,
			nodes: installed.installedNodes.map((node) => node.name).sort(),
		}));

	// The next locator waits for the page to show what it looks for.
	const openCommunityNodesSettings = () => page().goto(`${n8n.url}/settings/community-nodes`);

	test(`Install takes ${PACKAGE_NAME} from the registry after the risk is accepted`, async () => {
		await openCommunityNodesSettings();
		await page().getByRole('button', { name: 'Install a community node' }).click();
		const dialog = page().getByRole('dialog').filter({ hasText: 'Install community nodes' });
		await dialog.getByPlaceholder('e.g. n8n-nodes-chatwork').fill(PACKAGE_NAME);
		const install = dialog.getByRole('button', { name: 'Install', exact: true });
		// n8n keeps Install disabled until the risk is accepted.
		expect(await install.isDisabled()).toBe(true);
		await dialog.getByText('I understand the risks of installing unverified code from a public source.').click();
		expect(await install.isEnabled()).toBe(true);
		await editor.screenshot('community-nodes-install');

		await install.click();
		await page().getByText('Package installed', { exact: true }).waitFor({ timeout: 120_000 });
		await packageCard().getByText('5 nodes').waitFor();

		expect(await installedPackages()).toEqual([
			{ name: PACKAGE_NAME, version: versions.first, nodes: [...PROVIDERS].sort() },
		]);
	});

	test('the five nodes appear in the node panel', async () => {
		await page().goto(`${n8n.url}/workflow/new`);
		await page().getByTestId('canvas').waitFor();
		for (const provider of PROVIDERS) {
			const results = await editor.searchNodePanel(provider);
			expect(results[0]).toBe(provider);
			await page().keyboard.press('Escape');
			await page().getByTestId('node-creator').waitFor({ state: 'hidden' });
		}
	});

	test('an Update runs against the mock', async () => {
		const project = mock.addProject({ project_name: 'Old name', description: 'Old' });
		credential = await client.createCredential('ataraPayApi', {
			environment: 'custom',
			baseUrl: mock.url,
			publicKey: PUBLIC_KEY,
			privateKey: PRIVATE_KEY,
		});
		const started = await client.startNode({
			nodeType: 'ataraPay',
			credential,
			parameters: {
				resource: 'project',
				operation: 'update',
				projectId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				projectName: '={{ $json.name }}',
				description: '={{ $json.description }}',
			},
			items: [{ id: project.id, name: 'Installed from the registry', description: 'Version 1' }],
		});
		const result = await started.finished;

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.project_name)).toEqual(['Installed from the registry']);
		expect(mock.requestsTo('PUT', `/api/project/updateProject/${project.id}`)).toHaveLength(1);
		workflow = { id: started.workflowId, path: started.path, projectId: project.id, executionId: result.execution.id };
	});

	test(`n8n offers ${versions.next} once it is published, and its Update button takes it`, async () => {
		await registry.publish(copyWithVersion(tarball, versions.next));

		await openCommunityNodesSettings();
		await packageCard().getByRole('button', { name: 'Update' }).click();
		// n8n shows Update only when npm reports a newer version on the registry.
		const confirm = page().getByRole('dialog').filter({ hasText: 'Update node package' });
		await confirm.getByText('Package includes: Apipagos, AtaraPay, Chargeworx, Fatora, Instantpay').waitFor();
		await editor.screenshot('community-nodes-update');
		await confirm.getByRole('button', { name: 'Confirm update' }).click();
		await page().getByText('Package updated', { exact: true }).waitFor({ timeout: 120_000 });

		expect(await installedPackages()).toEqual([
			{ name: PACKAGE_NAME, version: versions.next, nodes: [...PROVIDERS].sort() },
		]);
		const onDisk = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME, 'package.json');
		expect(JSON.parse(fs.readFileSync(onDisk, 'utf8')).version).toBe(versions.next);
	});

	test('the workflow and the credential made before the update still work', async () => {
		const items = [{ id: workflow.projectId, name: 'Updated package', description: 'Version 2' }];
		expect(await client.callWebhook(workflow.path, { items })).toBe(200);
		const execution = await client.lastExecution(workflow.id);

		expect(execution.id).not.toBe(workflow.executionId);
		expect(execution.status).toBe('success');
		const output = execution.resultData.runData['Node Under Test'][0].data.main[0];
		expect(output.map((item) => item.json.project_name)).toEqual(['Updated package']);
		expect(mock.requestsTo('PUT', `/api/project/updateProject/${workflow.projectId}`)).toHaveLength(2);
	});

	test('Uninstall removes the package and its nodes', async () => {
		await openCommunityNodesSettings();
		await packageCard().getByTestId('action-toggle').click();
		await page().getByText('Uninstall package', { exact: true }).click();
		const confirm = page().getByRole('dialog').filter({ hasText: 'Uninstall node package' });
		await confirm.getByRole('button', { name: 'Confirm uninstall' }).click();
		await page().getByText('Package uninstalled', { exact: true }).waitFor({ timeout: 60_000 });
		await page().getByRole('button', { name: 'Install a community node' }).waitFor();

		expect(await installedPackages()).toEqual([]);
		expect(fs.existsSync(path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME))).toBe(false);
	});
});
