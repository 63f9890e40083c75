// What global setup shares with the test files: where n8n listens and how to sign in.
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./n8nInstance');
const { N8nClient } = require('./n8nClient');

const STATE_FILE = path.join(ROOT, '.e2e', 'state.json');
const OWNER = { email: 'owner@example.com', password: 'E2e-owner-password-1' };
/** N8N_QUEUE=1: the run is in queue mode (see globalSetup.js). */
const QUEUE_MODE = process.env.N8N_QUEUE === '1';

function e2eState() {
	if (!fs.existsSync(STATE_FILE)) {
		throw new Error('n8n is not running: run the end-to-end tests through Jest (npm test).');
	}
	return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
}

/** A client signed in as the instance owner. */
async function signedInClient() {
	const client = new N8nClient(e2eState().url);
	await client.login(OWNER);
	return client;
}

/** Everything n8n (and its workers) logged so far (to check that no secret ever reaches the log). */
function n8nLog() {
	const { logFile, workers = [] } = e2eState();
	return [logFile, ...workers.map((worker) => worker.logFile)].map((file) => fs.readFileSync(file, 'utf8')).join('\n');
}

module.exports = { STATE_FILE, OWNER, QUEUE_MODE, e2eState, signedInClient, n8nLog };
