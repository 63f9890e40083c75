// Preloaded into the measured n8n (NODE_OPTIONS=--require, with --expose-gc). It samples
// the process's own heap every 50 ms (what V8 has in use, which, unlike RSS, falls again
// when garbage is collected). On SIGUSR2 it:
// - writes the peak heap in use and the longest event-loop stall since the last signal
//   to $BENCH_SIGNAL_DONE;
// - collects garbage, so that every measured run starts from the same memory floor
//   instead of inheriting what the run before left for the collector;
// - with BENCH_EXPRESSION_COUNTS=<file> (`npm run bench -- --count-expressions`), writes
//   how many times n8n evaluated each expression since the last signal, and starts again
//   from zero. BENCH_EXPRESSION_SITES=1 adds where each evaluation came from (slow).
// - with BENCH_PACE=1 (bench:resilience), writes how the request pace of our nodes stood
//   over the run: its allowed concurrency and requests in flight, sampled every 50 ms
//   from the RequestPace objects the package creates (read, never changed: the pace is
//   not visible from outside n8n otherwise).
// Nothing here runs during a measured run except the sampling and counting asked for.
const fs = require('node:fs');
const Module = require('node:module');
const { monitorEventLoopDelay } = require('node:perf_hooks');

// The longest time n8n's event loop could not run anything else (its API, webhooks,
// timers) since the last signal.
const loopDelay = monitorEventLoopDelay({ resolution: 20 });
loopDelay.enable();

const outFile = process.env.BENCH_EXPRESSION_COUNTS;
const withSites = process.env.BENCH_EXPRESSION_SITES === '1';
let counts = new Map();
let sites = new Map();

const inUse = () => {
	const usage = process.memoryUsage();
	return usage.heapUsed + usage.external;
};
let peakInUse = inUse();
setInterval(() => {
	peakInUse = Math.max(peakInUse, inUse());
}, 50).unref();

const watchPace = process.env.BENCH_PACE === '1';
const paces = new Set();
let paceSamples = [];
if (watchPace) {
	let patched = false;
	const originalLoad = Module._load;
	Module._load = function load(...args) {
		const exported = originalLoad.apply(this, args);
		const prototype = exported?.RequestPace?.prototype;
		if (!patched && prototype && typeof prototype.acquire === 'function') {
			patched = true;
			const acquire = prototype.acquire;
			prototype.acquire = function tracked(...rest) {
				paces.add(this);
				return acquire.apply(this, rest);
			};
		}
		return exported;
	};
	setInterval(() => {
		for (const pace of paces) {
			if (pace.idle) paces.delete(pace);
			else paceSamples.push({ at: Date.now(), concurrency: pace.concurrency, inFlight: pace.inFlight, startGapMs: pace.startGapMs });
		}
	}, 50).unref();
}

if (outFile) {
	let patched = false;
	const originalLoad = Module._load;
	Module._load = function load(...args) {
		const exported = originalLoad.apply(this, args);
		const prototype = exported?.Expression?.prototype;
		if (!patched && prototype && typeof prototype.resolveSimpleParameterValue === 'function') {
			patched = true;
			const resolve = prototype.resolveSimpleParameterValue;
			prototype.resolveSimpleParameterValue = function counted(value, ...rest) {
				if (typeof value === 'string' && value.startsWith('=')) {
					const key = value.length > 160 ? `${value.slice(0, 157)}...` : value;
					counts.set(key, (counts.get(key) ?? 0) + 1);
					if (withSites) noteSite(key);
				}
				return resolve.call(this, value, ...rest);
			};
		}
		return exported;
	};
}

/** The first call sites outside n8n's expression code. */
function noteSite(key) {
	const forKey = sites.get(key) ?? new Map();
	sites.set(key, forKey);
	const limit = Error.stackTraceLimit;
	Error.stackTraceLimit = 30;
	const stack = new Error().stack.split('\n').slice(1);
	Error.stackTraceLimit = limit;
	const site = stack
		.map((line) => line.trim().replace(/^at /, ''))
		.filter((line) => !/n8nPreload|n8n-workflow\/(dist\/cjs|src)\/(expression|workflow-expression|workflow-data-proxy)\.[jt]s|node:internal/.test(line))
		.slice(0, 5)
		.map((line) => line.replace(/\(.*node_modules\//, '(').replace(/\/dist\//, '/'))
		.join(' < ');
	forKey.set(site, (forKey.get(site) ?? 0) + 1);
}

process.on('SIGUSR2', () => {
	if (watchPace && process.env.BENCH_PACE_FILE) {
		fs.writeFileSync(process.env.BENCH_PACE_FILE, JSON.stringify(paceSamples));
		paceSamples = [];
	}
	if (outFile) {
		const listing = [...sites.entries()].map(([expression, bySite]) => ({ expression, sites: Object.fromEntries(bySite) }));
		fs.writeFileSync(outFile, JSON.stringify({ counts: Object.fromEntries(counts), sites: listing }));
		counts = new Map();
		sites = new Map();
	}
	const peak = Math.max(peakInUse, inUse());
	const longestStallMs = Math.round(loopDelay.max / 1e6);
	loopDelay.reset();
	if (typeof globalThis.gc === 'function') globalThis.gc();
	peakInUse = inUse();
	if (process.env.BENCH_SIGNAL_DONE) {
		fs.writeFileSync(process.env.BENCH_SIGNAL_DONE, JSON.stringify({ at: process.hrtime.bigint().toString(), peakHeapInUse: peak, heapInUseAfterGc: peakInUse, longestStallMs }));
	}
});
