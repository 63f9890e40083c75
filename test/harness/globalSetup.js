// Jest global setup for the end-to-end project: installs n8n (once), packs this package,
// installs the tarball as a community package in a fresh user folder (with its
// n8n-engine variant, see engineVariant.js), starts n8n once
// for the whole run and creates its owner. Test files reach it through e2eState().
const fs = require('node:fs');
const path = require('node:path');
const { ensureN8nInstalled, packPackage, installTarball, freePort, startN8n, ROOT } = require('./n8nInstance');
const { N8nClient } = require('./n8nClient');
const { installEngineVariant } = require('./engineVariant');
const { STATE_FILE, OWNER } = require('./e2eState');

module.exports = async function globalSetup() {
	ensureN8nInstalled();
	const tarball = packPackage();
	const userFolder = path.join(ROOT, '.e2e', 'n8n');
	fs.rmSync(userFolder, { recursive: true, force: true });
	installTarball(userFolder, tarball);
	// For test/e2e/engineEquivalence.test.js: the same nodes run by n8n's own engine.
	installEngineVariant(userFolder, tarball);

	const n8n = await startN8n({
		userFolder,
		port: await freePort(),
		env: {
			N8N_ENCRYPTION_KEY: 'e2e-encryption-key-not-a-secret',
			N8N_LOG_LEVEL: 'info',
			// The resilience and benchmark runs post thousands of items to one webhook.
			N8N_PAYLOAD_SIZE_MAX: '64',
			// For profiling (see bench/README.md): N8N_CPU_PROF_DIR=<dir> npm test
			...(process.env.N8N_CPU_PROF_DIR ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.N8N_CPU_PROF_DIR}` } : {}),
		},
	});
	fs.writeFileSync(STATE_FILE, JSON.stringify({ url: n8n.url, pid: n8n.pid, logFile: n8n.logFile }));
	globalThis.__n8n = n8n;

	const client = new N8nClient(n8n.url);
	await client.setupOwner(OWNER);
};
