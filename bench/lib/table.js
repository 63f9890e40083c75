// The tables of the bench scripts: rows shared by the printed table and bench/report.js.

const n = (value) => Math.round(value).toLocaleString('en-US');
const ms = (run) => (!run ? '–' : run.error ? 'failed' : `${n(run.executionTimeMs ?? run.timeMs)} (${n(run.itemsPerSecond)}/s)`);
const pair = (a, b, pick) => `${a && !a.error ? n(pick(a)) : '–'} / ${b && !b.error ? n(pick(b)) : '–'}`;

/** The columns of `npm run bench`: one row per provider, scenario and size. */
const scenarioHeader = [
	'Provider',
	'Scenario',
	'Items',
	'Ours: ms (items/s)',
	'HTTP Request, header values',
	'HTTP Request, credential',
	'Raw client',
	'ours / HTTP (header values)',
	'In flight at most: ours (after 1 s) / HTTP',
	'Peak heap over floor MB: ours / HTTP',
	'Longest stall ms: ours / HTTP',
	'Lost or duplicated (ours)',
	'Targets',
];

function scenarioRows(results) {
	return results.providers.flatMap((provider) =>
		provider.scenarios.map(({ label, size, runs, targets }) => {
			const { ours, httpHeaders: http, httpCredential, raw } = runs;
			const missed = targets.filter((target) => !target.met);
			return [
				provider.label,
				label,
				n(size),
				ms(ours),
				ms(http),
				ms(httpCredential),
				raw ? `${n(raw.timeMs)} @${raw.concurrency}` : '–',
				http && !http.error && !ours.error ? (ours.executionTimeMs / http.executionTimeMs).toFixed(2) : '–',
				ours.error ? '–' : `${n(ours.inFlight.max)} (${n(ours.inFlight.maxAfterFirstSecond)}) / ${http && !http.error ? n(http.inFlight.max) : '–'}`,
				pair(ours, http, (run) => run.heapIncreaseMB),
				pair(ours, http, (run) => run.longestStallMs),
				ours.error ? '–' : String(ours.delivery.lost + ours.delivery.duplicated),
				missed.length ? `missed: ${missed.map((target) => `${target.target} ${target.value} > ${target.limit}`).join('; ')}` : `${targets.length} met`,
			];
		}),
	);
}

function printTable(results) {
	printRows(scenarioHeader, scenarioRows(results));
	console.log('');
	console.log(`Tarball: ${results.tarball.file}, ${results.tarball.kB} kB packed, ${Math.round(results.tarball.unpackedBytes / 1024)} kB in ${results.tarball.files} files`);
	if (results.startup) {
		const s = results.startup;
		console.log(
			`Start-up to readiness (median of ${s.starts}): ${s.medianWithoutMs} ms without the package, ${s.medianWithMs} ms with it (${s.addedMs >= 0 ? '+' : ''}${s.addedMs} ms)`,
		);
	}
}

function printRows(header, rows) {
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
	const line = (cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ');
	console.log(line(header));
	console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
	for (const row of rows) console.log(line(row));
}

/** The columns of a `npm run bench:resilience` result: one row per provider and scenario. */
const resilienceHeader = ['Node', 'Scenario', 'Time', 'Least time the limit allows', 'Ratio', 'Same items without the limit', 'Ratio to the larger of both', 'Where the pace settled (last quarter)'];

function resilienceRows(results) {
	return results.providers.flatMap((provider) =>
		provider.scenarios.map((s) => [
			provider.label,
			s.name,
			`${(s.executionTimeMs / 1000).toFixed(1)} s`,
			`${(s.leastTimeMs / 1000).toFixed(1)} s`,
			String(s.ratioToLeastTime),
			`${(s.withoutLimitMs / 1000).toFixed(1)} s`,
			String(s.ratioToFloor),
			`concurrency ${s.settled.paceConcurrencyMean} (max ${s.settled.paceConcurrencyMax}), ${s.settled.requestsPerSecond} req/s, ${Math.round(s.settled.share429 * 100)}% answered 429`,
		]),
	);
}

module.exports = { printTable, printRows, scenarioHeader, scenarioRows, resilienceHeader, resilienceRows };
