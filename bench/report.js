// node bench/report.js [bench/results]: prints the latest results as Markdown tables, for
// bench/README.md.
const fs = require('node:fs');
const path = require('node:path');
const { scenarioHeader, scenarioRows, resilienceHeader, resilienceRows } = require('./lib/table');

const dir = process.argv[2] ?? path.join(__dirname, 'results');
const read = (file) => (fs.existsSync(path.join(dir, file)) ? JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) : undefined);
const bench = read('bench.json');
const resilience = read('resilience.json');
const n = (value) => Math.round(value).toLocaleString('en-US');
const table = (header, rows) =>
	[`| ${header.join(' | ')} |`, `|${header.map((cell) => (/^[A-Z]/.test(cell) ? '---' : '---:')).join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

if (bench) {
	console.log(table(scenarioHeader, scenarioRows(bench)));
	const t = bench.tarball;
	console.log(`\nPackage: \`${t.file}\`, ${t.kB} kB packed (${n(t.unpackedBytes / 1024)} kB unpacked, ${t.files} files).`);
	if (bench.startup) {
		const s = bench.startup;
		console.log(
			`n8n start-up to readiness, median of ${s.starts}: ${n(s.medianWithoutMs)} ms without the package, ${n(s.medianWithMs)} ms with it (${s.addedMs >= 0 ? '+' : ''}${n(s.addedMs)} ms).`,
		);
	}
	console.log(`\nMeasured ${bench.meta.date.slice(0, 10)} on ${bench.meta.machine}, Node ${bench.meta.node}, n8n ${bench.meta.n8n}${bench.meta.quick ? ' (--quick)' : ''}.`);
}

if (resilience) {
	console.log('\n`npm run bench:resilience`:\n');
	console.log(table(resilienceHeader, resilienceRows(resilience)));
}
