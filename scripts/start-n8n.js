// Runs the local n8n for `npm start` (see scripts/start.sh) until Ctrl+C or `npm run stop`.
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, PACKAGE_NAME, installTarball, startN8n, stopProcess } = require('../test/harness/n8nInstance');

const USER_FOLDER = path.join(ROOT, '.n8n-local');
const PID_FILE = path.join(USER_FOLDER, 'n8n.pid');
const PORT = Number(process.env.N8N_PORT ?? 5678);

async function stopRunning() {
	if (!fs.existsSync(PID_FILE)) return;
	const pid = Number(fs.readFileSync(PID_FILE, 'utf8'));
	console.log(`Stopping the n8n started earlier (pid ${pid})...`);
	await stopProcess(pid);
	fs.rmSync(PID_FILE, { force: true });
}

async function main() {
	const [tarball, command] = process.argv.slice(2);
	await stopRunning();
	if (command === 'stop' || tarball === 'stop') return;

	installTarball(USER_FOLDER, tarball);
	console.log(`Starting n8n with ${path.basename(tarball)} installed as a community package...`);
	const n8n = await startN8n({ userFolder: USER_FOLDER, port: PORT, env: { N8N_HOST: 'localhost' } });
	fs.writeFileSync(PID_FILE, String(n8n.pid));

	const installed = require(path.join(USER_FOLDER, '.n8n/nodes/node_modules', PACKAGE_NAME, 'package.json'));
	const nodeNames = installed.n8n.nodes.map((file) => path.basename(file, '.node.js'));
	console.log(`
n8n is running: open http://localhost:${PORT}
  Nodes from ${PACKAGE_NAME}: ${nodeNames.join(', ')} (search for them in the node panel)
  First visit: n8n asks you to create the owner account of this local instance.
  User folder (SQLite database, settings): ${path.relative(ROOT, USER_FOLDER)}/
  Log: ${path.relative(ROOT, n8n.logFile)}
Stop it with Ctrl+C, or with \`npm run stop\` from another terminal.
Run \`npm start\` again to rebuild and restart with your latest code.`);

	const shutdown = async () => {
		await n8n.stop();
		fs.rmSync(PID_FILE, { force: true });
		process.exit(0);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
	// Stay in the foreground until n8n exits on its own.
	const timer = setInterval(() => {
		try {
			process.kill(n8n.pid, 0);
		} catch {
			clearInterval(timer);
			fs.rmSync(PID_FILE, { force: true });
			console.log('n8n has stopped.');
		}
	}, 2000);
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
