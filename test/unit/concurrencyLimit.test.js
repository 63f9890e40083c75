// The adaptive concurrency limit against simulated providers, in simulated time, so these
// tests check the limit's decisions, never how fast this machine is. Every request also
// passes twice through a simulated n8n: one CPU that builds the request and handles its
// answer, one task at a time, first come first served, with stalls of its own (other
// workflows, garbage collection). Its queue delays every answer more the more requests
// are in flight, which is what a busy n8n does to the latency the limit sees.
const { ConcurrencyLimit, ADAPTIVE_MAX_CONCURRENCY } = require('../../dist/nodes/shared/concurrencyLimit');

/** A seeded random number generator (mulberry32): the same run every time. */
function random(seed) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Events in time order, first scheduled first among equal times. */
class Events {
	constructor() {
		this.heap = [];
		this.count = 0;
	}

	push(at, run) {
		const heap = this.heap;
		heap.push({ at, order: this.count++, run });
		for (let i = heap.length - 1; i > 0; ) {
			const parent = (i - 1) >> 1;
			if (!before(heap[i], heap[parent])) break;
			[heap[i], heap[parent]] = [heap[parent], heap[i]];
			i = parent;
		}
	}

	pop() {
		const heap = this.heap;
		const top = heap[0];
		const last = heap.pop();
		if (heap.length > 0) {
			heap[0] = last;
			for (let i = 0; ; ) {
				let smallest = i;
				for (const child of [2 * i + 1, 2 * i + 2]) if (child < heap.length && before(heap[child], heap[smallest])) smallest = child;
				if (smallest === i) break;
				[heap[i], heap[smallest]] = [heap[smallest], heap[i]];
				i = smallest;
			}
		}
		return top;
	}
}
const before = (a, b) => a.at < b.at || (a.at === b.at && a.order < b.order);

/**
 * Sends `count` requests through `limit` to a provider that works on `capacity` requests
 * at once, `latencyMs` each (±10%), and queues the others. n8n spends `cpuMs` on each request
 * (half building it, half handling its answer), and now and then stalls for up to
 * `stallMs`. Returns the requests at the provider over time (queued ones included) and
 * when the last answer was handled.
 */
function simulate(limit, count, { latencyMs = 100, capacity = Infinity, cpuMs = 0, stallMs = 0, seed = 1, startAt = 0 } = {}) {
	const events = new Events();
	const next = random(seed);
	let now = startAt;
	let cpuFreeAt = startAt;
	let sent = 0;
	let inFlight = 0;
	let done = 0;
	let working = 0;
	const queued = [];
	const timeline = [];
	// n8n's own stalls: one every 50 ms on average, up to `stallMs` long, the same for
	// every runner (a seed of their own). A stall holds the CPU whatever is queued on it.
	const stalls = [];
	const nextStall = random(seed + 1);
	let stallIndex = 0;
	const stallAfter = (at) => {
		while (stallIndex < stalls.length && stalls[stallIndex].to <= at) stallIndex++;
		while (stallMs > 0 && stallIndex >= stalls.length) {
			const from = (stalls.length > 0 ? stalls[stalls.length - 1].to : startAt) + nextStall() * 100;
			stalls.push({ from, to: from + nextStall() * stallMs });
			if (stalls[stalls.length - 1].to <= at) stallIndex++;
		}
		return stalls[stallIndex];
	};
	const cpu = (ms, then) => {
		let at = Math.max(now, cpuFreeAt);
		let left = ms;
		for (;;) {
			const stall = stallAfter(at);
			if (!stall || at + left <= stall.from) break;
			if (at < stall.from) left -= stall.from - at;
			at = stall.to;
		}
		cpuFreeAt = at + left;
		events.push(cpuFreeAt, then);
	};
	const atProvider = () => timeline.push({ at: now, atProvider: working + queued.length });
	const work = (request) => {
		working++;
		// A provider's answers vary a little (±10% here): answers never come in lockstep.
		events.push(now + latencyMs * (0.9 + 0.2 * next()), () => {
			working--;
			if (queued.length > 0) work(queued.shift());
			atProvider();
			cpu(cpuMs / 2, () => answered(request));
		});
	};
	const answered = (request) => {
		inFlight--;
		done++;
		limit.answered(request.sent, now);
		send();
	};
	const send = () => {
		while (sent < count && inFlight < limit.current) {
			inFlight++;
			sent++;
			const request = { sent: limit.sent(now, inFlight, sent < count || inFlight >= limit.current) };
			cpu(cpuMs / 2, () => {
				if (working < capacity) work(request);
				else queued.push(request);
				atProvider();
			});
		}
	};
	send();
	while (done < count) {
		const event = events.pop();
		now = event.at;
		event.run();
	}
	return { timeline, finishedAt: now - startAt };
}

/** n8n's HTTP Request node: every request at once. */
const everythingAtOnce = () => ({ current: Infinity, sent: () => ({}), answered() {}, congested() {} });

const mostAtProvider = (timeline, from = 0) => Math.max(...timeline.filter((point) => point.at >= from).map((point) => point.atProvider));

test('one request until the first answer (it fetches any token), then 16', () => {
	const limit = new ConcurrencyLimit(ADAPTIVE_MAX_CONCURRENCY);
	expect(limit.current).toBe(1);
	limit.answered(limit.sent(0, 1, true), 100);
	expect(limit.current).toBe(16);
});

test('a healthy provider: the limit grows to the maximum within a few round trips', () => {
	const limit = new ConcurrencyLimit(ADAPTIVE_MAX_CONCURRENCY);
	const { timeline } = simulate(limit, 20000, { latencyMs: 100 });
	expect(limit.current).toBeGreaterThanOrEqual(0.75 * ADAPTIVE_MAX_CONCURRENCY);
	const reached = timeline.find((point) => point.atProvider === ADAPTIVE_MAX_CONCURRENCY);
	// 1, then 16, about tripling per round trip: 46, 133, 385, 500.
	expect(reached.at).toBeLessThanOrEqual(7 * 100);
});

test('never above the ceiling (Max Concurrent Requests)', () => {
	const limit = new ConcurrencyLimit(8);
	const { timeline } = simulate(limit, 500, { latencyMs: 20 });
	expect(mostAtProvider(timeline)).toBe(8);
});

// The case the first version got wrong: in a busy n8n every answer's time includes n8n's
// work on the other requests, so answers are rarely as fast as the fastest ever, and the
// limit sat at its minimum. Sending everything at once (n8n's HTTP Request node) was then
// several times faster. Here n8n handles at most 1,000 / cpuMs requests a second, less its
// stalls. The start costs ours a few round trips (the first request goes alone, then the
// limit triples per round trip), which everything at once does not pay.
test.each([
	[20, 1, 0],
	[100, 1, 0],
	[100, 2, 20],
	[300, 1, 20],
	[300, 3, 20],
])('a provider answering in %i ms, n8n spending %i ms per request and stalling up to %i ms: within 15%% of sending everything at once, after the start', (latencyMs, cpuMs, stallMs) => {
	const provider = { latencyMs, cpuMs, stallMs };
	const ours = simulate(new ConcurrencyLimit(ADAPTIVE_MAX_CONCURRENCY), 5000, provider);
	const atOnce = simulate(everythingAtOnce(), 5000, provider);
	expect(ours.finishedAt).toBeLessThanOrEqual(1.15 * atOnce.finishedAt + 5 * latencyMs);
});

test('a busy n8n: the limit settles where n8n is kept busy, not at its minimum nor its maximum', () => {
	const limit = new ConcurrencyLimit(ADAPTIVE_MAX_CONCURRENCY);
	// n8n handles 500 requests a second, the provider answers in 100 ms: 50 in flight keep n8n busy.
	simulate(limit, 5000, { latencyMs: 100, cpuMs: 2, stallMs: 20 });
	expect(limit.current).toBeGreaterThanOrEqual(40);
	expect(limit.current).toBeLessThanOrEqual(150);
});

test.each([
	[5, 0, 0],
	[10, 0, 0],
	[50, 0, 0],
	[5, 2, 20],
	[50, 1, 10],
])('a provider working on %i requests at once (n8n: %i ms per request, stalls up to %i ms): at most 1.5 × that after the first second, within 1.2 × its best time', (capacity, cpuMs, stallMs) => {
	const items = capacity * 200;
	const { timeline, finishedAt } = simulate(new ConcurrencyLimit(ADAPTIVE_MAX_CONCURRENCY), items, { capacity, latencyMs: 100, cpuMs, stallMs });
	expect(mostAtProvider(timeline, 1000)).toBeLessThanOrEqual(1.5 * capacity);
	// Best possible: items / capacity × 100 ms.
	expect(finishedAt).toBeLessThanOrEqual(1.2 * (items / capacity) * 100);
});

test('a provider that starts queuing brings the limit down; when it takes more again, the limit grows back', () => {
	const limit = new ConcurrencyLimit(ADAPTIVE_MAX_CONCURRENCY);
	simulate(limit, 3000, { capacity: 10, latencyMs: 50 });
	expect(limit.current).toBeLessThanOrEqual(15);
	const { timeline } = simulate(limit, 5000, { capacity: 100, latencyMs: 50, startAt: 100000 });
	const late = timeline.filter((point) => point.at >= 102000);
	expect(mostAtProvider(late)).toBeGreaterThanOrEqual(100);
	expect(mostAtProvider(timeline)).toBeLessThanOrEqual(150);
});

test('a 429 or 503 halves the limit, below 4 too; it grows back while none comes', () => {
	const limit = new ConcurrencyLimit(ADAPTIVE_MAX_CONCURRENCY);
	simulate(limit, 1000, { capacity: 20, latencyMs: 10 });
	const before = limit.current;
	limit.congested();
	expect(limit.current).toBe(Math.round(before / 2));
	for (let n = 0; n < 4; n++) limit.congested();
	expect(limit.current).toBeLessThan(4);
	simulate(limit, 2000, { capacity: 20, latencyMs: 10, startAt: 100000 });
	expect(limit.current).toBeGreaterThanOrEqual(before * 0.7);
});

test('answers while most of the limit is unused do not lower or raise it', () => {
	const limit = new ConcurrencyLimit(ADAPTIVE_MAX_CONCURRENCY);
	simulate(limit, 1000, { capacity: 20, latencyMs: 10 });
	const before = limit.current;
	for (let n = 0; n < 1000; n++) limit.answered(limit.sent(100000 + 20 * n, 1, false), 100000 + 20 * n + 10);
	expect(limit.current).toBeGreaterThanOrEqual(before * 0.75);
	expect(limit.current).toBeLessThanOrEqual(before * 1.25);
});
