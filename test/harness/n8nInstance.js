// Starts and stops a real n8n with this package installed from its packed tarball, the
// way users install a community package. The version is the one pinned in
// test/n8n-runtime, or N8N_VERSION (see scripts/install-n8n.sh).
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
// E2E_PACKAGE=<tarball> runs the tests against that packed package instead of this
// folder's, e.g. one of the per-provider packages `npm run pack:providers` makes.
const E2E_PACKAGE = process.env.E2E_PACKAGE ? path.resolve(process.env.E2E_PACKAGE) : undefined;
const PACKAGE_NAME = E2E_PACKAGE
	? JSON.parse(execFileSync('tar', ['-xzOf', E2E_PACKAGE, 'package/package.json'])).name
	: require(path.join(ROOT, 'package.json')).name;
const PRIMARY_VERSION = require(path.join(ROOT, 'test/n8n-runtime/package.json')).dependencies.n8n;
const N8N_VERSION = process.env.N8N_VERSION || PRIMARY_VERSION;

let runtime;
/**
 * Installs the n8n under test when missing; returns { version, dir, node }: its install
 * folder and the Node.js binary that runs it (n8n 1.x runs on the machine's own Node).
 */
function ensureN8nInstalled() {
	if (!runtime) {
		const run = (script) =>
			execFileSync('bash', [path.join(ROOT, script), N8N_VERSION], { stdio: ['ignore', 'pipe', 'inherit'] })
				.toString()
				.trim();
		runtime = { version: N8N_VERSION, dir: run('scripts/install-n8n.sh'), node: run('scripts/n8n-node-for.sh') };
	}
	return runtime;
}

/** Builds the package and packs it (or takes E2E_PACKAGE); returns the tarball's path. */
function packPackage() {
	if (E2E_PACKAGE) return E2E_PACKAGE;
	return execFileSync('bash', [path.join(ROOT, 'scripts/pack.sh')], {
		stdio: ['ignore', 'pipe', 'inherit'],
	})
		.toString()
		.trim();
}

/** Installs the tarball under <userFolder>/.n8n/nodes, where n8n keeps community packages. */
function installTarball(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const manifest = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(manifest)) {
		fs.writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true }));
	}
	fs.rmSync(path.join(nodesDir, 'node_modules', PACKAGE_NAME), { recursive: true, force: true });
	// n8n provides n8n-workflow itself: the peer dependency is not installed beside the package.
	shieldFromDevCopy(userFolder);
	execFileSync(
		'npm',
		['install', tarball, '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
		{ cwd: nodesDir, stdio: ['ignore', 'ignore', 'inherit'] },
	);
}

/**
 * n8n hands its own n8n-workflow to community packages through NODE_PATH, which Node
 * consults last. Inside this repository the package would find the dev copy in
 * ./node_modules first: a second copy whose error classes n8n does not recognise.
 * A link in the user folder makes the package resolve n8n's own copy, as it does for users.
 */
function shieldFromDevCopy(userFolder) {
	const link = path.join(userFolder, 'node_modules', 'n8n-workflow');
	fs.mkdirSync(path.dirname(link), { recursive: true });
	fs.rmSync(link, { recursive: true, force: true });
	fs.symlinkSync(path.join(ensureN8nInstalled().dir, 'node_modules/n8n-workflow'), link, 'dir');
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

async function waitUntilReady(url, child, logFile, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) {
			throw new Error(`n8n exited with code ${child.exitCode} while starting:\n${tail(logFile)}`);
		}
		try {
			const res = await fetch(`${url}/healthz/readiness`);
			if (res.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`n8n did not become ready within ${timeoutMs / 1000} s:\n${tail(logFile)}`);
}

function tail(file, lines = 40) {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

/**
 * Starts n8n on its embedded SQLite database in userFolder. Resolves once it answers
 * its readiness check, with { url, pid, logFile, stop }. `launcher`: a command that runs
 * n8n's command line given after it (see localRegistry.js).
 */
async function startN8n({ userFolder, port, host = '127.0.0.1', env = {}, command = 'start', args = [], logName = 'n8n.log', launcher = [] }) {
	fs.mkdirSync(userFolder, { recursive: true });
	const logFile = path.join(userFolder, logName);
	const log = fs.openSync(logFile, 'w');
	// n8n exits silently under NODE_ENV=test, which Jest sets.
	const { NODE_ENV, JEST_WORKER_ID, ...inherited } = process.env;
	const { dir, node } = ensureN8nInstalled();
	const commandLine = [...launcher, node, path.join(dir, 'node_modules/n8n/bin/n8n'), command, ...args];
	const child = spawn(commandLine[0], commandLine.slice(1), {
		cwd: userFolder,
		// Its own process group, so stopping it also stops its task-runner child.
		detached: true,
		stdio: ['ignore', log, log],
		env: {
			...inherited,
			N8N_USER_FOLDER: userFolder,
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: host,
			N8N_HOST: 'localhost',
			N8N_EDITOR_BASE_URL: `http://localhost:${port}`,
			WEBHOOK_URL: `http://localhost:${port}/`,
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_SECURE_COOKIE: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			DB_TYPE: 'sqlite',
			// n8n 1.123 evaluates expressions in isolated-vm by default, whose native build
			// (Node 22 or newer) the install skips; its legacy engine evaluates them in-process.
			...(N8N_VERSION.startsWith('1.') ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
			...env,
		},
	});
	fs.closeSync(log);
	const url = `http://127.0.0.1:${port}`;
	const stop = () => stopProcess(child.pid);
	try {
		await waitUntilReady(url, child, logFile, 180_000);
	} catch (error) {
		await stop();
		throw error;
	}
	return { url, pid: child.pid, logFile, stop };
}

/** Stops n8n started by startN8n, with its task runner, waiting until it is gone. */
async function stopProcess(pid) {
	const alive = () => {
		try {
			process.kill(-pid, 0);
			return true;
		} catch {
			return false;
		}
	};
	if (!alive()) return;
	process.kill(-pid, 'SIGTERM');
	for (let waited = 0; waited < 15_000 && alive(); waited += 100) {
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	if (alive()) process.kill(-pid, 'SIGKILL');
}

module.exports = {
	ROOT,
	PACKAGE_NAME,
	N8N_VERSION,
	PRIMARY_VERSION,
	ensureN8nInstalled,
	packPackage,
	installTarball,
	shieldFromDevCopy,
	freePort,
	startN8n,
	stopProcess,
};
