// `npm test` (no arguments): the whole suite on the primary n8n version, then the
// provider end-to-end files (with the hardening tests) on the other versions users run,
// and once in queue mode (two workers, PostgreSQL and Redis; with the queue-only tests).
// Each run starts its own n8n; each is Jest as `npm test -- <args>` runs it. Writes what
// it found to .e2e/compatibility-results.json (`npm run compatibility:record` copies it into
// the README's Compatibility table), and exits non-zero when any run failed.
const { spawnSync, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, PRIMARY_VERSION } = require('../test/harness/n8nInstance');

const PROVIDERS = 'ataraPay|fatora|chargeworx|instantpay|apipagos|tokenExpiry|hardening';
// On the other versions, the provider files, the hardening tests and the comparison of
// parameters read without the expression engine (its semantics are each version's engine's).
const OTHER_VERSION_FILES = `test/e2e/(${PROVIDERS}|simpleExpression)\\.test`;
const OTHER_VERSIONS = ['1.123.81', '2.41.1'];

const runs = [
	{ version: PRIMARY_VERSION, mode: 'regular', what: 'whole suite', args: [] },
	...OTHER_VERSIONS.map((version) => ({
		version,
		mode: 'regular',
		what: 'provider end-to-end files, hardening and simpleExpression',
		args: ['--selectProjects', 'e2e', '--testPathPatterns', OTHER_VERSION_FILES],
	})),
	{
		version: PRIMARY_VERSION,
		mode: 'queue',
		what: 'provider end-to-end files, hardening and queue-only tests, 2 workers',
		args: ['--selectProjects', 'e2e', '--testPathPatterns', `test/e2e/(${PROVIDERS}|queueMode)\\.test`],
		env: { N8N_QUEUE: '1' },
	},
];
const MEASUREMENTS = path.join(ROOT, '.e2e', 'queue-measurements.json');
fs.rmSync(MEASUREMENTS, { force: true });

const results = [];
for (const run of runs) {
	const label = `n8n ${run.version}, ${run.mode} mode, ${run.what}`;
	console.log(`\n=== ${label} ===`);
	const report = path.join(ROOT, '.e2e', `jest-${run.version}-${run.mode}.json`);
	fs.mkdirSync(path.dirname(report), { recursive: true });
	fs.rmSync(report, { force: true });
	const started = Date.now();
	const jest = spawnSync(
		path.join(ROOT, 'node_modules/.bin/jest'),
		[...run.args, '--json', `--outputFile=${report}`],
		{ cwd: ROOT, stdio: 'inherit', env: { ...process.env, N8N_VERSION: run.version, ...(run.env ?? {}) } },
	);
	const counts = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : {};
	// The Node.js that ran this n8n (n8n 1.x runs on the machine's own, see scripts/n8n-node-for.sh).
	const nodeBinary = execFileSync('bash', [path.join(ROOT, 'scripts/n8n-node-for.sh'), run.version]).toString().trim();
	results.push({
		n8n: run.version,
		mode: run.mode,
		node: execFileSync(nodeBinary, ['-p', 'process.versions.node']).toString().trim(),
		tests: run.what,
		passed: counts.numPassedTests ?? 0,
		failed: counts.numFailedTests ?? 0,
		skipped: (counts.numPendingTests ?? 0) + (counts.numTodoTests ?? 0),
		// Jest exits non-zero also for a failed suite (set-up) with no failed test.
		ok: jest.status === 0,
		minutes: Math.round((Date.now() - started) / 6000) / 10,
	});
}

fs.writeFileSync(
	path.join(ROOT, '.e2e', 'compatibility-results.json'),
	`${JSON.stringify(
		{
			date: new Date().toISOString().slice(0, 10),
			runs: results,
			// What the queue-only tests measured (test/e2e/queueMode.test.js).
			queueMode: fs.existsSync(MEASUREMENTS) ? JSON.parse(fs.readFileSync(MEASUREMENTS, 'utf8')) : undefined,
		},
		null,
		'\t',
	)}\n`,
);
console.log('\nCompatibility matrix:');
for (const r of results) {
	console.log(`  n8n ${r.n8n} ${r.mode}: ${r.ok ? 'pass' : 'FAIL'} (${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped, ${r.minutes} min)`);
}
const total = (key) => results.reduce((sum, r) => sum + r[key], 0);
console.log(`${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
