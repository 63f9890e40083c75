// Draws bench/results/bench.svg from the results: time per item of each kind of run per
// provider and size, and the heap each n8n run took on top of its floor. Vega-Lite →
// Vega → SVG, without a canvas.
const fs = require('node:fs');

const KINDS = [
	{ key: 'oursDefault', label: 'Our node (default, max 10)' },
	{ key: 'oursEqual', label: 'Our node (equal concurrency)' },
	{ key: 'httpRequest', label: 'HTTP Request node' },
	{ key: 'rawDefault', label: 'Raw undici (10 connections)' },
];

function rows(results) {
	const values = [];
	for (const provider of results.providers) {
		for (const run of provider.runs) {
			for (const { key, label } of KINDS) {
				const figures = run[key];
				values.push({
					provider: provider.label,
					size: `${run.size.toLocaleString('en-US')} items`,
					kind: label,
					msPerItem: Math.round(((figures.executionTimeMs ?? figures.timeMs) / run.size) * 100) / 100,
					heapIncreaseMB: key.startsWith('raw') ? null : figures.heapIncreaseMB,
				});
			}
		}
	}
	return values;
}

function spec(results) {
	const values = rows(results);
	const color = {
		field: 'kind',
		type: 'nominal',
		title: null,
		sort: KINDS.map((kind) => kind.label),
		scale: { range: ['#e4572e', '#f3a712', '#29335c', '#8c8c8c'] },
		legend: { orient: 'bottom', columns: 2, labelLimit: 300 },
	};
	const bars = (field, title, filter) => ({
		...(filter ? { transform: [{ filter }] } : {}),
		mark: { type: 'bar', tooltip: true },
		encoding: {
			column: { field: 'size', type: 'ordinal', title: null, sort: 'ascending' },
			x: { field: 'provider', type: 'nominal', title: null, axis: { labelAngle: 0 } },
			xOffset: { field: 'kind', type: 'nominal', sort: KINDS.map((kind) => kind.label) },
			y: { field, type: 'quantitative', title },
			color,
		},
		width: 330,
		height: 190,
	});
	return {
		$schema: 'https://vega.github.io/schema/vega-lite/v6.json',
		title: {
			text: `Update operations in n8n ${results.meta.n8n}: our nodes, the HTTP Request node and a raw client`,
			subtitle: 'Loopback mock servers that answer at once; medians over the rounds. Lower is better.',
		},
		data: { values },
		vconcat: [
			bars('msPerItem', 'Milliseconds per item'),
			bars('heapIncreaseMB', 'Peak n8n heap, MB over its floor', 'datum.heapIncreaseMB !== null'),
		],
		config: { font: 'sans-serif', view: { stroke: null } },
	};
}

async function drawChart(results, file) {
	const vegaLite = await import('vega-lite');
	const vega = await import('vega');
	const compiled = vegaLite.compile(spec(results)).spec;
	const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
	const svg = await view.toSVG();
	view.finalize();
	fs.writeFileSync(file, svg);
}

module.exports = { drawChart, spec };
