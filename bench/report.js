// node bench/report.js [bench/results]: prints the latest results as Markdown tables, for
// bench/README.md.
const fs = require('node:fs');
const path = require('node:path');
const { resilienceHeader, resilienceRows } = require('./lib/table');

const dir = process.argv[2] ?? path.join(__dirname, 'results');
const read = (file) => (fs.existsSync(path.join(dir, file)) ? JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) : undefined);
const bench = read('bench.json');
const resilience = read('resilience.json');
const n = (value) => Math.round(value).toLocaleString('en-US');
const table = (header, rows) =>
	[`| ${header.join(' | ')} |`, `|${header.map((cell) => (/^[A-Z]/.test(cell) ? '---' : '---:')).join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

if (bench) {
	const runs = bench.providers.flatMap((provider) => provider.runs.map((run) => ({ provider, run })));
	console.log(`At each node's defaults (ours: Max Concurrent Requests 10; HTTP Request node: no batching). Medians of ${[...new Set(runs.map(({ run }) => run.rounds))].join(' or ')} round(s).\n`);
	console.log(
		table(
			['Provider', 'Items', 'Ours: ms (items/s)', 'HTTP Request: ms (items/s)', 'Raw @10: ms', 'ours / HTTP', 'ours / raw', 'Peak RSS MB ours / HTTP', 'Peak heap over floor MB ours / HTTP', 'Longest event-loop stall ms ours / HTTP'],
			runs.map(({ provider, run }) => [
				provider.label,
				n(run.size),
				`${n(run.oursDefault.executionTimeMs)} (${n(run.oursDefault.itemsPerSecond)})`,
				`${n(run.httpRequest.executionTimeMs)} (${n(run.httpRequest.itemsPerSecond)})`,
				n(run.rawDefault.timeMs),
				`**${run.ratios.defaults.timeVsHttpRequest}**`,
				String(run.ratios.defaults.timeVsRaw),
				`${n(run.oursDefault.peakRssMB)} / ${n(run.httpRequest.peakRssMB)}`,
				`${n(run.oursDefault.heapIncreaseMB)} / ${n(run.httpRequest.heapIncreaseMB)}`,
				run.oursDefault.longestStallMs === undefined ? '–' : `${n(run.oursDefault.longestStallMs)} / ${n(run.httpRequest.longestStallMs)}`,
			]),
		),
	);
	console.log('\nAt equal concurrency (ours and the raw client bounded to the most requests the HTTP Request node had open at the mock):\n');
	console.log(
		table(
			['Provider', 'Items', 'Concurrency', 'Ours: ms', 'HTTP Request: ms', 'Raw: ms', 'ours / HTTP', 'ours / raw', 'Peak RSS ours / HTTP', 'Peak heap ours / HTTP', 'Expressions per item ours / HTTP'],
			runs.map(({ provider, run }) => [
				provider.label,
				n(run.size),
				String(run.equalConcurrency),
				n(run.oursEqual.executionTimeMs),
				n(run.httpRequest.executionTimeMs),
				n(run.rawEqual.timeMs),
				`**${run.ratios.equalConcurrency.timeVsHttpRequest}**`,
				String(run.ratios.equalConcurrency.timeVsRaw),
				String(run.ratios.equalConcurrency.peakRssVsHttpRequest),
				String(run.ratios.equalConcurrency.peakHeapVsHttpRequest),
				run.oursEqual.expressions ? `${run.oursEqual.expressions.perItem} / ${run.httpRequest.expressions.perItem}` : '–',
			]),
		),
	);
	const t = bench.tarball;
	console.log(`\nPackage: \`${t.file}\`, ${t.kB} kB packed (${n(t.unpackedBytes / 1024)} kB unpacked, ${t.files} files).`);
	if (bench.startup) {
		const s = bench.startup;
		console.log(
			`n8n start-up to readiness, median of ${s.starts}: ${n(s.medianWithoutMs)} ms without the package, ${n(s.medianWithMs)} ms with it (${s.addedMs >= 0 ? '+' : ''}${n(s.addedMs)} ms).`,
		);
	}
	console.log(`\nMeasured ${bench.meta.date.slice(0, 10)} on ${bench.meta.machine}, Node ${bench.meta.node}, n8n ${bench.meta.n8n}.`);
}

if (resilience) {
	console.log('\n`npm run bench:resilience`:\n');
	console.log(table(resilienceHeader, resilienceRows(resilience)));
}
