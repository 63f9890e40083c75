// The n8n the bench measures: the same install, packing and start-up as the end-to-end
// tests (test/harness), in a user folder of its own, and one measured workflow run.
const fs = require('node:fs');
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const { parse: parseFlatted } = require('flatted');
const { ROOT, PACKAGE_NAME, ensureN8nInstalled, packPackage, installTarball, freePort, startN8n } = require('../../test/harness/n8nInstance');
const { N8nClient } = require('../../test/harness/n8nClient');
const { sampleRss, watchTraffic, settle } = require('./sampling');
const { monotonicMicros } = require('./profile');
const { stopOnExit } = require('./cleanup');

const WORK_DIR = path.join(ROOT, '.bench');
const OWNER = { email: 'bench@example.com', password: 'Bench-owner-password-1' };

const baseEnv = {
	N8N_ENCRYPTION_KEY: 'bench-encryption-key-not-a-secret',
	N8N_LOG_LEVEL: 'warn',
	// 10,000 items are posted to one webhook.
	N8N_PAYLOAD_SIZE_MAX: '64',
};

/** Installs n8n if needed, builds and packs the package; returns the tarball's path. */
function preparePackage() {
	ensureN8nInstalled();
	return packPackage();
}

/**
 * A fresh user folder, with the tarball installed as a community package unless
 * `tarball` is undefined (start-up time without the package).
 */
function freshUserFolder(name, tarball) {
	const userFolder = path.join(WORK_DIR, name);
	fs.rmSync(userFolder, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	if (tarball) installTarball(userFolder, tarball);
	return userFolder;
}

/**
 * Starts n8n in `userFolder`, resolving with a signed-in client and `control` (see
 * n8nControl). `cpuProfDir` starts it under --cpu-prof; `countExpressions` has the
 * preload count the expressions n8n evaluates; `watchPace` has it sample our nodes' pace.
 */
async function startBenchN8n(userFolder, { cpuProfDir, countExpressions = false, watchPace = false, env = {} } = {}) {
	const files = {
		done: path.join(userFolder, 'bench-signal-done'),
		counts: countExpressions ? path.join(userFolder, 'bench-expression-counts.json') : undefined,
		pace: watchPace ? path.join(userFolder, 'bench-pace.json') : undefined,
	};
	const nodeOptions = [
		'--expose-gc',
		`--require ${path.join(__dirname, 'n8nPreload.js')}`,
		...(cpuProfDir ? [`--cpu-prof --cpu-prof-dir=${cpuProfDir}`] : []),
	].join(' ');
	const n8n = await startN8n({
		userFolder,
		port: await freePort(),
		env: {
			...baseEnv,
			NODE_OPTIONS: nodeOptions,
			BENCH_SIGNAL_DONE: files.done,
			...(files.counts ? { BENCH_EXPRESSION_COUNTS: files.counts } : {}),
			...(files.pace ? { BENCH_PACE: '1', BENCH_PACE_FILE: files.pace } : {}),
			...env,
		},
	});
	const forget = stopOnExit(n8n.stop);
	const stop = async () => {
		await n8n.stop();
		forget();
	};
	try {
		const client = new N8nClient(n8n.url);
		try {
			await client.setupOwner(OWNER);
		} catch (error) {
			// A user folder started before already has its owner.
			if (error.status !== 400) throw error;
		}
		await client.login(OWNER);
		return { ...n8n, stop, client, control: n8nControl(n8n.pid, files) };
	} catch (error) {
		await stop();
		throw error;
	}
}

/**
 * Talks to n8nPreload.js in the n8n process. collect(): the peak heap in use since the
 * last call, then collects garbage (and restarts the expression counts). counts(items):
 * what the last collect() wrote, per item (call it right after).
 */
function n8nControl(pid, files) {
	const signal = async () => {
		const before = fs.existsSync(files.done) ? fs.readFileSync(files.done, 'utf8') : '';
		process.kill(pid, 'SIGUSR2');
		for (let waited = 0; waited < 10_000; waited += 20) {
			const now = fs.existsSync(files.done) ? fs.readFileSync(files.done, 'utf8') : '';
			if (now && now !== before) return JSON.parse(now);
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		throw new Error('n8n did not answer the bench signal');
	};
	return {
		/** Collects garbage; returns { peakHeapInUse (since the last signal), heapInUseAfterGc }. */
		collect: signal,
		/** The pace samples the last collect() wrote: [{ at, concurrency, inFlight, startGapMs }]. */
		paceSamples() {
			return files.pace && fs.existsSync(files.pace) ? JSON.parse(fs.readFileSync(files.pace, 'utf8')) : [];
		},
		async counts(items) {
			if (!files.counts) return undefined;
			const taken = JSON.parse(fs.readFileSync(files.counts, 'utf8'));
			const counts = Object.entries(taken.counts).sort((a, b) => b[1] - a[1]);
			const total = counts.reduce((sum, [, count]) => sum + count, 0);
			const perItem = (count) => Math.round((count / items) * 100) / 100;
			const sites = taken.sites.map(({ expression, sites: bySite }) => ({
				expression,
				sites: Object.entries(bySite).map(([site, count]) => ({ perItem: perItem(count), site })),
			}));
			return {
				total,
				perItem: perItem(total),
				top: counts.slice(0, 12).map(([expression, count]) => ({ expression, perItem: perItem(count) })),
				...(sites.length ? { sites } : {}),
			};
		},
	};
}

/** Node definition of one of our nodes, with its credential. */
function ourNode(provider, credential, parameters) {
	return {
		type: `${PACKAGE_NAME}.${provider.nodeType}`,
		typeVersion: 1,
		parameters,
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
	};
}

/** n8n's HTTP Request node signing with our credential type, as a user would set it up. */
function httpRequestNode(provider, credential, parameters) {
	return {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: { ...parameters, nodeCredentialType: credential.type },
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
	};
}

/** n8n's HTTP Request node without a credential: the secrets are typed in as header values. */
function plainHttpRequestNode(parameters) {
	return { type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, parameters };
}

/**
 * Runs Webhook → Split Out → node once with `items`, as test/harness/n8nClient's
 * runNodeDefinition does (but the webhook answers at once), measuring from the webhook call until the execution is
 * recorded: the n8n process's RSS (sampled every 50 ms from here), its heap in use (from
 * inside, see n8nPreload.js) and the traffic at the mock. `prepareMock()` sets the
 * mock's faults or limits for the run.
 */
async function measuredRun({ client, pid, control, mock }, nodeDefinition, items, prepareMock) {
	await waitUntilReady(client);
	const webhookPath = randomUUID();
	const node = { id: randomUUID(), name: 'Node Under Test', position: [500, 0], ...nodeDefinition };
	const workflow = await client.request('POST', '/rest/workflows', {
		name: `bench ${node.type} ${webhookPath.slice(0, 8)}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: webhookPath,
				// Answers at once: a run of minutes would outlast an HTTP client's patience, and
				// sending 10,000 items back is not the node's work.
				parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
			},
			{
				id: randomUUID(),
				name: 'Items',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [250, 0],
				parameters: { fieldToSplitOut: 'body.items', options: {} },
			},
			node,
		],
		connections: {
			Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: node.name, type: 'main', index: 0 }]] },
		},
	});
	await client.request('POST', `/rest/workflows/${workflow.id}/activate`, { versionId: workflow.versionId });
	await waitForWebhook(client, webhookPath);

	// Every run starts from the same memory floor: garbage collected, RSS settled.
	await control.collect();
	await settle(pid);
	const floor = await control.collect();
	mock.reset();
	// Faults and limits for this run (reset() cleared the last run's).
	prepareMock?.();
	const memory = sampleRss(pid, 50);
	const traffic = watchTraffic(mock);
	const started = Date.now();
	const from = monotonicMicros();
	let summary;
	let rss;
	let inFlight;
	try {
		const status = await client.callWebhook(webhookPath, { items });
		if (status !== 200) throw new Error(`The webhook answered ${status}`);
		summary = await finishedExecution(client, workflow.id);
	} finally {
		rss = memory.stop();
		inFlight = traffic.stop();
	}
	const wallMs = Date.now() - started;
	const window = { from, to: monotonicMicros() };
	const after = await control.collect();
	const heap = { floor: floor.heapInUseAfterGc, peak: after.peakHeapInUse };
	const pace = control.paceSamples();
	const expressions = await control.counts(items.length);

	const full = await client.request('GET', `/rest/executions/${summary.id}`);
	const execution = parseFlatted(full.data);
	const run = execution.resultData.runData[node.name]?.[0];
	await client.request('POST', `/rest/workflows/${workflow.id}/deactivate`, {}).catch(() => {});
	return {
		executionTimeMs: run?.executionTime,
		wallMs,
		outputItems: run?.data?.main?.[0]?.length ?? 0,
		firstOutput: run?.data?.main?.[0]?.[0]?.json,
		error: run?.error?.message ?? execution.resultData.error?.message,
		rss,
		heap,
		longestStallMs: after.longestStallMs,
		inFlight,
		window,
		...(pace.length ? { pace } : {}),
		...(expressions ? { expressions } : {}),
	};
}

/**
 * A published workflow's webhook is registered a moment after activation. A GET (which
 * this POST webhook refuses without running anything) tells when, so the measured call
 * is never a retry.
 */
async function waitForWebhook(client, webhookPath) {
	for (let attempt = 0; attempt < 100; attempt++) {
		const res = await fetch(`${client.url}/webhook/${webhookPath}`);
		const text = await res.text();
		if (res.status !== 404 || text.includes('Did you mean to make a POST request')) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`The webhook ${webhookPath} was never registered`);
}

/**
 * Waits (at most 30 minutes) until the workflow's one execution is finished and recorded.
 * While a node keeps n8n's event loop busy for long, n8n misses its database health
 * check and answers 503 "Database is not ready!" until the loop is free again: such
 * answers only mean "not yet".
 */
async function finishedExecution(client, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const deadline = Date.now() + 30 * 60_000;
	while (Date.now() < deadline) {
		try {
			const list = await client.request('GET', `/rest/executions?filter=${filter}&limit=1`);
			const summary = list.results?.[0];
			if (summary && !['new', 'running', 'waiting'].includes(summary.status)) return summary;
		} catch (error) {
			if (error.status !== 503) throw error;
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`No finished execution of workflow ${workflowId} after 30 minutes`);
}

/** Waits until n8n answers its readiness check (its database check passed again). */
async function waitUntilReady(client) {
	for (let waited = 0; waited < 300_000; waited += 250) {
		const res = await fetch(`${client.url}/healthz/readiness`).catch(() => undefined);
		if (res?.ok) return;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error('n8n did not become ready again within 5 minutes');
}

module.exports = { WORK_DIR, preparePackage, freshUserFolder, startBenchN8n, ourNode, httpRequestNode, plainHttpRequestNode, measuredRun };
