// npm run bench [-- --quick --add --providers instantpay,apipagos --scenarios instant,latency100
//                  --rounds 1 --startup-runs 3 --no-startup --no-count-expressions --profile --out DIR]
//
// Our nodes' Update operation against providers that behave like real ones (answers at
// once, a round trip of 20, 100 or 300 ms, a capacity of 5 or 50 requests at once, 50
// requests per second, 10% random 429s; see lib/scenarios.js), in n8n 2.40.7, next to
// n8n's HTTP Request node sending the same requests (secrets as header values, and
// signed by our credential) and a bare HTTP client (undici) outside n8n at the
// concurrency ours reached: time, items per second, requests in flight at the mock, peak
// heap and RSS of the n8n process, longest event-loop stall, items lost or duplicated,
// and each scenario's target. Plus the packed tarball's size and what it adds to n8n's
// start-up. Writes bench/results/bench.json and bench/results/bench.svg and prints a table.
// --quick measures the smallest size of each scenario only; --add keeps the last results'
// other scenarios (a full run in parts). With --profile, n8n runs
// under --cpu-prof, and bench/results/profile.json gets its CPU time per package during
// each measured run (the raw profile: bench/results/n8n.cpuprofile, not committed).
// A script, not a test: it reports figures and never fails on a time.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs, list } = require('./lib/args');
const { providers, requestShape } = require('./lib/providers');
const { scenarios, quickSizes, targetsOf } = require('./lib/scenarios');
const { preparePackage, freshUserFolder, startBenchN8n, ourNode, httpRequestNode, plainHttpRequestNode, measuredRun } = require('./lib/n8n');
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
let earlier; // --add: the last results' other scenarios
const WARM_UP_ITEMS = 200;

const options = parseArgs(process.argv.slice(2), {
	providers: 'instantpay',
	scenarios: Object.keys(scenarios).join(','),
	quick: false,
	add: false,
	rounds: 1,
	startupRuns: 3,
	startup: true,
	profile: false,
	countExpressions: true,
	out: RESULTS,
});
const log = (...parts) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);

async function main() {
	const selected = list(options.providers).map((id) => {
		if (!providers[id]) throw new Error(`Unknown provider ${id} (known: ${Object.keys(providers).join(', ')})`);
		return { id, ...providers[id] };
	});
	const grid = list(options.scenarios).map((id) => {
		if (!scenarios[id]) throw new Error(`Unknown scenario ${id} (known: ${Object.keys(scenarios).join(', ')})`);
		return { id, ...scenarios[id], sizes: options.quick ? quickSizes(scenarios[id]) : scenarios[id].sizes };
	});
	fs.mkdirSync(options.out, { recursive: true });

	log('building and packing the package (and installing n8n the first time)...');
	const tarball = preparePackage();
	const results = {
		meta: meta(grid),
		tarball: tarballInfo(tarball),
		startup: undefined,
		providers: [],
	};
	// --add: the scenarios of the last results that this run does not measure are kept
	// (a full run split into parts, each short enough for a quiet machine).
	earlier = options.add ? readEarlier(grid) : undefined;

	const profileDir = options.profile ? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-prof-')) : undefined;
	const windows = [];
	const n8n = await startBenchN8n(freshUserFolder('n8n', tarball), { cpuProfDir: profileDir, countExpressions: options.countExpressions });
	log(`n8n is up at ${n8n.url} (pid ${n8n.pid})`);
	try {
		for (const provider of selected) {
			try {
				const entry = { id: provider.id, label: provider.label, operation: provider.operation, scenarios: [] };
				results.providers.push(entry);
				await benchProvider(n8n, provider, grid, windows, entry, () => writeResults(results));
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
	if (options.startup && !options.quick) {
		log('measuring start-up time...');
		results.startup = await measureStartup(tarball, options.startupRuns, log);
	}
	writeResults(results);
	await drawChart(results, path.join(options.out, 'bench.svg'));
	printTable(results);
	log(`results in ${path.relative(ROOT, options.out)}/bench.json and bench.svg`);
}

async function benchProvider(n8n, provider, grid, windows, entry, save) {
	log(`${provider.label}: ${provider.operation}`);
	const mock = await provider.createMock().start();
	try {
		const credential = await n8n.client.createCredential(provider.credentialType, provider.credentialData(mock));
		const nodes = {
			ours: ourNode(provider, credential, provider.ours),
			...(provider.secretHeaders ? { httpHeaders: plainHttpRequestNode(provider.httpRequest(mock, provider.secretHeaders)) } : {}),
			httpCredential: httpRequestNode(provider, credential, provider.httpRequest(mock)),
		};
		nodes.oursFaultFree = nodes.ours;
		const context = { ...n8n, mock };

		// Warm-up: loads each node's modules, fetches and stores a token where the
		// credential has one (ours first: it fetches it once), and checks that every node
		// sends the same requests.
		const warmItems = provider.seed(mock, WARM_UP_ITEMS);
		await mustSucceed(await checkedRun(context, nodes.ours, warmItems), 'warm-up, ours');
		const oursShapes = updateShapes(provider, mock);
		const oursReplay = replayable(mock.requests.filter(provider.isUpdate));
		for (const runner of ['httpHeaders', 'httpCredential'].filter((name) => nodes[name])) {
			await mustSucceed(await checkedRun(context, nodes[runner], warmItems), `warm-up, ${runner}`);
			compareRequests(provider, oursShapes, updateShapes(provider, mock), `warm-up, ${runner}`);
		}
		await runRaw(mock, oursReplay, 10);
		log(`  warm-up done: every node sends the same ${oursShapes.length} requests (e.g. ${oursReplay[0].method} ${oursReplay[0].path})`);

		for (const scenario of grid) {
			for (const size of scenario.sizes) {
				const items = provider.seed(mock, size);
				const prepare = () => scenario.prepare(mock, provider);
				const rounds = Object.fromEntries(scenario.runners.map((runner) => [runner, []]));
				for (let round = 1; round <= options.rounds; round++) {
					const tag = `${scenario.id}, ${size} items${options.rounds > 1 ? ` [${round}/${options.rounds}]` : ''}`;
					let replay;
					let refusals;
					for (const runner of scenario.runners) {
						if (runner === 'raw') {
							// The bare client at the concurrency ours reached at the mock.
							const concurrency = Math.max(1, rounds.ours.at(-1).inFlight.max);
							const result = await runRaw(mock, replay, concurrency, prepare);
							log(`  ${tag}, raw undici at ${concurrency}: ${Math.round(result.elapsedMs)} ms, ${result.ok} ok, in flight max ${result.inFlight.max}`);
							rounds.raw.push({ ...result, concurrency });
							continue;
						}
						if (!nodes[runner]) continue;
						const faultFree = runner === 'oursFaultFree';
						const result = await checkedRun(context, nodes[runner], items, faultFree ? undefined : prepare);
						result.delivery = delivery(provider, mock, size);
						if (runner === 'ours' && scenario.retryAfterMs) refusals = refusalsPerItem(provider, mock);
						if (faultFree && refusals) result.retryAfterFloorMs = retryAfterFloor(provider, mock, result, refusals, scenario.retryAfterMs);
						windows.push({ name: `${provider.id} ${tag} ${runner}`, ...result.window });
						log(`  ${tag}, ${runner}: ${describe(result)}`);
						if (runner === 'ours') replay = replayable(mock.requests.filter((request) => provider.isUpdate(request) && request.answeredWith === undefined));
						rounds[runner].push(result);
					}
				}
				const runs = Object.fromEntries(
					Object.entries(rounds)
						.filter(([, list]) => list.length)
						.map(([runner, list]) => [runner, runner === 'raw' ? rawFigures(list, size) : nodeFigures(list, size)]),
				);
				const targets = targetsOf(scenario, size, runs);
				for (const target of targets.filter((t) => !t.met)) log(`  ${scenario.id}, ${size} items: target missed: ${target.target} = ${target.value} (at most ${target.limit})`);
				entry.scenarios.push({ id: scenario.id, label: scenario.label, kind: scenario.kind, size, rounds: options.rounds, runs, targets });
				save();
			}
		}
	} finally {
		await mock.stop();
	}
}

/** A measured run; `error` says why it did not give one output item per input item. */
async function checkedRun(context, node, items, prepareMock) {
	const result = await measuredRun(context, node, items, prepareMock);
	if (!result.error && result.outputItems !== items.length) result.error = `${result.outputItems} output items for ${items.length} input items`;
	result.requests = context.mock.requests.length;
	return result;
}

async function mustSucceed(result, label) {
	if (result.error) throw new Error(`${label}: the node failed: ${result.error}`);
	return result;
}

/**
 * Items lost or duplicated, from what the mock answered: every item's update must have
 * been answered with success exactly once (429s and dropped requests do not count).
 */
function delivery(provider, mock, size) {
	const updates = mock.requests.filter(provider.isUpdate);
	const succeeded = updates.filter((request) => request.answeredWith === undefined);
	const distinct = new Set(succeeded.map((request) => `${request.rawUrl} ${request.rawBody}`)).size;
	return {
		requests: updates.length,
		answered429: updates.filter((request) => request.answeredWith === 429).length,
		lost: size - distinct,
		duplicated: succeeded.length - distinct,
	};
}

/** How many times each item's update was answered 429, by item (URL and body). */
function refusalsPerItem(provider, mock) {
	const refusals = new Map();
	for (const request of mock.requests.filter(provider.isUpdate)) {
		const key = `${request.rawUrl} ${request.rawBody}`;
		refusals.set(key, (refusals.get(key) ?? 0) + (request.answeredWith === 429 ? 1 : 0));
	}
	return refusals;
}

/**
 * The least time any node honouring Retry-After could take over the faulty run: the
 * fault-free run (just recorded by the mock), each item's answer held back by the
 * Retry-After waits its 429s cost it in ours. An item refused twice in the last second
 * ends the run at least two seconds after the fault-free run would have.
 */
function retryAfterFloor(provider, mock, faultFreeRun, refusals, retryAfterMs) {
	const updates = mock.requests.filter(provider.isUpdate);
	const first = Math.min(...updates.map((request) => request.at));
	const span = Math.max(...updates.map((request) => request.at)) - first;
	let floorSpan = span;
	for (const request of updates) {
		const refused = refusals.get(`${request.rawUrl} ${request.rawBody}`) ?? 0;
		floorSpan = Math.max(floorSpan, request.at - first + refused * retryAfterMs);
	}
	return faultFreeRun.executionTimeMs - span + floorSpan;
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
function nodeFigures(runs, size) {
	const failed = runs.find((run) => run.error);
	if (failed) return { error: failed.error, roundsMs: runs.map((run) => run.executionTimeMs) };
	const med = (pick) => median(runs.map(pick));
	const executionTimeMs = med((run) => run.executionTimeMs);
	const typical = runs.find((run) => run.executionTimeMs === executionTimeMs) ?? runs[0];
	return {
		executionTimeMs,
		itemsPerSecond: Math.round((size / executionTimeMs) * 1000),
		roundsMs: runs.map((run) => run.executionTimeMs),
		wallMs: med((run) => run.wallMs),
		peakRssMB: round(med((run) => run.rss.peak) / MB, 1),
		rssFloorMB: round(med((run) => run.rss.baseline) / MB, 1),
		peakHeapMB: round(med((run) => run.heap.peak) / MB, 1),
		heapFloorMB: round(med((run) => run.heap.floor) / MB, 1),
		heapIncreaseMB: round(med((run) => run.heap.peak - run.heap.floor) / MB, 1),
		longestStallMs: med((run) => run.longestStallMs),
		inFlight: typical.inFlight,
		delivery: {
			...typical.delivery,
			lost: Math.max(...runs.map((run) => run.delivery.lost)),
			duplicated: Math.max(...runs.map((run) => run.delivery.duplicated)),
		},
		...(typical.expressions ? { expressionsPerItem: typical.expressions.perItem } : {}),
		...(typical.retryAfterFloorMs ? { retryAfterFloorMs: med((run) => run.retryAfterFloorMs) } : {}),
	};
}

function rawFigures(runs, size) {
	const timeMs = Math.round(median(runs.map((run) => run.elapsedMs)));
	return {
		concurrency: runs[0].concurrency,
		timeMs,
		itemsPerSecond: Math.round((size / timeMs) * 1000),
		roundsMs: runs.map((run) => Math.round(run.elapsedMs)),
		peakRssMB: round(median(runs.map((run) => run.peakRss)) / MB, 1),
		inFlight: runs[0].inFlight,
	};
}

function describe(run) {
	if (run.error) return `failed: ${run.error}`;
	const expressions = run.expressions ? `, ${run.expressions.perItem} expressions per item` : '';
	const mb = (bytes) => Math.round(bytes / MB);
	return (
		`${run.executionTimeMs} ms in the node${expressions} (${run.wallMs} ms webhook to recorded); ` +
		`RSS peak ${mb(run.rss.peak)} MB (floor ${mb(run.rss.baseline)}), heap peak ${mb(run.heap.peak)} MB (floor ${mb(run.heap.floor)}); ` +
		`event loop stalled up to ${run.longestStallMs} ms; requests from ${run.inFlight.firstRequestAfterMs} to ${run.inFlight.lastRequestAfterMs} ms; ` +
		`in flight max ${run.inFlight.max} (${run.inFlight.maxAfterFirstSecond} after the first second); ` +
		`${run.delivery.lost} lost, ${run.delivery.duplicated} duplicated, ${run.delivery.answered429} answered 429` +
		(run.retryAfterFloorMs ? `; with ours' 429s, honouring Retry-After, at least ${run.retryAfterFloorMs} ms` : '')
	);
}

function meta(grid) {
	const n8nPackage = require(path.join(ROOT, '.cache/n8n-runtime/node_modules/n8n/package.json'));
	return {
		date: new Date().toISOString(),
		package: `${PACKAGE_NAME}@${require(path.join(ROOT, 'package.json')).version}`,
		n8n: n8nPackage.version,
		node: process.version,
		machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
		quick: options.quick,
		scenarios: grid.map(({ id, label, sizes, runners }) => ({ id, label, sizes, runners })),
		definitions: {
			ours: 'our node at its defaults: Max Concurrent Requests empty, so the adaptive limit decides how many requests are in flight',
			httpHeaders: "n8n's HTTP Request node (4.2) without a credential, the secrets typed in as header values; it starts every item's request at once",
			httpCredential: "n8n's HTTP Request node (4.2) signed by our credential (Predefined Credential Type); it reads the credential for every item",
			raw: 'undici Pool in a separate Node process, replaying the requests our node sent (method, URL, headers, body) with as many connections as ours had requests in flight at most, reading and parsing each answer',
			executionTime: "the node's executionTime in the run data n8n recorded (Webhook → Split Out → node, one execution)",
			inFlight: 'at the mock server: requests read and not yet answered (including those queued behind a capacity); maxAfterFirstSecond counts from one second after the first request',
			peakHeap: "peak of V8's heap in use plus external memory (heapUsed + external), sampled every 50 ms inside the n8n process by a preloaded helper; heapIncrease is over the floor after collecting garbage before the run",
			peakRss: 'peak VmRSS of the main n8n process, sampled every 50 ms (a high-water mark)',
			longestStall: "the longest time n8n's event loop was blocked during the run (perf_hooks.monitorEventLoopDelay inside n8n, by the preloaded helper)",
			delivery: 'from the requests the mock recorded: items whose update was never answered with success (lost) or more than once (duplicated)',
			rounds: 'each runner --rounds times (default 1); figures are medians over the rounds',
		},
	};
}

/** The last results, without the scenarios this run measures. */
function readEarlier(grid) {
	const file = path.join(options.out, 'bench.json');
	if (!fs.existsSync(file)) return undefined;
	const earlier = JSON.parse(fs.readFileSync(file, 'utf8'));
	if (!earlier.meta.scenarios) return undefined; // results of the bench before its scenarios
	const measured = new Set(grid.map((scenario) => scenario.id));
	for (const provider of earlier.providers) provider.scenarios = provider.scenarios.filter((scenario) => !measured.has(scenario.id));
	earlier.meta.scenarios = earlier.meta.scenarios.filter((scenario) => !measured.has(scenario.id));
	return earlier;
}

function mergeEarlier(results, earlier) {
	const ids = new Set(earlier.meta.scenarios.map((scenario) => scenario.id));
	results.meta.scenarios = [...earlier.meta.scenarios, ...results.meta.scenarios.filter((scenario) => !ids.has(scenario.id))];
	results.meta.earlierParts = [...(earlier.meta.earlierParts ?? []), { date: earlier.meta.date, scenarios: [...ids] }];
	results.startup ??= earlier.startup;
	for (const provider of earlier.providers) {
		const now = results.providers.find((entry) => entry.id === provider.id);
		if (now) now.scenarios = [...provider.scenarios, ...now.scenarios.filter((scenario) => !provider.scenarios.some((old) => old.id === scenario.id))];
		else results.providers.push(provider);
	}
	const order = Object.keys(scenarios);
	for (const provider of results.providers) provider.scenarios.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id) || a.size - b.size);
}

function writeResults(results) {
	if (earlier) mergeEarlier(results, structuredClone(earlier));
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
