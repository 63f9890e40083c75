// npm run bench [-- --sizes 1000,10000 --providers ataraPay,fatora --rounds 3 --rounds-large 1
//                  --startup-runs 5 --no-startup --no-count-expressions --profile --out DIR]
//
// Our nodes' Update operations against n8n's HTTP Request node making the same requests
// in the same n8n 2.40.7, and against a bare HTTP client (undici) outside n8n: time,
// items per second, peak RSS of the n8n process, requests in flight at the mock; plus
// the packed tarball's size and what it adds to n8n's start-up. Writes
// bench/results/bench.json and bench/results/bench.svg and prints a table. With --profile,
// n8n runs under --cpu-prof, and bench/results/profile.json gets its CPU time per package
// during each measured run (the raw profile: bench/results/n8n.cpuprofile, not committed).
// A script, not a test: it reports figures and never fails on a time.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs, list } = require('./lib/args');
const { providers, requestShape } = require('./lib/providers');
const { preparePackage, freshUserFolder, startBenchN8n, ourNode, httpRequestNode, measuredRun } = require('./lib/n8n');
const { replayable, runRaw } = require('./lib/raw');
const { round } = require('./lib/sampling');
const { measureStartup, tarballInfo } = require('./lib/startup');
const { aggregate } = require('./lib/profile');
const { drawChart } = require('./lib/chart');
const { printTable } = require('./lib/table');
const { ROOT, PACKAGE_NAME } = require('../test/harness/n8nInstance');
const { Agent, setGlobalDispatcher } = require('undici');

// A new connection for every call to n8n: a kept-alive one that n8n closes after its idle
// timeout (5 s) may be reused at that very moment, and the call then fails ("fetch failed").
setGlobalDispatcher(new Agent({ pipelining: 0 }));

const RESULTS = path.join(__dirname, 'results');
const DEFAULT_CONCURRENCY = 10; // the nodes' Max Concurrent Requests default
const MAX_CONCURRENCY = 100; // the most the option allows
const WARM_UP_ITEMS = 200;
const LARGE = 5000; // sizes from here on take minutes per run: --rounds-large rounds

const options = parseArgs(process.argv.slice(2), {
	sizes: '1000,10000',
	providers: Object.keys(providers).join(','),
	rounds: 3,
	roundsLarge: 1,
	startupRuns: 5,
	startup: true,
	profile: false,
	countExpressions: true,
	out: RESULTS,
});
const log = (...parts) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);

async function main() {
	const sizes = list(options.sizes).map(Number);
	const selected = list(options.providers).map((id) => {
		if (!providers[id]) throw new Error(`Unknown provider ${id} (known: ${Object.keys(providers).join(', ')})`);
		return { id, ...providers[id] };
	});
	fs.mkdirSync(options.out, { recursive: true });

	log('building and packing the package (and installing n8n the first time)...');
	const tarball = preparePackage();
	const results = {
		meta: meta(sizes),
		tarball: tarballInfo(tarball),
		startup: undefined,
		providers: [],
	};

	const profileDir = options.profile ? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-prof-')) : undefined;
	const windows = [];
	const n8n = await startBenchN8n(freshUserFolder('n8n', tarball), { cpuProfDir: profileDir, countExpressions: options.countExpressions });
	log(`n8n is up at ${n8n.url} (pid ${n8n.pid})`);
	try {
		for (const provider of selected) {
			try {
				results.providers.push(await benchProvider(n8n, provider, sizes, windows));
			} catch (error) {
				// One provider's failure is reported; the others are still measured.
				log(`${provider.label} failed: ${error.stack}`);
				results.failures = [...(results.failures ?? []), { provider: provider.id, error: error.message }];
				process.exitCode = 1;
			}
			writeResults(results);
		}
	} finally {
		await n8n.stop();
	}

	if (profileDir) {
		const profile = profileSummary(profileDir, windows);
		fs.writeFileSync(path.join(options.out, 'profile.json'), `${JSON.stringify({ meta: results.meta, windows: profile }, null, '\t')}\n`);
		fs.rmSync(profileDir, { recursive: true, force: true });
	}
	if (options.startup) {
		log('measuring start-up time...');
		results.startup = await measureStartup(tarball, options.startupRuns, log);
	}
	writeResults(results);
	await drawChart(results, path.join(options.out, 'bench.svg'));
	printTable(results);
	log(`results in ${path.relative(ROOT, options.out)}/bench.json and bench.svg`);
}

async function benchProvider(n8n, provider, sizes, windows) {
	log(`${provider.label}: ${provider.operation}`);
	const mock = await provider.createMock().start();
	try {
		const credential = await n8n.client.createCredential(provider.credentialType, provider.credentialData(mock));
		const ours = (maxConcurrency) =>
			ourNode(provider, credential, maxConcurrency ? { ...provider.ours, requestOptions: { maxConcurrency } } : provider.ours);
		const http = httpRequestNode(provider, credential, provider.httpRequest(mock));
		const context = { ...n8n, mock };

		// Warm-up: loads each node's modules, fetches and stores a token where the
		// credential has one (ours first: it fetches it once), and checks that both nodes
		// send the same requests.
		const warmItems = provider.seed(mock, WARM_UP_ITEMS);
		const warmOurs = await checkedRun(context, ours(), warmItems, 'warm-up, ours');
		const oursShapes = updateShapes(provider, mock);
		const oursReplay = replayable(mock.requests.filter(provider.isUpdate));
		await checkedRun(context, http, warmItems, 'warm-up, HTTP Request');
		compareRequests(provider, oursShapes, updateShapes(provider, mock), 'warm-up');
		await runRaw(mock, oursReplay, DEFAULT_CONCURRENCY);
		log(`  warm-up done: both nodes send the same ${oursShapes.length} requests (e.g. ${oursReplay[0].method} ${oursReplay[0].path})`);

		const runs = [];
		for (const size of sizes) {
			const items = provider.seed(mock, size);
			const measure = async (label, node) => {
				const result = await checkedRun(context, node, items, `${size} items, ${label}`);
				windows.push({ name: `${provider.id} ${size} ${label}`, ...result.window });
				log(`  ${size} items, ${label}: ${describe(result)}`);
				return result;
			};
			const rounds = size >= LARGE ? options.roundsLarge : options.rounds;
			const kinds = { oursDefault: [], httpRun: [], oursEqual: [], rawDefault: [], rawEqual: [] };
			let equal;
			for (let round = 1; round <= rounds; round++) {
				const tag = rounds > 1 ? ` [${round}/${rounds}]` : '';
				// Ours first: a run that raises n8n's memory high-water mark is charged for it.
				const oursDefault = await measure(`ours (default, max ${DEFAULT_CONCURRENCY})${tag}`, ours());
				const oursShapes = updateShapes(provider, mock);
				const replay = replayable(mock.requests.filter(provider.isUpdate));
				const httpRun = await measure(`HTTP Request node${tag}`, http);
				compareRequests(provider, oursShapes, updateShapes(provider, mock), `${size} items`);
				// Equal concurrency: ours with Max Concurrent Requests set to the most requests the
				// HTTP Request node had open at once at the mock (within what the option allows),
				// as first seen at this size.
				equal ??= Math.max(1, Math.min(MAX_CONCURRENCY, observedConcurrency(httpRun)));
				const oursEqual = equal === DEFAULT_CONCURRENCY ? oursDefault : await measure(`ours (max ${equal})${tag}`, ours(equal));
				const rawDefault = await raw(mock, replay, DEFAULT_CONCURRENCY, size);
				const rawEqual = equal === DEFAULT_CONCURRENCY ? rawDefault : await raw(mock, replay, equal, size);
				Object.entries({ oursDefault, httpRun, oursEqual, rawDefault, rawEqual }).forEach(([kind, run]) => kinds[kind].push(run));
			}
			runs.push(summarise(size, equal, rounds, kinds));
		}
		return { id: provider.id, label: provider.label, operation: provider.operation, sameRequests: true, warmUpItems: warmOurs.outputItems, runs };
	} finally {
		await mock.stop();
	}
}

/**
 * The most requests a run had open at once at the mock: n8n opens a connection for each
 * request, so open connections count requests sent and not yet answered, including
 * those the mock has not read yet.
 */
function observedConcurrency(run) {
	return Math.max(run.inFlight.max, run.inFlight.maxConnections);
}

/** A measured run that must have produced one output item per input item, without error. */
async function checkedRun(context, node, items, label) {
	const result = await measuredRun(context, node, items);
	if (result.error) throw new Error(`${label}: the node failed: ${result.error}`);
	if (result.outputItems !== items.length) {
		throw new Error(`${label}: ${result.outputItems} output items for ${items.length} input items`);
	}
	result.requests = context.mock.requests.length;
	return result;
}

async function raw(mock, replay, concurrency, size) {
	const result = await runRaw(mock, replay, concurrency);
	if (result.ok !== size) throw new Error(`raw client at ${concurrency}: ${result.ok} of ${size} requests succeeded`);
	log(`  ${size} items, raw undici at ${concurrency}: ${Math.round(result.elapsedMs)} ms, in flight max ${result.inFlight.max}, connections max ${result.inFlight.maxConnections}`);
	return result;
}

/** The update requests the mock recorded, in a comparable form, sorted. */
function updateShapes(provider, mock) {
	return mock.requests
		.filter(provider.isUpdate)
		.map((request) => requestShape(provider, request))
		.sort();
}

/** Fails the bench when our node and the HTTP Request node did not send the same requests. */
function compareRequests(provider, ours, theirs, label) {
	const differing = ours.findIndex((shape, index) => shape !== theirs[index]);
	if (ours.length !== theirs.length || differing >= 0) {
		throw new Error(
			`${provider.label}, ${label}: our node and the HTTP Request node sent different requests ` +
				`(${ours.length} vs ${theirs.length}); first difference:\n ours: ${ours[Math.max(0, differing)]}\n HTTP: ${theirs[Math.max(0, differing)]}`,
		);
	}
}

const MB = 1024 * 1024;

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A node's figures over its rounds: medians, and the traffic of its median-time round. */
function nodeFigures(runs, size, maxConcurrency) {
	const med = (pick) => median(runs.map(pick));
	const executionTimeMs = med((run) => run.executionTimeMs);
	const typical = runs.find((run) => run.executionTimeMs === executionTimeMs) ?? runs[0];
	return {
		maxConcurrency,
		executionTimeMs,
		itemsPerSecond: Math.round((size / executionTimeMs) * 1000),
		roundsMs: runs.map((run) => run.executionTimeMs),
		wallMs: med((run) => run.wallMs),
		peakRssMB: round(med((run) => run.rss.peak) / MB, 1),
		rssFloorMB: round(med((run) => run.rss.baseline) / MB, 1),
		rssIncreaseMB: round(med((run) => run.rss.peak - run.rss.baseline) / MB, 1),
		peakHeapMB: round(med((run) => run.heap.peak) / MB, 1),
		heapFloorMB: round(med((run) => run.heap.floor) / MB, 1),
		heapIncreaseMB: round(med((run) => run.heap.peak - run.heap.floor) / MB, 1),
		longestStallMs: med((run) => run.longestStallMs),
		inFlight: typical.inFlight,
		requests: typical.requests,
		...(typical.expressions ? { expressions: typical.expressions } : {}),
	};
}

function rawFigures(runs, size, concurrency) {
	const timeMs = Math.round(median(runs.map((run) => run.elapsedMs)));
	return {
		concurrency,
		timeMs,
		itemsPerSecond: Math.round((size / timeMs) * 1000),
		roundsMs: runs.map((run) => Math.round(run.elapsedMs)),
		peakRssMB: round(median(runs.map((run) => run.peakRss)) / MB, 1),
		inFlight: runs[0].inFlight,
	};
}

function summarise(size, equal, rounds, kinds) {
	const figures = {
		size,
		rounds,
		equalConcurrency: equal,
		httpRequest: nodeFigures(kinds.httpRun, size, null),
		oursDefault: nodeFigures(kinds.oursDefault, size, DEFAULT_CONCURRENCY),
		oursEqual: nodeFigures(kinds.oursEqual, size, equal),
		rawDefault: rawFigures(kinds.rawDefault, size, DEFAULT_CONCURRENCY),
		rawEqual: rawFigures(kinds.rawEqual, size, equal),
	};
	const ratio = (a, b) => round(a / b, 2);
	const ratios = (ours, rawRun) => ({
		timeVsHttpRequest: ratio(ours.executionTimeMs, figures.httpRequest.executionTimeMs),
		peakRssVsHttpRequest: ratio(ours.peakRssMB, figures.httpRequest.peakRssMB),
		peakHeapVsHttpRequest: ratio(ours.peakHeapMB, figures.httpRequest.peakHeapMB),
		timeVsRaw: ratio(ours.executionTimeMs, rawRun.timeMs),
	});
	figures.ratios = {
		defaults: ratios(figures.oursDefault, figures.rawDefault),
		equalConcurrency: ratios(figures.oursEqual, figures.rawEqual),
	};
	return figures;
}

function describe(run) {
	const expressions = run.expressions ? `, ${run.expressions.perItem} expressions per item` : '';
	const mb = (bytes) => Math.round(bytes / MB);
	return (
		`${run.executionTimeMs} ms in the node${expressions} (${run.wallMs} ms webhook to recorded); ` +
		`RSS peak ${mb(run.rss.peak)} MB (floor ${mb(run.rss.baseline)}), heap peak ${mb(run.heap.peak)} MB (floor ${mb(run.heap.floor)}); ` +
		`event loop stalled up to ${run.longestStallMs} ms; requests from ${run.inFlight.firstRequestAfterMs} to ${run.inFlight.lastRequestAfterMs} ms; ` +
		`in flight max ${run.inFlight.max}, connections max ${run.inFlight.maxConnections} (${run.inFlight.connectionsOpened} opened)`
	);
}

function meta(sizes) {
	const n8nPackage = require(path.join(ROOT, '.cache/n8n-runtime/node_modules/n8n/package.json'));
	return {
		date: new Date().toISOString(),
		package: `${PACKAGE_NAME}@${require(path.join(ROOT, 'package.json')).version}`,
		n8n: n8nPackage.version,
		node: process.version,
		machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
		sizes,
		definitions: {
			executionTime: "the node's executionTime in the run data n8n recorded (Webhook → Split Out → node, one execution)",
			peakRss: 'peak VmRSS of the main n8n process (not its task runner), sampled every 50 ms from the webhook call until the execution is recorded',
			rssIncrease: 'peak RSS minus the RSS just before the run',
			peakHeap: "peak of V8's heap in use plus external memory (heapUsed + external), sampled every 50 ms inside the n8n process by a preloaded helper: unlike RSS it falls when garbage is collected, so it shows what the run itself holds",
			rounds: `sizes under ${LARGE} items run --rounds times (default 3), larger ones --rounds-large times (default 1), ours first in each round; figures are medians over the rounds`,
			defaults: `each node as it comes: ours with Max Concurrent Requests ${DEFAULT_CONCURRENCY}; the HTTP Request node without batching (it starts every item's request at once)`,
			equalConcurrency: `ours with Max Concurrent Requests set to the most requests the HTTP Request node had open at once at the mock in the same run (open connections: n8n opens one per request; at least 1, at most ${MAX_CONCURRENCY}, the option's maximum); the raw client with that many connections`,
			raw: 'undici Pool in a separate Node process, replaying the exact requests our node sent (method, URL, headers, body), reading and parsing each answer',
			longestStall: "the longest time n8n's event loop was blocked during the run (perf_hooks.monitorEventLoopDelay inside n8n, by the preloaded helper): while it is blocked, n8n answers no API call or webhook",
			inFlight: 'at the mock server: requests read and not yet answered (max, and mean of 10 ms samples while requests arrived) and open connections (max, mean, how many were opened)',
			memoryFloor: 'before each run n8n collects its garbage (gc() on a signal, through a preloaded helper) and its RSS is left to settle',
		},
	};
}

function writeResults(results) {
	fs.writeFileSync(path.join(options.out, 'bench.json'), `${JSON.stringify(results, null, '\t')}\n`);
}

function profileSummary(profileDir, windows) {
	const files = fs.readdirSync(profileDir).filter((file) => file.endsWith('.cpuprofile'));
	// The main n8n process writes the largest profile (its task runner idles).
	const main = files.map((file) => path.join(profileDir, file)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
	if (!main) return undefined;
	fs.copyFileSync(main, path.join(options.out, 'n8n.cpuprofile'));
	return aggregate(main, windows, { focus: [PACKAGE_NAME, 'n8n-core', 'n8n-workflow', 'n8n-nodes-base'] });
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
