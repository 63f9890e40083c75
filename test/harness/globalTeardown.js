const fs = require('node:fs');
const { STATE_FILE } = require('./e2eState');
const { stopProcess } = require('./n8nInstance');

module.exports = async function globalTeardown() {
	if (globalThis.__n8n) await globalThis.__n8n.stop();
	else if (fs.existsSync(STATE_FILE)) await stopProcess(JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')).pid);
	fs.rmSync(STATE_FILE, { force: true });
};
