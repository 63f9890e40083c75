// Stops an n8n that a test run left behind (Jest killed before its global teardown).
const fs = require('node:fs');
const { STATE_FILE } = require('./e2eState');
const { stopProcess } = require('./n8nInstance');

if (fs.existsSync(STATE_FILE)) {
	const { pid } = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
	stopProcess(pid).then(() => fs.rmSync(STATE_FILE, { force: true }));
}
