// Queue mode's stores for the end-to-end run (N8N_QUEUE=1): a throwaway PostgreSQL and
// Redis on loopback, on free ports, with their data under .cache/.e2e. Debian's packages
// come from scripts/install-queue-stores.sh.
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, freePort, stopProcess } = require('./n8nInstance');

const DATA_DIR = path.join(ROOT, '.cache', '.e2e', 'queue');
const DB_USER = 'n8n';

/** PostgreSQL refuses to run as root: as root, its commands run as Debian's postgres user. */
function asDbUser(command, args, options = {}) {
	const bin = path.join(postgresBin(), command);
	const [file, argv] = process.getuid() === 0 ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
	return execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

function postgresBin() {
	const versions = fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
	return path.join('/usr/lib/postgresql', versions[0], 'bin');
}

/**
 * Starts PostgreSQL and Redis; resolves with the env n8n's main and workers need, the
 * processes to stop (`pids`, `pgData`) and `stop()`.
 */
async function startQueueStores() {
	execFileSync('bash', [path.join(ROOT, 'scripts/install-queue-stores.sh')], { stdio: 'inherit' });
	fs.rmSync(DATA_DIR, { recursive: true, force: true });
	const pgData = path.join(DATA_DIR, 'postgres');
	fs.mkdirSync(pgData, { recursive: true });
	if (process.getuid() === 0) execFileSync('chown', ['-R', 'postgres:postgres', DATA_DIR]);

	const pgPort = await freePort();
	asDbUser('initdb', ['-D', pgData, '-A', 'trust', '-U', DB_USER, '--no-sync']);
	asDbUser('pg_ctl', [
		'-D', pgData,
		'-l', path.join(pgData, 'postgres.log'),
		'-o', `-p ${pgPort} -k ${pgData} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
		'-w', 'start',
	]);

	const redisPort = await freePort();
	const redisLog = fs.openSync(path.join(DATA_DIR, 'redis.log'), 'w');
	const redis = spawn(
		'redis-server',
		['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', DATA_DIR],
		{ detached: true, stdio: ['ignore', redisLog, redisLog] },
	);
	fs.closeSync(redisLog);
	await waitForRedis(redisPort, redis);

	const state = { pids: [redis.pid], pgData, redisPort };
	return {
		state,
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(pgPort),
			DB_POSTGRESDB_DATABASE: 'postgres',
			DB_POSTGRESDB_USER: DB_USER,
			DB_POSTGRESDB_PASSWORD: '',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redisPort),
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			// n8n's main process waits for a job only after adding it; by default Bull deletes a
			// job as soon as it is done, so a worker that finished first leaves the main process
			// waiting forever (a webhook never answered: test/repro/queueWebhookHang.js). Jobs
			// kept a while are found done (the reproduction sets n8n's default, 0, itself).
			N8N_EXECUTIONS_QUEUE_KEEP_LAST_COMPLETED: process.env.N8N_EXECUTIONS_QUEUE_KEEP_LAST_COMPLETED ?? '1000',
			N8N_EXECUTIONS_QUEUE_KEEP_LAST_FAILED: process.env.N8N_EXECUTIONS_QUEUE_KEEP_LAST_FAILED ?? '1000',
		},
		stop: () => stopQueueStores(state),
	};
}

async function waitForRedis(port, child) {
	const net = require('node:net');
	for (let waited = 0; waited < 20_000; waited += 200) {
		if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
		const up = await new Promise((resolve) => {
			const socket = net.connect(port, '127.0.0.1', () => {
				socket.end();
				resolve(true);
			});
			socket.on('error', () => resolve(false));
		});
		if (up) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error('redis-server did not start within 20 s');
}

/** Stops what startQueueStores started (also from a state file, after a crashed run). */
async function stopQueueStores({ pids = [], pgData }) {
	for (const pid of pids) await stopProcess(pid);
	if (pgData && fs.existsSync(path.join(pgData, 'postmaster.pid'))) {
		try {
			asDbUser('pg_ctl', ['-D', pgData, '-m', 'fast', '-w', 'stop']);
		} catch {
			// already stopped
		}
	}
}

module.exports = { startQueueStores, stopQueueStores };
