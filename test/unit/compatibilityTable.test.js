const { render } = require('../../scripts/compatibility-table');

describe('the README Compatibility table written from test/compatibility-results.json', () => {
	const results = {
		date: '2026-12-02',
		runs: [
			{ n8n: '2.40.7', mode: 'regular', node: '24.21.0', tests: 'whole suite', passed: 300, failed: 0, skipped: 3, ok: true, minutes: 20.5 },
			{ n8n: '2.40.7', mode: 'queue', node: '24.21.0', tests: 'provider files', passed: 200, failed: 1, skipped: 0, ok: false, minutes: 9 },
		],
		queueMode: { fatoraAuthorizeCalls: 4, rateLimitedSeconds: 24.1, rateLimited429s: 12 },
	};

	test('one row per run, with its version, mode, Node.js, counts and verdict', () => {
		const rows = render(results).split('\n').filter((line) => /^\| \d/.test(line));
		expect(rows).toEqual([
			'| 2.40.7 | regular (SQLite) | 24.21.0 | whole suite | pass: 300 passed, 3 skipped | 20.5 |',
			'| 2.40.7 | queue (PostgreSQL, Redis, 2 workers) | 24.21.0 | provider files | **FAIL**: 200 passed, 1 failed | 9 |',
		]);
	});

	test('states the date and the queue-mode figures of that run', () => {
		const text = render(results).replace(/\n/g, ' ');
		expect(text).toContain('run of 2026-12-02');
		expect(text).toContain('cost 4 Authorize calls');
		expect(text).toContain('took 24.1 s (floor: 20 s), with 12 requests answered 429');
	});

	test('leaves the queue-mode figures out when the run had none', () => {
		expect(render({ ...results, queueMode: undefined })).not.toContain('Authorize');
	});
});
