// npm run bench:resilience [-- --providers ataraPay,fatora --retry-items 2000 --rate-items 1000 --rate 50]
//
// The shared request runner under a provider's limits, in a real n8n 2.40.7: each
// node's Update operation at its defaults against
// - 10% of updates answered 429 with Retry-After: 1 (seeded, the same mix every run), and
// - a limit of 50 requests per second (429 with Retry-After: 1 beyond it),
// each next to the least time the limit allows, as a ratio, and next to the same node's
// time for the same items without any limit (what n8n itself needs). Writes
// bench/results/resilience.json and prints a table. A script, not a test: no time fails it.
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs, list } = require('./lib/args');
const { providers } = require('./lib/providers');
const { preparePackage, freshUserFolder, startBenchN8n, ourNode, measuredRun } = require('./lib/n8n');
const { round } = require('./lib/sampling');
const { resilienceHeader, resilienceRows } = require('./lib/table');
const { ROOT } = require('../test/harness/n8nInstance');
const { Agent, setGlobalDispatcher } = require('undici');

// A new connection for every call to n8n: a kept-alive one that n8n closes after its idle
// timeout (5 s) may be reused at that very moment, and the call then fails ("fetch failed").
setGlobalDispatcher(new Agent({ pipelining: 0 }));

const options = parseArgs(process.argv.slice(2), {
	providers: 'ataraPay',
	retryItems: 2000,
	retryShare: 0.1,
	rateItems: 1000,
	rate: 50,
	out: path.join(__dirname, 'results'),
});
const log = (...parts) => console.error(`[bench:resilience ${new Date().toISOString().slice(11, 19)}]`, ...parts);

async function main() {
	const selected = list(options.providers).map((id) => {
		if (!providers[id]) throw new Error(`Unknown provider ${id} (known: ${Object.keys(providers).join(', ')})`);
		return { id, ...providers[id] };
	});
	fs.mkdirSync(options.out, { recursive: true });
	log('building and packing the package (and installing n8n the first time)...');
	const tarball = preparePackage();
	const n8n = await startBenchN8n(freshUserFolder('n8n-resilience', tarball), { watchPace: true });
	const results = { meta: meta(), providers: [] };
	try {
		for (const provider of selected) results.providers.push(await benchProvider(n8n, provider));
	} finally {
		await n8n.stop();
	}
	fs.writeFileSync(path.join(options.out, 'resilience.json'), `${JSON.stringify(results, null, '\t')}\n`);
	printTable(results);
	log(`results in ${path.relative(ROOT, options.out)}/resilience.json`);
}

async function benchProvider(n8n, provider) {
	log(`${provider.label}: ${provider.operation}`);
	const mock = await provider.createMock().start();
	try {
		const credential = await n8n.client.createCredential(provider.credentialType, provider.credentialData(mock));
		const node = ourNode(provider, credential, provider.ours);
		const context = { ...n8n, mock };
		const run = async (label, items, limit) => {
			const result = await measuredRun(context, node, items, () => limit?.(mock));
			if (result.error) throw new Error(`${provider.label}, ${label}: the node failed: ${result.error}`);
			if (result.outputItems !== items.length) throw new Error(`${provider.label}, ${label}: ${result.outputItems} of ${items.length} items`);
			const updates = mock.requests.filter(provider.isUpdate);
			const rateLimited = updates.filter((request) => request.answeredWith === 429);
			// How often the most unlucky item was answered 429: each costs it a Retry-After of 1 s.
			const perPath = new Map();
			for (const request of rateLimited) perPath.set(request.rawUrl + request.rawBody, (perPath.get(request.rawUrl + request.rawBody) ?? 0) + 1);
			const tail = updates.slice(Math.floor(updates.length * 0.75));
			// The pace's own state, sampled inside n8n while requests were being sent (the node
			// prepares every item before it sends the first request), over the last quarter.
			const paceTail = (result.pace ?? []).slice(Math.floor((result.pace?.length ?? 0) * 0.75));
			const mean = (values) => (values.length ? round(values.reduce((a, b) => a + b, 0) / values.length, 1) : null);
			const figures = {
				executionTimeMs: result.executionTimeMs,
				requests: updates.length,
				answered429: rateLimited.length,
				most429sForOneItem: Math.max(0, ...perPath.values()),
				settled: {
					paceConcurrencyMean: mean(paceTail.map((sample) => sample.concurrency)),
					paceConcurrencyMax: paceTail.length ? Math.max(...paceTail.map((sample) => sample.concurrency)) : null,
					paceInFlightMean: mean(paceTail.map((sample) => sample.inFlight)),
					paceStartGapMs: mean(paceTail.map((sample) => sample.startGapMs)),
					openConnectionsMean: result.inFlight.tailMeanConnections,
					openConnectionsMax: result.inFlight.tailMaxConnections,
					requestsPerSecond: result.inFlight.tailRequestsPerSecond,
					share429: round(tail.filter((request) => request.answeredWith === 429).length / Math.max(1, tail.length), 3),
				},
			};
			const settled = figures.settled;
			log(
				`  ${label}: ${figures.executionTimeMs} ms, ${figures.requests} requests (${figures.answered429} answered 429); last quarter: ` +
					`${settled.requestsPerSecond} req/s at the mock, pace concurrency ${settled.paceConcurrencyMean} (max ${settled.paceConcurrencyMax}), ` +
					`in flight ${settled.paceInFlightMean}, start gap ${settled.paceStartGapMs} ms`,
			);
			return figures;
		};

		await run('warm-up, 200 items', provider.seed(mock, 200));

		const retryItems = provider.seed(mock, options.retryItems);
		const retryFree = await run(`${options.retryItems} items, no faults`, retryItems);
		const retry = await run(`${options.retryItems} items, ${options.retryShare * 100}% 429 (Retry-After: 1)`, retryItems, (m) =>
			m.fault({ match: provider.isUpdate, probability: options.retryShare, status: 429, headers: { 'Retry-After': '1' }, body: { message: 'Too many requests' } }),
		);
		// The limit lets every other request go on: the least time is the longest chain of
		// Retry-After waits one item had to sit through.
		retry.leastTimeMs = retry.most429sForOneItem * 1000;

		const rateItems = provider.seed(mock, options.rateItems);
		const rateFree = await run(`${options.rateItems} items, no limit`, rateItems);
		const rate = await run(`${options.rateItems} items, ${options.rate} requests/s`, rateItems, (m) => m.limitRate(options.rate));
		// The mock counts per one-second window from the first request: N requests need
		// ceil(N / rate) windows, the last of which may close as soon as it opens.
		rate.leastTimeMs = (Math.ceil(options.rateItems / options.rate) - 1) * 1000;

		const scenario = (name, figures, free) => ({
			name,
			...figures,
			ratioToLeastTime: round(figures.executionTimeMs / Math.max(1, figures.leastTimeMs), 2),
			withoutLimitMs: free.executionTimeMs,
			// n8n itself needs `withoutLimitMs`: the least time is at least that, and at least the limit's.
			ratioToFloor: round(figures.executionTimeMs / Math.max(figures.leastTimeMs, free.executionTimeMs), 2),
		});
		return {
			id: provider.id,
			label: provider.label,
			operation: provider.operation,
			scenarios: [
				scenario(`${options.retryItems} items, ${options.retryShare * 100}% answered 429 with Retry-After: 1`, retry, retryFree),
				scenario(`${options.rateItems} items, ${options.rate} requests per second`, rate, rateFree),
			],
		};
	} finally {
		await mock.stop();
	}
}

function printTable(results) {
	const rows = resilienceRows(results);
	const widths = resilienceHeader.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
	const line = (cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ');
	console.log(line(resilienceHeader));
	console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
	rows.forEach((row) => console.log(line(row)));
}

function meta() {
	return {
		date: new Date().toISOString(),
		n8n: require(path.join(ROOT, '.cache/n8n-runtime/node_modules/n8n/package.json')).version,
		node: process.version,
		definitions: {
			time: "the node's executionTime in the run data n8n recorded, at the node's defaults (Max Concurrent Requests 10, Max Attempts 8)",
			leastTime:
				'429s: the longest chain of Retry-After waits one item met (its 429 answers × 1 s), since the limit lets other requests go on; rate limit: (ceil(items / rate) − 1) s, the mock counting per one-second window',
			withoutLimit: 'the same node, the same items, the same n8n, no fault: what n8n itself needs for them',
			settled:
				"over the last quarter of the sending: the node's pace as sampled every 50 ms inside n8n by the bench's preloaded helper, which reads (never changes) the RequestPace objects of our package: allowed concurrency (window), requests in flight, gap between request starts when it limits the rate; at the mock: requests arriving per second, open connections (n8n opens one per request; the mock answers at once, so they stay near 0), and the share of answers that were 429.",
		},
	};
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
