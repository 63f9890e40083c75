// Writes the README's Compatibility table from test/compatibility-results.json, between the
// README's compatibility-table markers.
//   node scripts/compatibility-table.js            (from the committed results)
//   npm run compatibility:record                   (--record: first copies in the results of
//                                                   the last `npm test`, .e2e/compatibility-results.json)
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(ROOT, 'test/compatibility-results.json');
const LAST_RUN = path.join(ROOT, '.e2e/compatibility-results.json');
const README = path.join(ROOT, 'README.md');
const START = '<!-- compatibility-table: written by scripts/compatibility-table.js from test/compatibility-results.json -->';
const END = '<!-- /compatibility-table -->';

const MODES = { regular: 'regular (SQLite)', queue: 'queue (PostgreSQL, Redis, 2 workers)' };

function result(run) {
	const counts = [`${run.passed} passed`];
	if (run.failed) counts.push(`${run.failed} failed`);
	if (run.skipped) counts.push(`${run.skipped} skipped`);
	return `${run.ok ? 'pass' : '**FAIL**'}: ${counts.join(', ')}`;
}

function render({ date, runs, queueMode }) {
	const lines = [
		'| n8n | Mode | Node.js | What ran | Result | Minutes |',
		'|---|---|---|---|---|---|',
		...runs.map((run) => `| ${run.n8n} | ${MODES[run.mode] ?? run.mode} | ${run.node ?? ''} | ${run.tests} | ${result(run)} | ${run.minutes} |`),
		'',
		`From the \`npm test\` run of ${date} (\`test/compatibility-results.json\`).`,
	];
	if (queueMode) {
		lines.push(
			`In queue mode, a Fatora token that expired while two executions ran on two workers cost ${queueMode.fatoraAuthorizeCalls} Authorize calls,`,
			`and two executions of 500 items each on two workers against one 50 requests/s limit took ${queueMode.rateLimitedSeconds} s`,
			`(floor: 20 s), with ${queueMode.rateLimited429s} requests answered 429 and retried; every item succeeded once.`,
		);
	}
	return lines.join('\n');
}

function main() {
	if (process.argv.includes('--record')) {
		if (!fs.existsSync(LAST_RUN)) throw new Error('No .e2e/compatibility-results.json: run `npm test` first.');
		fs.copyFileSync(LAST_RUN, RESULTS);
	}
	if (!fs.existsSync(RESULTS)) throw new Error('No test/compatibility-results.json: run `npm test`, then `npm run compatibility:record`.');
	const readme = fs.readFileSync(README, 'utf8');
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start < 0 || end < start) throw new Error(`README.md has no ${START} ... ${END} block.`);
	const table = render(JSON.parse(fs.readFileSync(RESULTS, 'utf8')));
	fs.writeFileSync(README, `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`);
}

if (require.main === module) main();
module.exports = { render };
