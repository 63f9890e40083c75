// Runs the raw client (rawClient.js) in a child process and measures it like n8n: its
// own timing of the requests, and its RSS sampled every 50 ms.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { sampleRss, watchTraffic } = require('./sampling');

// Connection and framing headers belong to the client that sends; everything else is replayed.
const TRANSPORT_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

/** The requests a mock recorded, as the raw client replays them (same method, URL, headers, body). */
function replayable(recorded) {
	return recorded.map((request) => ({
		method: request.method,
		path: request.rawUrl,
		headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => !TRANSPORT_HEADERS.has(name))),
		body: request.rawBody || undefined,
	}));
}

/** Replays `requests` with `concurrency` connections; `prepareMock()` sets the mock's latency or limits first. */
async function runRaw(mock, requests, concurrency, prepareMock) {
	const jobFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-raw-')), 'job.json');
	fs.writeFileSync(jobFile, JSON.stringify({ origin: mock.url, concurrency, requests }));
	const child = spawn(process.execPath, [path.join(__dirname, 'rawClient.js'), jobFile], { stdio: ['ignore', 'pipe', 'pipe'] });
	mock.reset();
	prepareMock?.();
	const memory = sampleRss(child.pid, 50);
	const inFlight = watchTraffic(mock);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk) => (stdout += chunk));
	child.stderr.on('data', (chunk) => (stderr += chunk));
	const code = await new Promise((resolve) => child.on('close', resolve));
	const { peak } = memory.stop();
	const concurrencySeen = inFlight.stop();
	fs.rmSync(path.dirname(jobFile), { recursive: true, force: true });
	if (code !== 0) throw new Error(`The raw client failed (exit ${code}): ${stderr}`);
	const result = JSON.parse(stdout);
	return { elapsedMs: result.elapsedMs, ok: result.ok, failed: result.failed, peakRss: peak, inFlight: concurrencySeen };
}

module.exports = { replayable, runRaw };
