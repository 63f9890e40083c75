// The pace the request runner keeps: tested directly on the built class.
const { RequestPace } = require('../../dist/nodes/shared/requestPace');

/**
 * Starts `count` requests that each take `ms`, answering with `outcome(n)`; returns the
 * peak in flight. The pace's clock stands still meanwhile, so every answer looks instant
 * (latency is the concurrency limit's business, tested on its own).
 */
async function drive(pace, count, ms, outcome = () => 'ok') {
	const clock = jest.spyOn(Date, 'now').mockReturnValue(Date.now());
	let inFlight = 0;
	let peak = 0;
	try {
		await Promise.all(
			Array.from({ length: count }, async (_, n) => {
				const round = await pace.acquire();
				inFlight++;
				peak = Math.max(peak, inFlight);
				await new Promise((resolve) => setTimeout(resolve, ms));
				inFlight--;
				pace.release(round, outcome(n));
			}),
		);
	} finally {
		clock.mockRestore();
	}
	return peak;
}

test('the first request goes alone, so a token is fetched once', async () => {
	const pace = new RequestPace(10);
	const started = [];
	const ticket = pace.acquire();
	const first = ticket.then(() => started.push('first'));
	const second = pace.acquire().then(() => started.push('second'));
	await first;
	await new Promise((resolve) => setTimeout(resolve, 20));
	expect(started).toEqual(['first']);
	pace.release(await ticket, 'ok');
	await second;
	expect(started).toEqual(['first', 'second']);
});

test('concurrency grows while answers are fine, up to the maximum and never beyond', async () => {
	expect(await drive(new RequestPace(8), 200, 2)).toBe(8);
	expect(await drive(new RequestPace(3), 50, 2)).toBe(3);
});

test('a congested answer halves concurrency once per round, not once per answer', async () => {
	const pace = new RequestPace(16);
	await drive(pace, 100, 1);
	const before = pace.concurrency;
	expect(before).toBeGreaterThanOrEqual(8);
	// As many requests as allowed, sent in the same round; four come back 429: one halving, not four.
	const rounds = await Promise.all(Array.from({ length: before }, () => pace.acquire()));
	rounds.forEach((round, n) => pace.release(round, n < 4 ? 'congested' : 'other'));
	expect(pace.concurrency).toBe(Math.round(before / 2));
});

test('three congested answers in a row pause everyone for the Retry-After', async () => {
	const pace = new RequestPace(4);
	for (let n = 0; n < 3; n++) pace.release(await pace.acquire(), 'congested', 300);
	const before = Date.now();
	pace.release(await pace.acquire(), 'ok');
	expect(Date.now() - before).toBeGreaterThanOrEqual(280);
});

test('three 429s in a row among many successes (random refusals) pause nobody', async () => {
	const pace = new RequestPace(4);
	// 30 accepted within the last second, then three 429s with a 300 ms Retry-After: 3 of 33.
	for (let n = 0; n < 30; n++) pace.release(await pace.acquire(), 'ok');
	for (let n = 0; n < 3; n++) pace.release(await pace.acquire(), 'congested', 300);
	const before = Date.now();
	for (let n = 0; n < 5; n++) pace.release(await pace.acquire(), 'ok');
	expect(Date.now() - before).toBeLessThan(100);
	// Refused by the dozen: a rate limit, and everyone waits.
	for (let n = 0; n < 12; n++) pace.release(await pace.acquire(), 'congested', 300);
	const paused = Date.now();
	pace.release(await pace.acquire(), 'ok');
	expect(Date.now() - paused).toBeGreaterThanOrEqual(280);
});

test('after a run of 429s, requests are spaced at the rate the provider had accepted', async () => {
	const pace = new RequestPace(10);
	// 20 accepted within the last second, then a run of eight 429s with Retry-After 0.
	for (let n = 0; n < 20; n++) pace.release(await pace.acquire(), 'ok');
	for (let n = 0; n < 8; n++) pace.release(await pace.acquire(), 'congested', 0);
	const before = Date.now();
	for (let n = 0; n < 11; n++) pace.release(await pace.acquire(), 'ok');
	// About 20 × 0.95 requests per second: ten gaps of ~52 ms.
	expect(Date.now() - before).toBeGreaterThanOrEqual(450);
});

test('retries go ahead of requests not yet sent', async () => {
	const pace = new RequestPace(1);
	const order = [];
	const holder = await pace.acquire();
	const fresh = pace.acquire().then(() => order.push('fresh'));
	const retry = pace.acquire(true).then(() => order.push('retry'));
	pace.release(holder, 'other');
	await retry;
	pace.release(holder, 'other');
	await fresh;
	expect(order).toEqual(['retry', 'fresh']);
});

test('a stopped run: waiting requests give up their turn, and no request starts', async () => {
	const stop = new AbortController();
	const pace = new RequestPace(1, stop.signal);
	const round = await pace.acquire();
	const waiting = pace.acquire();
	stop.abort();
	await expect(waiting).rejects.toThrow('The run was stopped');
	pace.release(round, 'ok');
	expect(pace.idle).toBe(true);
	await expect(pace.acquire()).rejects.toThrow('The run was stopped');
});

test('only the last second of successes is remembered, however long the run', () => {
	const pace = new RequestPace(10);
	const now = jest.spyOn(Date, 'now');
	try {
		for (let ms = 0; ms < 60_000; ms += 10) {
			now.mockReturnValue(ms);
			pace.release({ round: 0, sent: { at: ms, inFlight: 1, delivered: 0, underused: true } }, 'ok');
		}
	} finally {
		now.mockRestore();
	}
	expect(pace.recentSuccesses.length).toBeLessThanOrEqual(100);
});

test('each request counts the requests in flight when it took its slot, not those that took one after it', async () => {
	const pace = new RequestPace(16);
	pace.release(await pace.acquire(), 'ok');
	// Ten requests started at the same moment: the limit's estimate of answers per second
	// (requests out ÷ their time) needs 1 to 10, not 10 each.
	const tickets = await Promise.all(Array.from({ length: 10 }, () => pace.acquire()));
	expect(tickets.map((ticket) => ticket.sent.inFlight)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});
