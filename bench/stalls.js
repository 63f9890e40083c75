// The longest stretch n8n's event loop was busy without a break, in each measured run of a
// profiled bench (`npm run bench -- --profile`): how long, and which functions it was in.
// That stretch is the longest time n8n could not answer a webhook or an API call.
//   node bench/stalls.js [--profile bench/results/n8n.cpuprofile] [--windows bench/results/profile.json]
//                        [--out bench/results/stalls.json] [--top 12]
// A stretch ends at a sample of V8's "(idle)" (the loop waiting for I/O); garbage
// collection and n8n's own code both count as busy.
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('./lib/args');
const { packageOf } = require('./lib/profile');

const RESULTS = path.join(__dirname, 'results');
const options = parseArgs(process.argv.slice(2), {
	profile: path.join(RESULTS, 'n8n.cpuprofile'),
	windows: path.join(RESULTS, 'profile.json'),
	out: path.join(RESULTS, 'stalls.json'),
	top: 12,
});

const frameName = ({ functionName, url, lineNumber }) =>
	`${functionName || '(anonymous)'} (${url ? `${url.split('/').slice(-2).join('/')}:${lineNumber + 1}` : 'V8'})`;

function longestBusyStretches(profile, windows, top) {
	const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
	const parentOf = new Map();
	for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
	const samples = [];
	let time = profile.startTime;
	for (let i = 0; i < profile.samples.length; i++) {
		time += profile.timeDeltas[i];
		samples.push({ time, id: profile.samples[i], idle: nodeById.get(profile.samples[i]).callFrame.functionName === '(idle)' });
	}
	return windows.map((window) => {
		let best = { from: 0, to: 0 };
		let start;
		for (const sample of samples) {
			if (sample.time < window.from || sample.time > window.to) continue;
			if (sample.idle) start = undefined;
			else {
				start ??= sample.time;
				if (sample.time - start > best.to - best.from) best = { from: start, to: sample.time };
			}
		}
		// Time per function with its callees (each frame once per sample), and per package (self).
		const inclusive = new Map();
		const packages = new Map();
		let count = 0;
		for (const sample of samples) {
			if (sample.time < best.from || sample.time > best.to) continue;
			count++;
			const node = nodeById.get(sample.id);
			const pkg = packageOf(node.callFrame);
			packages.set(pkg, (packages.get(pkg) ?? 0) + 1);
			const seen = new Set();
			for (let id = sample.id; id !== undefined; id = parentOf.get(id)) {
				const name = `${packageOf(nodeById.get(id).callFrame)}: ${frameName(nodeById.get(id).callFrame)}`;
				if (seen.has(name)) continue;
				seen.add(name);
				inclusive.set(name, (inclusive.get(name) ?? 0) + 1);
			}
		}
		const share = (map, limit) =>
			[...map.entries()]
				.sort((a, b) => b[1] - a[1])
				.slice(0, limit)
				.map(([name, n]) => ({ name, percent: Math.round((100 * n) / Math.max(1, count)) }));
		return {
			name: window.name,
			longestBusyMs: Math.round((best.to - best.from) / 1000),
			startsAfterMs: Math.round((best.from - window.from) / 1000),
			windowMs: Math.round((window.to - window.from) / 1000),
			packages: share(packages, top),
			// Frames that are on most of its samples: the outermost are the event that ran, the
			// innermost with a high share what it spent its time on.
			functions: share(inclusive, 3 * top).filter((entry) => !entry.name.startsWith('(root)')),
		};
	});
}

const profile = JSON.parse(fs.readFileSync(options.profile, 'utf8'));
const { meta, windows } = JSON.parse(fs.readFileSync(options.windows, 'utf8'));
const stalls = longestBusyStretches(profile, windows, options.top);
fs.writeFileSync(options.out, `${JSON.stringify({ meta, stalls }, null, '\t')}\n`);
for (const stall of stalls) {
	console.log(`${stall.name}: busy for ${stall.longestBusyMs} ms without a break, from ${stall.startsAfterMs} ms into the ${stall.windowMs} ms run`);
	for (const entry of stall.functions.slice(0, 20)) console.log(`  ${String(entry.percent).padStart(3)}%  ${entry.name}`);
}
