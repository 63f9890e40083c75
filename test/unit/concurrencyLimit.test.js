// The adaptive concurrency limit against simulated providers: a provider is a function of
// how many requests it has at once, and time runs in simulated milliseconds, so these
// tests check the limit's decisions, never how fast this machine is.
const { ConcurrencyLimit, ADAPTIVE_MAX_CONCURRENCY } = require('../../dist/nodes/shared/concurrencyLimit');

/**
 * Sends `count` requests through `limit` to a provider that answers a request sent while
 * `n` are out after `latency(n)` ms (simulated). Returns the in-flight count over time
 * and when the last answer came.
 */
function simulate(limit, count, latency) {
	const out = []; // answer times of the requests in flight
	const timeline = [];
	let now = 0;
	let sent = 0;
	while (sent < count || out.length > 0) {
		while (sent < count && out.length < limit.current) {
			out.push({ sentAt: now, answerAt: now + latency(out.length + 1) });
			sent++;
		}
		timeline.push({ at: now, inFlight: out.length });
		out.sort((a, b) => a.answerAt - b.answerAt);
		const next = out.shift();
		now = next.answerAt;
		limit.answered(now - next.sentAt, out.length + 1);
	}
	return { timeline, finishedAt: now };
}

/** A provider working on `capacity` requests at once, `baseMs` each; the rest queue (on average). */
const withCapacity = (capacity, baseMs) => (inFlight) => baseMs * Math.max(1, inFlight / capacity);

test('one request until the first answer (it fetches any token), then 16', () => {
	const limit = new ConcurrencyLimit(ADAPTIVE_MAX_CONCURRENCY);
	expect(limit.current).toBe(1);
	limit.answered(100, 1);
	expect(limit.current).toBe(16);
});

test('a healthy provider: the limit grows to the maximum within a few round trips', () => {
	const limit = new ConcurrencyLimit(ADAPTIVE_MAX_CONCURRENCY);
	const { timeline } = simulate(limit, 20000, () => 100);
	expect(limit.current).toBe(ADAPTIVE_MAX_CONCURRENCY);
	const reached = timeline.find((point) => point.inFlight === ADAPTIVE_MAX_CONCURRENCY);
	// 1, then 16, tripling per round trip: 48, 144, 432, 500 is 6 round trips.
	expect(reached.at).toBeLessThanOrEqual(7 * 100);
});

test('never above the ceiling (Max Concurrent Requests)', () => {
	const limit = new ConcurrencyLimit(8);
	const { timeline } = simulate(limit, 500, () => 20);
	expect(Math.max(...timeline.map((point) => point.inFlight))).toBe(8);
});

test.each([10, 50])('a provider with capacity %i: at most 1.5 × capacity in flight after the start, and close to its best time', (capacity) => {
	const limit = new ConcurrencyLimit(ADAPTIVE_MAX_CONCURRENCY);
	const items = capacity * 200;
	const { timeline, finishedAt } = simulate(limit, items, withCapacity(capacity, 100));
	const afterStart = timeline.filter((point) => point.at >= 1000);
	expect(Math.max(...afterStart.map((point) => point.inFlight))).toBeLessThanOrEqual(1.5 * capacity);
	// Best possible: items / capacity × 100 ms.
	expect(finishedAt).toBeLessThanOrEqual(1.2 * (items / capacity) * 100);
});

test('a provider with capacity 5 gets 10 at once (the floor), still close to its best time', () => {
	const limit = new ConcurrencyLimit(ADAPTIVE_MAX_CONCURRENCY);
	const { timeline, finishedAt } = simulate(limit, 1000, withCapacity(5, 100));
	const afterStart = timeline.filter((point) => point.at >= 1000);
	expect(Math.max(...afterStart.map((point) => point.inFlight))).toBe(10);
	expect(finishedAt).toBeLessThanOrEqual(1.2 * (1000 / 5) * 100);
});

test('latency that rises with load brings the limit down; when it falls again, the limit grows back', () => {
	const limit = new ConcurrencyLimit(ADAPTIVE_MAX_CONCURRENCY);
	simulate(limit, 2000, withCapacity(10, 50));
	const congestedAt = limit.current;
	expect(congestedAt).toBeLessThanOrEqual(15);
	simulate(limit, 3000, withCapacity(100, 50));
	expect(limit.current).toBeGreaterThan(100);
});

test('slower answers alone never bring the limit below 10 (the earlier fixed limit); a 429 or 503 does', () => {
	const limit = new ConcurrencyLimit(ADAPTIVE_MAX_CONCURRENCY);
	simulate(limit, 200, () => 10);
	for (let n = 0; n < 1000; n++) limit.answered(500, limit.current);
	expect(limit.current).toBe(10);
	limit.congested();
	expect(limit.current).toBe(5);
});

test('with a ceiling below 10, slower answers keep the ceiling', () => {
	const limit = new ConcurrencyLimit(6);
	simulate(limit, 200, () => 10);
	for (let n = 0; n < 1000; n++) limit.answered(500, limit.current);
	expect(limit.current).toBe(6);
});

test('a 429 or 503 halves the limit', () => {
	const limit = new ConcurrencyLimit(ADAPTIVE_MAX_CONCURRENCY);
	simulate(limit, 1000, () => 10);
	const before = limit.current;
	limit.congested();
	expect(limit.current).toBe(Math.floor(before / 2));
});

test('answers while most of the limit is unused do not raise it', () => {
	const limit = new ConcurrencyLimit(ADAPTIVE_MAX_CONCURRENCY);
	simulate(limit, 100, () => 10);
	const before = limit.current;
	for (let n = 0; n < 1000; n++) limit.answered(10, 1);
	expect(limit.current).toBe(before);
});
