// The mechanism behind test/repro/queueWebhookHang.js, with n8n's own copy of Bull alone:
// n8n's main process adds a job with `removeOnComplete: 0` (n8n's default
// N8N_EXECUTIONS_QUEUE_KEEP_LAST_COMPLETED=0) and only then waits for it with
// `job.finished()`. When a worker completes the job first, Bull has already removed it:
// `finished()` finds it neither completed nor failed and waits for a completion event that
// was sent before anyone listened, forever.
//
//   bash scripts/node24.sh node test/repro/bullFinishedAfterRemoval.js
//
// Prints, for keep-last 0 (n8n's default) and keep-last 100, whether `finished()` of a job
// that a worker has already completed returns within 5 s.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { ensureN8nInstalled, freePort, stopProcess } = require('../harness/n8nInstance');

const Bull = require(path.join(ensureN8nInstalled().dir, 'node_modules/bull'));

async function finishedAfterCompletion(redis, keepLastCompleted) {
	const name = `repro-${keepLastCompleted}`;
	const main = new Bull(name, { redis });
	const worker = new Bull(name, { redis });
	let completed;
	const done = new Promise((resolve) => (completed = resolve));
	worker.on('completed', () => completed());
	worker.process(async () => 'ok');
	// As n8n's ScalingService.addJob does, then WorkflowRunner.enqueueExecution later.
	const job = await main.add({ executionId: '1' }, { removeOnComplete: keepLastCompleted });
	await done;
	const outcome = await Promise.race([
		job.finished().then(() => 'returned'),
		new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5_000)),
	]);
	await Promise.all([main.close(), worker.close()]);
	return outcome;
}

async function main() {
	const port = await freePort();
	const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
		detached: true,
		stdio: 'ignore',
	});
	try {
		await new Promise((resolve) => setTimeout(resolve, 500));
		for (const keep of [0, 100]) {
			console.log(`removeOnComplete: ${keep}: job.finished() of a completed job ${await finishedAfterCompletion({ port, host: '127.0.0.1' }, keep)}`);
		}
	} finally {
		await stopProcess(redis.pid);
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
