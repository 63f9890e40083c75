// The providers `npm run bench` imitates: answers at once (CPU only), a round trip of 20,
// 100 or 300 ms, a capacity (C requests at once, the rest queue), a rate limit and random
// 429s. Each scenario says which runners go through it, at which sizes, and the target
// the issue (#17) sets for it; bench/run.js measures, this file judges.
const BASE_MS = 100; // the capacity scenarios' time per answer

const RUNNERS = ['ours', 'httpHeaders', 'httpCredential', 'raw'];

/** A provider without a limit that answers every request after `latencyMs`. */
const healthyWithLatency = (latencyMs) => ({
	label: `${latencyMs} ms per answer`,
	kind: 'healthy',
	sizes: [1000, 10000],
	runners: RUNNERS,
	prepare: (mock) => mock.serve({ latencyMs }),
});

const scenarios = {
	instant: {
		label: 'Answers at once',
		kind: 'healthy',
		sizes: [1000, 10000],
		runners: RUNNERS,
		prepare: () => {},
	},
	latency20: healthyWithLatency(20),
	latency100: healthyWithLatency(100),
	latency300: healthyWithLatency(300),
	capacity5: {
		label: `Capacity 5, ${BASE_MS} ms per answer`,
		kind: 'capacity',
		capacity: 5,
		// 1,000 items need 20 s at best; 500 show the same in half the time.
		sizes: [500],
		runners: RUNNERS,
		prepare: (mock) => mock.serve({ latencyMs: BASE_MS, capacity: 5 }),
	},
	capacity50: {
		label: `Capacity 50, ${BASE_MS} ms per answer`,
		kind: 'capacity',
		capacity: 50,
		sizes: [1000, 10000],
		runners: RUNNERS,
		prepare: (mock) => mock.serve({ latencyMs: BASE_MS, capacity: 50 }),
	},
	rate50: {
		label: '50 requests per second (429 beyond)',
		kind: 'rate',
		rate: 50,
		sizes: [1000],
		// The HTTP Request node fails on the first 429; only ours is measured.
		runners: ['ours'],
		prepare: (mock) => mock.limitRate(50),
	},
	retry429: {
		label: '10% answered 429 (Retry-After: 1)',
		kind: 'faults',
		retryAfterMs: 1000,
		sizes: [2000],
		runners: ['ours', 'oursFaultFree'],
		prepare: (mock, provider) =>
			mock.fault({ match: provider.isUpdate, probability: 0.1, status: 429, headers: { 'Retry-After': '1' }, body: { message: 'Too many requests' } }),
	},
};

/** Sizes a quick run (--quick) measures: the smallest of each scenario. */
const quickSizes = (scenario) => [Math.min(...scenario.sizes)];

/**
 * The target for one scenario and size, from its measured runs: { target, value,
 * limit, met }, or a list of them. Every scenario also needs 0 items lost or duplicated,
 * and 10,000 items a longest event-loop stall of at most 200 ms.
 */
function targetsOf(scenario, size, runs) {
	const ours = runs.ours;
	const targets = [];
	const check = (target, value, limit) => targets.push({ target, value, limit, met: value <= limit });
	if (scenario.kind === 'healthy' && runs.httpHeaders?.executionTimeMs) {
		check('ours / HTTP Request node (header values), time', round2(ours.executionTimeMs / runs.httpHeaders.executionTimeMs), 1.0);
	}
	if (scenario.kind === 'capacity') {
		check('ours: most requests in flight after the first second', ours.inFlight.maxAfterFirstSecond, 1.5 * scenario.capacity);
		check('ours: time / (N / C × base latency)', round2(ours.executionTimeMs / ((size / scenario.capacity) * BASE_MS)), 1.2);
	}
	if (scenario.kind === 'rate') {
		check(`ours: time / the ${size / scenario.rate} s floor`, round2(ours.executionTimeMs / ((size / scenario.rate) * 1000)), 1.15);
	}
	if (scenario.kind === 'faults') {
		check('ours: time / the same items without faults', round2(ours.executionTimeMs / runs.oursFaultFree.executionTimeMs), 1.3);
	}
	for (const [runner, run] of Object.entries(runs)) {
		if (runner === 'raw' || run.error) continue;
		check(`${runner}: items lost or duplicated`, run.delivery.lost + run.delivery.duplicated, 0);
	}
	if (size >= 10000) check('ours: longest event-loop stall, ms', ours.longestStallMs, 200);
	return targets;
}

const round2 = (value) => Math.round(value * 100) / 100;

module.exports = { scenarios, quickSizes, targetsOf, BASE_MS, RUNNERS };
