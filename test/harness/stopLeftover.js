// Stops an n8n (and queue mode's workers and stores) that a test run left behind (Jest
// killed before its global teardown).
const fs = require('node:fs');
const { STATE_FILE } = require('./e2eState');
const { stopAll } = require('./globalTeardown');

if (fs.existsSync(STATE_FILE)) {
	stopAll(JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'))).then(() => fs.rmSync(STATE_FILE, { force: true }));
}
