// Reads a V8 .cpuprofile (node --cpu-prof) of the n8n process and sums the CPU time
// spent in each package during given time windows: where n8n spends a run's time.
const fs = require('node:fs');

/** CLOCK_MONOTONIC in microseconds: the clock V8 stamps profile samples with. */
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

/** The package a script belongs to (`n8n-core`, `@n8n/di`, ...), or a bucket for V8 and Node itself. */
function packageOf(callFrame) {
	const url = callFrame.url ?? '';
	if (!url) {
		const name = callFrame.functionName;
		return ['(garbage collector)', '(idle)', '(program)'].includes(name) ? name : '(native)';
	}
	if (url.startsWith('node:')) return 'node (built-in modules)';
	const parts = url.replace(/^file:\/\//, '').split('/');
	const at = parts.lastIndexOf('node_modules');
	if (at < 0) return '(other)';
	return parts[at + 1].startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
}

/**
 * Self time per package (ms) within each window { name, from, to } (monotonic µs), plus
 * the busiest functions of `focus` packages.
 */
function aggregate(profileFile, windows, { focus = [], topFunctions = 15 } = {}) {
	const profile = JSON.parse(fs.readFileSync(profileFile, 'utf8'));
	const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
	const results = windows.map((window) => ({ ...window, totalMs: 0, packages: new Map(), functions: new Map() }));
	let time = profile.startTime;
	for (let i = 0; i < profile.samples.length; i++) {
		time += profile.timeDeltas[i];
		const intervalMs = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000;
		const node = nodeById.get(profile.samples[i]);
		const pkg = packageOf(node.callFrame);
		for (const result of results) {
			if (time < result.from || time > result.to) continue;
			result.totalMs += intervalMs;
			result.packages.set(pkg, (result.packages.get(pkg) ?? 0) + intervalMs);
			if (focus.includes(pkg)) {
				const { functionName, url, lineNumber } = node.callFrame;
				const key = `${pkg}: ${functionName || '(anonymous)'} (${url.split('/').slice(-2).join('/')}:${lineNumber + 1})`;
				result.functions.set(key, (result.functions.get(key) ?? 0) + intervalMs);
			}
		}
	}
	const sorted = (map, limit = Infinity) =>
		[...map.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, limit)
			.map(([name, ms]) => ({ name, ms: Math.round(ms) }));
	return results.map(({ packages, functions, ...window }) => ({
		...window,
		totalMs: Math.round(window.totalMs),
		packages: sorted(packages),
		functions: sorted(functions, topFunctions),
	}));
}

module.exports = { monotonicMicros, packageOf, aggregate };
