// npm run bench:cpu [-- --providers instantpay,fatora --sizes 1000,10000 --rounds 3 --profile --out FILE]
//
// CPU per item with answers at once: our node's Update operation against n8n's HTTP
// Request node sending the same requests, set up the two ways users set it up: secrets
// typed in as header values (no credential), and signed by our credential (Predefined
// Credential Type). One real n8n 2.40.7 with the packed package, mocks that answer at once
// (so the node's time is n8n's CPU time). For each run: the node's executionTime and the
// CPU time of the n8n process (user + system, from /proc) from the webhook call until
// the execution is recorded, both per item. Writes bench/results/cpu.json (or --out).
// With --profile, n8n runs under --cpu-prof and the JSON gets, per run, the CPU time
// per package and the functions that hold the most time, inclusive of what they call.
// A script, not a test: it reports figures and never fails on a time.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs, list } = require('./lib/args');
const { providers, requestShape } = require('./lib/providers');
const { preparePackage, freshUserFolder, startBenchN8n, ourNode, httpRequestNode, measuredRun } = require('./lib/n8n');
const { aggregate } = require('./lib/profile');
const { ROOT, PACKAGE_NAME } = require('../test/harness/n8nInstance');
const { Agent, setGlobalDispatcher } = require('undici');

// A new connection for every call to n8n (see bench/run.js).
setGlobalDispatcher(new Agent({ pipelining: 0 }));

const WARM_UP_ITEMS = 200;
const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

const options = parseArgs(process.argv.slice(2), {
	providers: 'instantpay,fatora,apipagos',
	sizes: '1000,10000',
	rounds: 3,
	roundsLarge: 1,
	profile: false,
	out: path.join(__dirname, 'results', 'cpu.json'),
});
const log = (...parts) => console.error(`[cpu ${new Date().toISOString().slice(11, 19)}]`, ...parts);

/**
 * The headers the provider's credential adds, typed in as header values: what a user of
 * the HTTP Request node without a credential writes. Fatora's bearer token is the one
 * the mock issued last (to our node's credential, in the warm-up).
 */
const secretHeaders = {
	instantpay: () => ({
		'X-Ipay-Auth-Code': '1',
		'X-Ipay-Client-Id': 'ipay_bench_client',
		'X-Ipay-Client-Secret': 'ipay_bench_secret',
		'X-Ipay-Endpoint-Ip': '203.0.113.10',
	}),
	fatora: (mock) => ({ Authorization: `Bearer ${mock.issuedTokens.at(-1)}` }),
	apipagos: () => ({ 'Company-Token': 'ct_bench_apipagos_token' }),
};

/** The HTTP Request node without a credential, the secrets as header values. */
function headerValuesNode(provider, mock) {
	const parameters = provider.httpRequest(mock);
	const headers = Object.entries(secretHeaders[provider.id](mock)).map(([name, value]) => ({ name, value }));
	return {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			...parameters,
			authentication: 'none',
			headerParameters: { parameters: [...parameters.headerParameters.parameters, ...headers] },
		},
	};
}

/** CPU time (user + system) the process has used, in ms. */
function cpuMsOf(pid) {
	const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	// After "pid (comm) ": state is field 0, utime 11, stime 12.
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

async function main() {
	const sizes = list(options.sizes).map(Number);
	const selected = list(options.providers).map((id) => {
		if (!providers[id] || !secretHeaders[id]) throw new Error(`Unknown provider ${id} (known: ${Object.keys(secretHeaders).join(', ')})`);
		return { id, ...providers[id] };
	});
	log('building and packing the package (and installing n8n the first time)...');
	const tarball = preparePackage();
	const profileDir = options.profile ? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cpu-prof-')) : undefined;
	const n8n = await startBenchN8n(freshUserFolder('n8n-cpu', tarball), { cpuProfDir: profileDir });
	log(`n8n is up at ${n8n.url} (pid ${n8n.pid})`);
	const results = { meta: meta(sizes), providers: [] };
	const windows = [];
	fs.mkdirSync(path.dirname(options.out), { recursive: true });
	const write = () => fs.writeFileSync(options.out, `${JSON.stringify(results, null, '\t')}\n`);
	try {
		// Written after each provider: a run cut short keeps what it measured.
		for (const provider of selected) {
			results.providers.push(await benchProvider(n8n, provider, sizes, windows));
			write();
		}
	} finally {
		await n8n.stop();
	}
	if (profileDir) {
		attachProfile(results, profileDir, windows);
		fs.rmSync(profileDir, { recursive: true, force: true });
	}
	write();
	printTable(results);
	log(`results in ${path.relative(ROOT, options.out)}`);
}

async function benchProvider(n8n, provider, sizes, windows) {
	log(`${provider.label}: ${provider.operation}`);
	const mock = await provider.createMock().start();
	try {
		const credential = await n8n.client.createCredential(provider.credentialType, provider.credentialData(mock));
		const context = { ...n8n, mock };
		const warmItems = provider.seed(mock, WARM_UP_ITEMS);
		// Ours first: it fetches and stores a token where the credential has one.
		const nodes = { ours: ourNode(provider, credential, provider.ours) };
		await checkedRun(context, nodes.ours, warmItems, 'warm-up, ours');
		const oursSent = sentRequests(provider, mock);
		nodes.headerValues = headerValuesNode(provider, mock);
		nodes.predefinedCredential = httpRequestNode(provider, credential, provider.httpRequest(mock));
		// The same requests from all three, or the comparison means nothing.
		for (const kind of ['headerValues', 'predefinedCredential']) {
			await checkedRun(context, nodes[kind], warmItems, `warm-up, ${kind}`);
			if (sentRequests(provider, mock) !== oursSent) throw new Error(`${provider.label}: ours and the HTTP Request node (${kind}) sent different requests`);
		}

		const runs = [];
		for (const size of sizes) {
			const items = provider.seed(mock, size);
			const rounds = size >= 5000 ? options.roundsLarge : options.rounds;
			const byKind = { ours: [], headerValues: [], predefinedCredential: [] };
			for (let round = 1; round <= rounds; round++) {
				for (const kind of Object.keys(byKind)) {
					const label = `${provider.id} ${size} ${kind} [${round}/${rounds}]`;
					const before = cpuMsOf(n8n.pid);
					const result = await checkedRun(context, nodes[kind], items, label);
					const cpuMs = cpuMsOf(n8n.pid) - before;
					windows.push({ name: label, ...result.window });
					byKind[kind].push({ executionTimeMs: result.executionTimeMs, cpuMs });
					log(`  ${label}: ${perItem(result.executionTimeMs, size)} ms/item in the node, ${perItem(cpuMs, size)} ms/item n8n CPU`);
				}
			}
			runs.push(summarise(size, rounds, byKind));
		}
		return { id: provider.id, label: provider.label, operation: provider.operation, runs };
	} finally {
		await mock.stop();
	}
}

async function checkedRun(context, node, items, label) {
	const result = await measuredRun(context, node, items);
	if (result.error) throw new Error(`${label}: the node failed: ${result.error}`);
	if (result.outputItems !== items.length) throw new Error(`${label}: ${result.outputItems} output items for ${items.length} input items`);
	return result;
}

/** The update requests of the last run, as the mock recorded them (see requestShape), in one text. */
const sentRequests = (provider, mock) =>
	JSON.stringify(mock.requests.filter(provider.isUpdate).map((request) => requestShape(provider, request)).sort());

const perItem = (ms, size) => Math.round((ms / size) * 1000) / 1000;

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summarise(size, rounds, byKind) {
	const figures = { size, rounds };
	for (const [kind, runs] of Object.entries(byKind)) {
		figures[kind] = {
			msPerItem: perItem(median(runs.map((run) => run.executionTimeMs)), size),
			cpuMsPerItem: perItem(median(runs.map((run) => run.cpuMs)), size),
			roundsExecutionTimeMs: runs.map((run) => run.executionTimeMs),
			roundsCpuMs: runs.map((run) => run.cpuMs),
		};
	}
	const ratio = (a, b) => Math.round((a / b) * 100) / 100;
	figures.ratios = {
		timeVsHeaderValues: ratio(figures.ours.msPerItem, figures.headerValues.msPerItem),
		timeVsPredefinedCredential: ratio(figures.ours.msPerItem, figures.predefinedCredential.msPerItem),
		cpuVsHeaderValues: ratio(figures.ours.cpuMsPerItem, figures.headerValues.cpuMsPerItem),
		cpuVsPredefinedCredential: ratio(figures.ours.cpuMsPerItem, figures.predefinedCredential.cpuMsPerItem),
	};
	return figures;
}

/** Per run: CPU time per package, and the functions holding the most time including what they call. */
function attachProfile(results, profileDir, windows) {
	const files = fs.readdirSync(profileDir).filter((file) => file.endsWith('.cpuprofile'));
	const main = files.map((file) => path.join(profileDir, file)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
	if (!main) return;
	const out = options.out.replace(/\.json$/, '.cpuprofile');
	fs.copyFileSync(main, out);
	const packages = aggregate(main, windows);
	const inclusive = inclusiveTimes(main, windows);
	results.profile = packages.map((window, index) => ({
		name: window.name,
		totalMs: window.totalMs,
		packages: window.packages.slice(0, 12),
		inclusive: inclusive[index],
	}));
	log(`raw profile in ${path.relative(ROOT, out)} (not committed)`);
}

/** Time per function (named by package, name and line), counting the time of what it calls, within each window. */
function inclusiveTimes(profileFile, windows, top = 40) {
	const profile = JSON.parse(fs.readFileSync(profileFile, 'utf8'));
	const parentOf = new Map();
	for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const label = (frame) => {
		const url = frame.url ?? '';
		const at = url.lastIndexOf('node_modules/');
		const file = at >= 0 ? url.slice(at + 13) : url.split('/').slice(-2).join('/');
		return `${frame.functionName || '(anonymous)'} (${file}:${frame.lineNumber + 1})`;
	};
	const sums = windows.map(() => new Map());
	let time = profile.startTime;
	for (let i = 0; i < profile.samples.length; i++) {
		time += profile.timeDeltas[i];
		const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000;
		windows.forEach((window, index) => {
			if (time < window.from || time > window.to) return;
			const seen = new Set();
			for (let id = profile.samples[i]; id !== undefined; id = parentOf.get(id)) {
				const name = label(byId.get(id).callFrame);
				if (seen.has(name)) continue;
				seen.add(name);
				sums[index].set(name, (sums[index].get(name) ?? 0) + ms);
			}
		});
	}
	return sums.map((sum) =>
		[...sum.entries()]
			.filter(([name]) => !name.startsWith('(root)') && !name.startsWith('(program)') && !name.startsWith('(idle)'))
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([name, ms]) => ({ name, ms: Math.round(ms) })),
	);
}

function printTable(results) {
	const rows = ['| Provider | Items | Ours ms/item | HTTP Request, header values | HTTP Request, predefined credential | ours / header values | ours / predefined credential |', '|---|---:|---:|---:|---:|---:|---:|'];
	for (const provider of results.providers) {
		for (const run of provider.runs) {
			const cell = (kind) => `${run[kind].msPerItem} (CPU ${run[kind].cpuMsPerItem})`;
			rows.push(`| ${provider.label} | ${run.size.toLocaleString('en-US')} | ${cell('ours')} | ${cell('headerValues')} | ${cell('predefinedCredential')} | **${run.ratios.timeVsHeaderValues}** | ${run.ratios.timeVsPredefinedCredential} |`);
		}
	}
	console.log(rows.join('\n'));
}

function meta(sizes) {
	const n8nPackage = require(path.join(ROOT, '.cache/n8n-runtime/node_modules/n8n/package.json'));
	return {
		date: new Date().toISOString(),
		package: `${PACKAGE_NAME}@${require(path.join(ROOT, 'package.json')).version}`,
		commit: gitCommit(),
		n8n: n8nPackage.version,
		node: process.version,
		machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
		sizes,
		rounds: `${options.rounds} under 5,000 items, ${options.roundsLarge} from 5,000 on; medians`,
		definitions: {
			msPerItem: "the node's executionTime in the run data n8n recorded (Webhook → Split Out → node), divided by the items",
			cpuMsPerItem: 'CPU time (user + system, all threads) of the main n8n process from the webhook call until the execution is recorded, divided by the items: the node, and the same Split Out and recording for every kind',
			headerValues: 'HTTP Request node 4.2 without a credential, the secrets typed in as header values',
			predefinedCredential: "HTTP Request node 4.2 signed by our node's credential (Authentication → Predefined Credential Type)",
		},
	};
}

function gitCommit() {
	try {
		return require('node:child_process').execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
	} catch {
		return undefined;
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
