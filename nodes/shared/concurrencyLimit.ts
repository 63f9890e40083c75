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
// Never fewer on the answers' timing alone, so a few slow answers cannot stall a run. A 429
// or 503 still takes it lower.
const MIN_LIMIT = 4;
// While starting, each answer within 1.5 × the unloaded time adds two requests, so the
// limit triples per round trip while the provider keeps up (TCP's slow start).
const STARTUP_STEP = 2;
const KEPT_UP = 1.5;
// Starting ends when a round's answers took twice the unloaded time on average (requests
// are queuing), or after three round trips in which answers per second grew by less than
// a quarter.
const QUEUED = 2;
const GROWTH_SIGN = 1.25;
const FLAT_ROUNDS = 3;
// Then, per round trip, times what the provider handles at once: a fifth more, to see
// whether more requests bring more answers per second (at most 1.2 × a provider's capacity
// in flight); a quarter fewer, to empty the queue that made; then just that. Every second
// cycle empties it further (half), so the unloaded time is measured without our own queue
// in it. A probe that brought a tenth more answers per second is repeated at once.
const CRUISE = 1;
const DEEP_EMPTYING = 0.5;
const PROBE_GAINS = [1.2, 0.75, CRUISE, CRUISE, CRUISE, CRUISE, CRUISE, CRUISE, 1.2, DEEP_EMPTYING, CRUISE, CRUISE, CRUISE, CRUISE, CRUISE, CRUISE];
const PROBE_PAID = 1.1;
// The unloaded time is the lowest of the last 20 round trips' average answer times (a
// whole cycle with its deep emptying); answers per second are the highest of the last 10
// round trips'. Old enough to hold the provider's best, recent enough to follow it when it
// changes and to forget the times n8n's own work on other items added.
const FLOOR_ROUNDS = 20;
const RATE_ROUNDS = 10;

/** What the limit knew when a request was sent; handed back with its answer. */
export interface Sent {
	at: number;
	/** Requests in flight with this one. */
	inFlight: number;
	/** Answers counted before it was sent: rounds end on the first answer to a later request. */
	delivered: number;
	/** Fewer requests were ready than the limit allowed. */
	underused: boolean;
}

/** One round trip's answers: the requests out when each was sent, and their times. */
interface Round {
	inFlight: number;
	/** The fewest answers counted when any of its requests was sent. */
	firstSent: number;
	latencyMs: number;
	answers: number;
	full: boolean;
}

/**
 * How many requests may be in flight, found as TCP BBR finds a connection's window, from
 * two figures of recent round trips: the most answers per millisecond (requests out ÷
 * their answer time, by Little's law) and the unloaded answer time (the lowest round trip
 * average). Their product is how many requests the provider, and n8n, work on at once
 * without queuing them; more only wait, at the provider or in n8n's own queue, and bring
 * no more answers per second. Neither figure is the fastest answer ever: n8n's work on
 * other items slows every answer, and the limit must not read that as the provider
 * queuing. While starting, the limit triples per round trip until answers slow down or
 * stop coming faster; then it stays at that product, probing a fifth above it every eight
 * round trips. A 429 or 503 halves it; it then grows back by a quarter per round trip
 * without one. It never exceeds `ceiling`.
 */
export class ConcurrencyLimit {
	private limit = 1;

	private phase: 'first' | 'startup' | 'probe' = 'first';

	private delivered = 0;

	private roundEndsAt = 0;

	private rounds: Round[] = [];

	private rateAtGrowth = 0;

	private flatRounds = 0;

	private probeIndex = 0;

	private rateBeforeProbe = 0;

	/** Set when starting ends: the emptying lasts until a round's requests were all sent after it. */
	private drainingFrom: number | undefined;

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
		return { at: now, inFlight, delivered: this.delivered, underused: !waiting };
	}

	/** A successful answer to the request `sent`, arrived at `now`. */
	answered(sent: Sent, now: number): void {
		this.delivered++;
		const latencyMs = Math.max(1, now - sent.at);
		if (this.rounds.length === 0 || sent.delivered >= this.roundEndsAt) {
			this.roundEndsAt = this.delivered;
			if (this.rounds.length > 0) this.roundEnded();
			// A round without a full limit's answer is carried on: idle time must not age
			// what the provider showed.
			if (this.rounds.length === 0 || this.rounds[this.rounds.length - 1].full) {
				this.rounds.push({ inFlight: 0, firstSent: sent.delivered, latencyMs: 0, answers: 0, full: false });
				if (this.rounds.length > FLOOR_ROUNDS) this.rounds.shift();
			}
		}
		const round = this.rounds[this.rounds.length - 1];
		round.inFlight += sent.inFlight;
		round.firstSent = Math.min(round.firstSent, sent.delivered);
		round.latencyMs += latencyMs;
		round.answers++;
		if (!sent.underused) round.full = true;

		if (this.phase === 'first') {
			this.phase = 'startup';
			this.limit = INITIAL_LIMIT;
		} else if (this.phase === 'startup' && !sent.underused) {
			const floorMs = this.floorMs();
			// The round's average, not one answer: n8n's own work delays a few answers of a
			// burst well past twice the unloaded time while the provider queues nothing.
			if (round.latencyMs / round.answers > QUEUED * floorMs) this.endStartup();
			else if (latencyMs <= KEPT_UP * floorMs) this.limit += STARTUP_STEP;
		}
		if (this.phase === 'probe') this.limit = this.target();
		this.limit = Math.max(1, Math.min(this.ceiling, this.congestionCap, this.limit));
	}

	/** The provider said it is overloaded or limiting (429, 503): half as many requests. */
	congested(): void {
		if (this.phase !== 'first') this.phase = 'probe';
		this.congestionCap = Math.max(1, this.current / 2);
		this.limit = Math.min(this.limit, this.congestionCap);
	}

	private roundEnded(): void {
		this.congestionCap *= GROWTH_SIGN;
		const rate = this.rate();
		if (this.phase === 'startup') {
			// Rounds whose requests did not fill the limit say nothing about more requests.
			if (!this.rounds[this.rounds.length - 1].full) return;
			if (rate >= this.rateAtGrowth * GROWTH_SIGN) {
				this.rateAtGrowth = rate;
				this.flatRounds = 0;
			} else if (++this.flatRounds >= FLAT_ROUNDS) this.endStartup();
			return;
		}
		if (this.drainingFrom !== undefined) {
			if (this.rounds[this.rounds.length - 1].firstSent < this.drainingFrom) return;
			this.drainingFrom = undefined;
		}
		// The probe's answers come in the round after it: judge it then.
		const paid = PROBE_GAINS[this.probeIndex - 1] > CRUISE && rate >= this.rateBeforeProbe * PROBE_PAID;
		this.probeIndex = paid ? this.probeIndex - 1 : (this.probeIndex + 1) % PROBE_GAINS.length;
		if (PROBE_GAINS[this.probeIndex] > CRUISE) this.rateBeforeProbe = rate;
	}

	private endStartup(): void {
		this.phase = 'probe';
		// Empty the queue starting built up, until a whole round of requests sent at that
		// pace shows the unloaded time.
		this.probeIndex = PROBE_GAINS.indexOf(DEEP_EMPTYING);
		this.drainingFrom = this.delivered;
		// No probe was made yet: none is judged paid (and repeated) when emptying ends.
		this.rateBeforeProbe = Infinity;
	}

	/** The unloaded answer time: the lowest round trip average. */
	private floorMs(): number {
		let floor = Infinity;
		for (const round of this.rounds) if (round.answers > 0) floor = Math.min(floor, round.latencyMs / round.answers);
		return floor;
	}

	/** The most answers per millisecond of the recent rounds. */
	private rate(): number {
		let best = 0;
		for (let i = Math.max(0, this.rounds.length - RATE_ROUNDS); i < this.rounds.length; i++) {
			const round = this.rounds[i];
			if (round.answers > 0) best = Math.max(best, round.inFlight / round.latencyMs);
		}
		return best;
	}

	private target(): number {
		return Math.max(MIN_LIMIT, PROBE_GAINS[this.probeIndex] * this.rate() * this.floorMs());
	}
}
