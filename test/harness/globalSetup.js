// Jest global setup for the end-to-end project: installs n8n (once; the version in
// N8N_VERSION or the primary one), packs this package, installs the tarball as a
// community package in a fresh user folder (with its n8n-engine variant, see
// engineVariant.js), starts n8n once for the whole run and creates its owner. Test files
// reach it through e2eState().
// With N8N_QUEUE=1, n8n runs in queue mode: PostgreSQL and Redis on loopback, the main
// process and QUEUE_WORKERS (2) `n8n worker` processes, which run the executions.
const fs = require('node:fs');
const path = require('node:path');
const { ensureN8nInstalled, packPackage, installTarball, freePort, startN8n, ROOT } = require('./n8nInstance');
const { N8nClient } = require('./n8nClient');
const { installEngineVariant } = require('./engineVariant');
const { STATE_FILE, OWNER, QUEUE_MODE } = require('./e2eState');
const { startQueueStores } = require('./queueStores');

const WORKERS = Number(process.env.QUEUE_WORKERS ?? 2);

module.exports = async function globalSetup() {
	const { version } = ensureN8nInstalled();
	const tarball = packPackage();
	const userFolder = path.join(ROOT, '.e2e', 'n8n');
	fs.rmSync(userFolder, { recursive: true, force: true });
	installTarball(userFolder, tarball);
	// For test/e2e/engineEquivalence.test.js: the same nodes run by n8n's own engine.
	installEngineVariant(userFolder, tarball);

	// The tarball too: test/e2e/editor/communityInstall.test.js publishes it to a local registry.
	const state = { version, tarball, queue: QUEUE_MODE, workers: [], stores: undefined };
	const save = () => fs.writeFileSync(STATE_FILE, JSON.stringify(state));
	const env = {
		N8N_ENCRYPTION_KEY: 'e2e-encryption-key-not-a-secret',
		N8N_LOG_LEVEL: 'info',
		// The resilience and benchmark runs post thousands of items to one webhook.
		N8N_PAYLOAD_SIZE_MAX: '64',
		// For profiling (see bench/README.md): N8N_CPU_PROF_DIR=<dir> npm test
		...(process.env.N8N_CPU_PROF_DIR ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.N8N_CPU_PROF_DIR}` } : {}),
	};
	if (QUEUE_MODE) {
		const stores = await startQueueStores();
		state.stores = stores.state;
		save();
		Object.assign(env, stores.env);
	}

	const n8n = await startN8n({ userFolder, port: await freePort(), env });
	Object.assign(state, { url: n8n.url, pid: n8n.pid, logFile: n8n.logFile });
	save();

	const client = new N8nClient(n8n.url);
	await client.setupOwner(OWNER);

	// Workers start after the main process has set up the database.
	if (QUEUE_MODE) {
		for (let n = 1; n <= WORKERS; n++) {
			const healthPort = await freePort();
			const worker = await startN8n({
				userFolder,
				port: healthPort,
				command: 'worker',
				logName: `worker-${n}.log`,
				// One job at a time: two executions started together run on two workers.
				args: ['--concurrency=1'],
				env: { ...env, QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort) },
			});
			state.workers.push({ pid: worker.pid, logFile: worker.logFile });
			save();
		}
	}
};
