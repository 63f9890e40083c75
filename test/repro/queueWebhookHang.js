// Minimal reproduction of an n8n queue-mode defect (no node of this package involved):
// a webhook that answers when the last node finishes ("responseMode: lastNode") is
// sometimes never answered, although its worker ran the execution to the end.
//
//   bash scripts/node24.sh node test/repro/queueWebhookHang.js [calls] [parallel] [--starve-main]
//
// Starts n8n in queue mode as the end-to-end suite does (PostgreSQL, Redis, two workers)
// but with n8n's default N8N_EXECUTIONS_QUEUE_KEEP_LAST_COMPLETED=0 (set it to compare),
// publishes Webhook (last node) → No Operation, calls it `calls` times (`parallel` at a
// time) and counts the calls n8n never answered within 30 s. Then prints the executions'
// statuses in the database (all `success`: the workers finished them), how many
// "job-finished" messages the main process logged, and how many finished jobs Bull kept.
// Why: test/repro/bullFinishedAfterRemoval.js.
process.env.N8N_QUEUE = '1';
process.env.N8N_EXECUTIONS_QUEUE_KEEP_LAST_COMPLETED ??= '0';
process.env.N8N_EXECUTIONS_QUEUE_KEEP_LAST_FAILED ??= '0';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const { randomUUID } = require('node:crypto');
const globalSetup = require('../harness/globalSetup');
const globalTeardown = require('../harness/globalTeardown');
const { signedInClient, e2eState } = require('../harness/e2eState');
const { webhookNode } = require('../harness/n8nClient');

const CALLS = Number(process.argv[2] ?? 500);
const PARALLEL = Number(process.argv[3] ?? 4);
const STARVE_MAIN = process.argv.includes('--starve-main');
const ANSWER_TIMEOUT_MS = 30_000;

/**
 * --starve-main: the main process gets the CPU one seventh of the time (stopped 300 ms of every
 * 350 ms), as on a busy machine, while the workers run freely: a worker then often
 * finishes an execution before the main process starts waiting for it.
 */
function starveMain(pid) {
	let running = true;
	(async () => {
		while (running) {
			process.kill(pid, 'SIGSTOP');
			await new Promise((resolve) => setTimeout(resolve, 300));
			process.kill(pid, 'SIGCONT');
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	})();
	return { stop: () => (running = false) };
}

async function main() {
	await globalSetup();
	try {
		const n8n = await signedInClient();
		const path = randomUUID();
		const workflow = await n8n.request('POST', '/rest/workflows', {
			name: 'queue-mode webhook hang',
			settings: { executionOrder: 'v1' },
			nodes: [
				webhookNode(path),
				{ id: randomUUID(), name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [250, 0], parameters: {} },
			],
			connections: { Webhook: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		});
		await n8n.request('POST', `/rest/workflows/${workflow.id}/activate`, { versionId: workflow.versionId });
		// The first call waits until the webhook is registered.
		await n8n.callWebhook(path, {});

		const hung = [];
		let next = 0;
		const started = Date.now();
		const starving = STARVE_MAIN && starveMain(e2eState().pid);
		const call = async (n) => {
			try {
				const res = await fetch(`${n8n.url}/webhook/${path}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ call: n }),
					signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
				});
				await res.text();
			} catch (error) {
				if (error.name !== 'TimeoutError') throw error;
				hung.push(n);
			}
		};
		await Promise.all(
			Array.from({ length: PARALLEL }, async () => {
				while (next < CALLS) await call(next++);
			}),
		);
		if (starving) starving.stop();
		console.log(`${CALLS} calls (${PARALLEL} at a time${STARVE_MAIN ? ', main process starved' : ''}) in ${((Date.now() - started) / 1000).toFixed(0)} s: ${hung.length} never answered`);

		// What happened to the executions behind the unanswered calls.
		const filter = encodeURIComponent(JSON.stringify({ workflowId: workflow.id }));
		const byStatus = {};
		for (let lastId = ''; ; ) {
			const { results } = await n8n.request('GET', `/rest/executions?filter=${filter}&limit=100${lastId && `&lastId=${lastId}`}`);
			if (!results?.length) break;
			for (const execution of results) byStatus[execution.status] = (byStatus[execution.status] ?? 0) + 1;
			lastId = results.at(-1).id;
		}
		console.log('Executions in the database by status:', JSON.stringify(byStatus));
		const state = e2eState();
		const mainLog = fs.readFileSync(state.logFile, 'utf8');
		const finishedLogged = [...mainLog.matchAll(/Execution (\d+) \(job (\d+)\) finished/g)].map((m) => ({ executionId: m[1], jobId: m[2] }));
		const redisPort = String(state.stores.redisPort);
		const completedJobs = new Set(
			execFileSync('redis-cli', ['-p', redisPort, 'ZRANGE', 'bull:jobs:completed', '0', '-1']).toString().split('\n').filter(Boolean),
		);
		console.log(`Main process logged "job-finished" for ${finishedLogged.length} executions; Bull holds ${completedJobs.size} completed jobs.`);
		process.exitCode = hung.length > 0 ? 1 : 0;
	} finally {
		await globalTeardown();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 2;
	return globalTeardown();
});
