const fs = require('node:fs');
const { STATE_FILE } = require('./e2eState');
const { stopProcess } = require('./n8nInstance');
const { stopQueueStores } = require('./queueStores');

/** Stops what global setup started: workers, n8n, then queue mode's stores. */
async function stopAll(state) {
	for (const worker of state.workers ?? []) await stopProcess(worker.pid);
	if (state.pid) await stopProcess(state.pid);
	if (state.stores) await stopQueueStores(state.stores);
}

module.exports = async function globalTeardown() {
	if (fs.existsSync(STATE_FILE)) await stopAll(JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')));
	fs.rmSync(STATE_FILE, { force: true });
};
module.exports.stopAll = stopAll;
