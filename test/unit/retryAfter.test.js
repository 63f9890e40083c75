const { retryAfter, backoff } = require('../../dist/nodes/shared/requestRunner');

test('Retry-After in seconds', () => {
	expect(retryAfter({ 'retry-after': '2' })).toBe(2000);
	expect(retryAfter({ 'retry-after': '0' })).toBe(0);
});

test('Retry-After as an HTTP date', () => {
	const inFiveSeconds = new Date(Date.now() + 5000).toUTCString();
	const ms = retryAfter({ 'retry-after': inFiveSeconds });
	expect(ms).toBeGreaterThan(3000);
	expect(ms).toBeLessThanOrEqual(5000);
	expect(retryAfter({ 'retry-after': new Date(Date.now() - 60_000).toUTCString() })).toBe(0);
});

test('Retry-After is capped at 60 s and ignored when missing or unreadable', () => {
	expect(retryAfter({ 'retry-after': '3600' })).toBe(60_000);
	expect(retryAfter({})).toBeUndefined();
	expect(retryAfter(undefined)).toBeUndefined();
	expect(retryAfter({ 'retry-after': 'soon' })).toBeUndefined();
});

test('backoff grows exponentially from about a second, with jitter, up to a minute', () => {
	for (let attempt = 1; attempt <= 10; attempt++) {
		const ceiling = Math.min(60_000, 1000 * 2 ** (attempt - 1));
		for (let n = 0; n < 20; n++) {
			const wait = backoff(attempt);
			expect(wait).toBeGreaterThanOrEqual(ceiling / 2);
			expect(wait).toBeLessThanOrEqual(ceiling);
		}
	}
});
