// The concise table `npm run bench` prints: one row per provider and size.
function printTable(results) {
	const rows = [];
	for (const provider of results.providers) {
		for (const run of provider.runs) {
			const { httpRequest: http, oursDefault: ours, oursEqual: equal, rawDefault, rawEqual, ratios } = run;
			rows.push([
				provider.label,
				String(run.size),
				`${ours.executionTimeMs} ms (${ours.itemsPerSecond}/s)`,
				`${http.executionTimeMs} ms (${http.itemsPerSecond}/s)`,
				`${rawDefault.timeMs} ms`,
				`${ratios.defaults.timeVsHttpRequest} / ${ratios.defaults.timeVsRaw}`,
				`${ours.peakRssMB} / ${http.peakRssMB}`,
				`${ours.peakHeapMB} / ${http.peakHeapMB}`,
				`${run.equalConcurrency} (HTTP: ${http.inFlight.maxConnections} open)`,
				`${equal.executionTimeMs} ms`,
				`${ratios.equalConcurrency.timeVsHttpRequest} / ${ratios.equalConcurrency.timeVsRaw}`,
				`${ratios.equalConcurrency.peakRssVsHttpRequest} / ${ratios.equalConcurrency.peakHeapVsHttpRequest}`,
			]);
		}
	}
	const header = [
		'Provider',
		'Items',
		'Ours (max 10)',
		'HTTP Request',
		'Raw @10',
		'ours/HTTP, ours/raw',
		'RSS MB ours/HTTP',
		'Heap MB ours/HTTP',
		'Equal concurrency',
		'Ours @equal',
		'@equal ours/HTTP, ours/raw',
		'@equal RSS, heap ours/HTTP',
	];
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
	const line = (cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ');
	console.log(line(header));
	console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
	for (const row of rows) console.log(line(row));
	console.log('');
	console.log(`Tarball: ${results.tarball.file}, ${results.tarball.kB} kB packed, ${Math.round(results.tarball.unpackedBytes / 1024)} kB in ${results.tarball.files} files`);
	if (results.startup) {
		const s = results.startup;
		console.log(
			`Start-up to readiness (median of ${s.starts}): ${s.medianWithoutMs} ms without the package, ${s.medianWithMs} ms with it (${s.addedMs >= 0 ? '+' : ''}${s.addedMs} ms)`,
		);
	}
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

module.exports = { printTable, resilienceHeader, resilienceRows };
