/** The most requests a node execution has in flight when Max Concurrent Requests is empty. */
export const ADAPTIVE_MAX_CONCURRENCY = 200;

// Latency counts as "near its floor" up to 1.2 × the floor plus 10 ms: a provider's
// answers vary a little, and n8n's own work on other items adds a few milliseconds.
const TOLERANCE = 1.2;
const SLACK_MS = 10;
// Growth per round trip once past the start: a tenth more requests.
const GROWTH = 0.1;

/**
 * How many requests may be in flight, found from the provider's answers as TCP Vegas
 * and Netflix's gradient limit do. While answers come back about as fast as the fastest
 * seen (the floor), the provider has spare capacity: the limit doubles per round trip at
 * first, then grows by a tenth per round trip. When answers take longer, requests are
 * queuing at the provider: the first time, the limit halves (doubling overshot); after
 * that it moves, over about one round trip, to what would bring latency back near the
 * floor. A 429 or 503 halves it. It never exceeds `ceiling`.
 */
export class ConcurrencyLimit {
	private limit = 1;

	private slowStart = true;

	private floorMs = Infinity;

	constructor(private readonly ceiling: number) {}

	get current(): number {
		return Math.max(1, Math.min(this.ceiling, Math.floor(this.limit)));
	}

	/** An answer that took `latencyMs`, with `inFlight` requests (this one included) out. */
	answered(latencyMs: number, inFlight: number): void {
		this.floorMs = Math.min(this.floorMs, latencyMs);
		const nearFloorMs = this.floorMs * TOLERANCE + SLACK_MS;
		if (latencyMs <= nearFloorMs) {
			// With most of the limit unused (items run out, or a rate limit spaces the
			// requests), answers say nothing about more requests: no growth.
			if (inFlight * 2 < this.limit) return;
			// Each answer adds its share, so the limit grows per round trip, not per answer.
			this.limit += this.slowStart ? 1 : GROWTH;
		} else if (this.slowStart) {
			// Doubling overshoots by up to twice what the provider handled: back to that.
			this.slowStart = false;
			this.limit /= 2;
		} else {
			// Spread over the answers of a round trip, so one slow answer moves it little.
			const target = (this.limit * nearFloorMs) / latencyMs;
			this.limit += (target - this.limit) / this.limit;
		}
		this.limit = Math.max(1, Math.min(this.ceiling, this.limit));
	}

	/** The provider said it is overloaded or limiting (429, 503): half as many requests. */
	congested(): void {
		this.slowStart = false;
		this.limit = Math.max(1, this.limit / 2);
	}
}
