/**
 * The most requests a node execution has in flight when Max Concurrent Requests is empty.
 * n8n spends about a millisecond of CPU on each item, so one execution sends at most about
 * 1,000 requests a second: 500 in flight keep it busy against a provider that takes up to
 * half a second to answer, and more would only pile up requests at a provider that is slow.
 */
export const ADAPTIVE_MAX_CONCURRENCY = 500;

// Latency counts as "near its floor" up to 1.2 × the floor plus 10 ms: a provider's
// answers vary a little, and n8n's own work on other items adds a few milliseconds.
const TOLERANCE = 1.2;
const SLACK_MS = 10;
// After the first answer (which fetched any token): a provider answers this many requests
// at once before the limit knows more. A burst this small drains within a second even at
// a provider that handles 5 at a time in 100 ms.
const INITIAL_LIMIT = 16;
// Slower answers alone never bring the limit below 10, the fixed limit of earlier versions:
// on a busy n8n its own work on other items delays answers by tens of milliseconds, which
// looks like a provider queuing (the benchmark saw the limit fall to 4 that way). A provider
// that cannot take 10 at once says so with 429 or 503, which still halves the limit.
const MIN_LIMIT = 10;
// Growth per answer near the floor while starting (three times the limit per round trip),
// then per round trip once past the start (a tenth more requests).
const START_GROWTH = 2;
const GROWTH = 0.1;

/**
 * How many requests may be in flight, found from the provider's answers as TCP Vegas
 * and Netflix's gradient limit do. While answers come back about as fast as the fastest
 * seen (the floor), the provider has spare capacity: after the first answer the limit
 * starts at 16 and triples per round trip, then grows by a tenth per round trip. When
 * answers take longer, requests are queuing at the provider: the first time, the limit
 * halves (growth overshot); after that it moves, over about one round trip, to what
 * would bring latency back near the floor, but not below 10. A 429 or 503 halves it.
 * It never exceeds `ceiling`.
 */
export class ConcurrencyLimit {
	private limit = 1;

	private slowStart = true;

	private floorMs = Infinity;

	private answers = 0;

	constructor(private readonly ceiling: number) {}

	get current(): number {
		return Math.max(1, Math.min(this.ceiling, Math.floor(this.limit)));
	}

	/** An answer that took `latencyMs`, with `inFlight` requests (this one included) out. */
	answered(latencyMs: number, inFlight: number): void {
		this.floorMs = Math.min(this.floorMs, latencyMs);
		const nearFloorMs = this.floorMs * TOLERANCE + SLACK_MS;
		if (latencyMs <= nearFloorMs) {
			this.answers++;
			if (this.answers === 1 && this.slowStart) {
				this.limit = Math.max(this.limit, INITIAL_LIMIT);
			} else {
				// With most of the limit unused (items run out, or a rate limit spaces the
				// requests), answers say nothing about more requests: no growth.
				if (inFlight * 2 < this.limit) return;
				// Each answer adds its share, so the limit grows per round trip, not per answer.
				this.limit += this.slowStart ? START_GROWTH : GROWTH;
			}
		} else if (this.slowStart) {
			// Growth overshoots by up to three times what the provider handled: halve it, and
			// let the latency take it down further.
			this.slowStart = false;
			this.limit = Math.max(MIN_LIMIT, this.limit / 2);
		} else if (this.limit > MIN_LIMIT) {
			// Spread over the answers of a round trip, so one slow answer moves it little.
			const target = (this.limit * nearFloorMs) / latencyMs;
			this.limit = Math.max(MIN_LIMIT, this.limit + (target - this.limit) / this.limit);
		}
		this.limit = Math.max(1, Math.min(this.ceiling, this.limit));
	}

	/** The provider said it is overloaded or limiting (429, 503): half as many requests. */
	congested(): void {
		this.slowStart = false;
		this.limit = Math.max(1, this.limit / 2);
	}
}
