// The floor: the same requests sent by a bare HTTP client (undici), outside n8n, with a
// fixed number in flight. Run as a child process of its own (as n8n is), so it does not
// share an event loop with the mock server: `node rawClient.js <job.json>`, where the job
// is { origin, concurrency, requests: [{ method, path, headers, body }] }. Prints
// { elapsedMs, ok, failed } as JSON; each answer is read and parsed, as a node would.
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');
const { Pool } = require('undici');

async function main() {
	const { origin, concurrency, requests } = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
	const pool = new Pool(origin, { connections: concurrency, pipelining: 1 });
	let next = 0;
	let ok = 0;
	let failed = 0;
	const worker = async () => {
		while (next < requests.length) {
			const { method, path, headers, body } = requests[next++];
			const answer = await pool.request({ method, path, headers, body });
			const text = await answer.body.text();
			JSON.parse(text);
			if (answer.statusCode < 400) ok++;
			else failed++;
		}
	};
	const started = performance.now();
	await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, worker));
	const elapsedMs = performance.now() - started;
	await pool.close();
	process.stdout.write(JSON.stringify({ elapsedMs, ok, failed }));
}

main().catch((error) => {
	process.stderr.write(`${error.stack}\n`);
	process.exit(1);
});
