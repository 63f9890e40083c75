/**
 * The most requests a node execution has in flight when Max Concurrent Requests is empty.
 * n8n spends about a millisecond of CPU on each item, so one execution sends at most about
 * 1,000 requests a second: 500 in flight keep it busy against a provider that takes up to
 * half a second to answer, and more would only pile up requests at a provider that is slow.
 */
export const ADAPTIVE_MAX_CONCURRENCY = 500;

// After the first answer (which fetched any token): a provider answers this many requests
// at once before the limit knows more.
const INITIAL_LIMIT = 16;
// Never fewer on the answers' timing alone: with 4 in flight a slow answer or two does not
// stall the run. A 429 or 503 still takes it lower.
const MIN_LIMIT = 4;
// While starting, twice what the answers show the provider handles: the limit doubles per
// round trip while answers per second keep rising.
const STARTUP_GAIN = 2.89;
// Starting also ends at an answer that took twice the fastest: requests are queuing.
const QUEUED = 2;
// Starting ends after three round trips whose answers per second grew by less than a quarter.
const GROWTH_SIGN = 1.25;
const FLAT_ROUNDS = 3;
// Then, per round trip: a quarter more to see whether more requests bring more answers per
// second, a quarter fewer to empty the queue that made at the provider, then as many as it
// handles. Every second cycle empties it further (half), so the fastest answer seen is the
// provider's own, not one slowed by our queue. A probe that found more answers per second
// is repeated at once.
const PROBE_GAINS = [1.25, 0.75, 1, 1, 1, 1, 1, 1, 1.25, 0.5, 1, 1, 1, 1, 1, 1];
const PROBE_PAID = 1.1;
// The fastest answer over the last 20 round trips (a whole cycle and its deep emptying),
// and the most answers per second over the last 10: old enough to hold the provider's
// best, recent enough to follow it when it changes, and to forget answers that n8n's own
// work on other items delayed.
const FLOOR_ROUNDS = 20;
const RATE_ROUNDS = 10;

/** What the limit knew when a request was sent; handed back with its answer. */
export interface Sent {
	at: number;
	delivered: number;
	deliveredAt: number;
	/** Requests in flight with this one. */
	inFlight: number;
	/** Fewer requests were ready than the limit allowed: its answers do not show the provider's best. */
	underused: boolean;
}

interface Round {
	startAt: number;
	startDelivered: number;
	floorMs: number;
	rate: number;
}

/**
 * How many requests may be in flight, found as TCP BBR finds a connection's window: from
 * the most answers per second seen lately (the rate) and the fastest answer seen lately
 * (the floor). Rate × floor is how many requests the provider works on at once without
 * queuing them; more only add waiting, at the provider or in n8n. While starting, the limit
 * is about three times that, so it triples per round trip while the rate keeps rising; when
 * the rate stops rising, it settles at rate × floor and probes a quarter above it every
 * eight round trips. A 429 or 503 halves it; it then grows back by a quarter per round trip
 * without one. It never exceeds `ceiling`.
 */
export class ConcurrencyLimit {
	private limit = 1;

	private phase: 'first' | 'startup' | 'probe' = 'first';

	private delivered = 0;

	private deliveredAt: number | undefined;

	private roundEndsAt = 0;

	private rounds: Round[] = [];

	private rateAtGrowth = 0;

	private flatRounds = 0;

	private probeIndex = 0;

	private rateBeforeProbe = 0;

	/** Set by a 429 or 503: the limit stays at or below it, and it grows back per round trip. */
	private congestionCap = Infinity;

	constructor(private readonly ceiling: number) {}

	get current(): number {
		return Math.max(1, Math.min(this.ceiling, Math.round(this.limit)));
	}

	/**
	 * Call when a request is sent, with `inFlight` requests out (this one included);
	 * `waiting`: more requests are ready than the limit lets go.
	 */
	sent(now: number, inFlight: number, waiting: boolean): Sent {
		this.deliveredAt ??= now;
		return { at: now, delivered: this.delivered, deliveredAt: this.deliveredAt, inFlight, underused: !waiting };
	}

	/** A successful answer to the request `sent`, arrived at `now`. */
	answered(sent: Sent, now: number): void {
		this.delivered++;
		const latencyMs = Math.max(1, now - sent.at);

		const newRound = this.rounds.length === 0 || sent.delivered >= this.roundEndsAt;
		if (newRound) {
			this.roundEndsAt = this.delivered;
			if (this.rounds.length > 0) this.roundEnded();
			// A round without a full limit's answer is carried on: idle time must not age the
			// rate and floor the provider showed.
			if (this.rounds.length === 0 || this.rounds[this.rounds.length - 1].rate > 0) {
				this.rounds.push({ startAt: now, startDelivered: this.delivered, floorMs: Infinity, rate: 0 });
				if (this.rounds.length > FLOOR_ROUNDS) this.rounds.shift();
			}
		}
		const round = this.rounds[this.rounds.length - 1];
		round.floorMs = Math.min(round.floorMs, latencyMs);
		// Answers per millisecond since the round before this one began, over at least the
		// fastest answer's time: over one round trip alone, answers that came together at its
		// start and end would count as a higher rate than the provider's.
		const since = this.rounds.length > 1 ? this.rounds[this.rounds.length - 2] : round;
		const rate = (this.delivered - since.startDelivered) / Math.max(now - since.startAt, this.floorMs());
		// An underused limit's answers come slower than the provider could: they only count when
		// they beat the rate seen so far.
		if (!sent.underused || rate > this.rate()) round.rate = Math.max(round.rate, rate);

		if (this.phase === 'first') this.phase = 'startup';
		else if (this.phase === 'startup' && !sent.underused && latencyMs > QUEUED * this.floorMs()) this.endStartup();
		this.limit = this.target();
	}

	/** The provider said it is overloaded or limiting (429, 503): half as many requests. */
	congested(): void {
		if (this.phase !== 'first') this.phase = 'probe';
		this.congestionCap = Math.max(1, this.current / 2);
		this.limit = this.congestionCap;
	}

	private roundEnded(): void {
		this.congestionCap *= GROWTH_SIGN;
		const rate = this.rate();
		const last = this.rounds[this.rounds.length - 1];
		if (this.phase === 'startup') {
			// Rounds whose requests did not fill the limit say nothing about more requests.
			if (last.rate === 0) return;
			if (rate >= this.rateAtGrowth * GROWTH_SIGN) {
				this.rateAtGrowth = rate;
				this.flatRounds = 0;
			} else if (++this.flatRounds >= FLAT_ROUNDS) this.endStartup();
			return;
		}
		// The probe's answers come in the round after it: judge it then. One that found more
		// answers per second is repeated at once.
		const paid = PROBE_GAINS[this.probeIndex - 1] > PROBE_GAINS[2] && rate >= this.rateBeforeProbe * PROBE_PAID;
		this.probeIndex = paid ? this.probeIndex - 1 : (this.probeIndex + 1) % PROBE_GAINS.length;
		if (PROBE_GAINS[this.probeIndex] > PROBE_GAINS[2]) this.rateBeforeProbe = rate;
	}

	private endStartup(): void {
		this.phase = 'probe';
		// Start with the round that empties the queue starting built up.
		this.probeIndex = 9;
		this.rateBeforeProbe = this.rate();
	}

	private floorMs(): number {
		return Math.min(...this.rounds.map((round) => round.floorMs));
	}

	/** The most answers per millisecond over the recent rounds. */
	private rate(): number {
		let best = 0;
		for (let i = Math.max(0, this.rounds.length - RATE_ROUNDS); i < this.rounds.length; i++) best = Math.max(best, this.rounds[i].rate);
		return best;
	}

	private target(): number {
		const handled = this.rate() * this.floorMs();
		const wanted =
			this.phase === 'startup'
				? Math.max(INITIAL_LIMIT, STARTUP_GAIN * handled)
				: Math.max(MIN_LIMIT, PROBE_GAINS[this.probeIndex] * handled);
		return Math.max(1, Math.min(this.ceiling, this.congestionCap, wanted));
	}
}
