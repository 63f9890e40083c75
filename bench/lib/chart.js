// Draws bench/results/bench.svg from the results: items per second of each runner in
// each scenario, per size. Vega-Lite → Vega → SVG, without a canvas.
const fs = require('node:fs');

const RUNNERS = [
	{ key: 'ours', label: 'Our node (adaptive limit)' },
	{ key: 'httpHeaders', label: 'HTTP Request node, secrets as header values' },
	{ key: 'httpCredential', label: 'HTTP Request node, predefined credential' },
	{ key: 'raw', label: 'Raw undici at the concurrency ours reached' },
];

function rows(results) {
	const values = [];
	for (const provider of results.providers) {
		for (const scenario of provider.scenarios) {
			for (const { key, label } of RUNNERS) {
				const run = scenario.runs[key];
				if (!run || run.error) continue;
				values.push({
					provider: provider.label,
					scenario: scenario.label,
					items: scenario.size,
					runner: label,
					itemsPerSecond: run.itemsPerSecond,
				});
			}
		}
	}
	return values;
}

function spec(results) {
	const values = rows(results);
	const order = [...new Set(values.map((value) => value.scenario))];
	return {
		$schema: 'https://vega.github.io/schema/vega-lite/v6.json',
		title: {
			text: `${results.providers.map((provider) => `${provider.label} ${provider.operation}`).join(', ')} in n8n ${results.meta.n8n}`,
			subtitle: 'Items per second against loopback mocks that behave like providers. Higher is better.',
		},
		data: { values },
		mark: { type: 'bar', tooltip: true },
		encoding: {
			row: { field: 'items', type: 'ordinal', title: null, sort: 'ascending', header: { labelExpr: "format(datum.value, ',') + ' items'" } },
			x: { field: 'scenario', type: 'nominal', title: null, sort: order, axis: { labelAngle: -25, labelLimit: 400 } },
			xOffset: { field: 'runner', type: 'nominal', sort: RUNNERS.map((runner) => runner.label) },
			y: { field: 'itemsPerSecond', type: 'quantitative', title: 'Items per second', scale: { type: 'symlog' } },
			color: {
				field: 'runner',
				type: 'nominal',
				title: null,
				sort: RUNNERS.map((runner) => runner.label),
				scale: { range: ['#e4572e', '#29335c', '#6c8ead', '#8c8c8c'] },
				legend: { orient: 'bottom', columns: 2, labelLimit: 400 },
			},
		},
		width: 720,
		height: 200,
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
