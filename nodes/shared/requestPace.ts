import { cancellableWait, RunStopped, untilStopped } from './cancellableWait';
import { ADAPTIVE_MAX_CONCURRENCY, ConcurrencyLimit, type Sent } from './concurrencyLimit';

export type Outcome = 'ok' | 'congested' | 'other';

/** A request let through by the pace: when it was sent, and in which round. */
export interface Ticket {
	round: number;
	sent: Sent;
}

/**
 * The pace of one node execution's requests. How many may be in flight is a
 * ConcurrencyLimit: it starts at one request (so a token is fetched once, by the first
 * request), grows while more requests bring more answers per second, settles where they
 * stop doing so, and halves on a 429/503 (once per round trip). A run of congestion
 * answers while most recent answers were congestion answers means the provider is
 * limiting the request rate: then nobody sends until its Retry-After (or the backoff) is
 * over, and requests are spaced at the rate the provider just accepted, a little slower,
 * creeping up again while all is well.
 */
export class RequestPace {
	private readonly limit: ConcurrencyLimit;

	private inFlight = 0;

	/** Requests waiting for a slot: each is handed the requests in flight with it. */
	private waiting: Array<(inFlight: number) => void> = [];

	/** Bumped at each decrease: answers to requests sent before it do not decrease again. */
	private round = 0;

	private congestedInARow = 0;

	/** The current run of congestion answers has been taken for a rate limit. */
	private limitedThisRun = false;

	private resumeAt = 0;

	/** Milliseconds between request starts; 0 while the provider has not limited the rate. */
	private startGapMs = 0;

	private nextStartAt = 0;

	/** Times of the successes of the last second (older ones are dropped as new ones come). */
	private recentSuccesses: number[] = [];

	/** Whether each of the last answers was a 429/503, oldest first. */
	private lastAnswersRefused: boolean[] = [];

	/**
	 * `ceiling`: Max Concurrent Requests, or undefined to let the limit find it. `stopped`:
	 * once aborted, waiting requests give up their turn (RunStopped) and none starts.
	 */
	constructor(
		ceiling?: number,
		private readonly stopped?: AbortSignal,
	) {
		this.limit = new ConcurrencyLimit(ceiling ?? ADAPTIVE_MAX_CONCURRENCY);
	}

	/** Requests waiting out a Retry-After or a backoff before they try again. */
	waitingToRetry = 0;

	/** How many requests may be in flight now. */
	get concurrency(): number {
		return this.allowed();
	}

	get idle(): boolean {
		return this.inFlight === 0 && this.waiting.length === 0;
	}

	/** Waits for a free slot and the moment to send. Retries pass `first` to go ahead of new requests. */
	async acquire(first = false): Promise<Ticket> {
		if (this.stopped?.aborted) throw new RunStopped();
		// Counted when the slot is taken: after the awaits below, slots taken meanwhile by
		// requests started at the same moment would be counted too.
		let inFlight: number;
		if (this.inFlight < this.allowed() && this.waiting.length === 0) {
			inFlight = ++this.inFlight;
		} else {
			let wake: (inFlight: number) => void = () => {};
			const turn = new Promise<number>((resolve) => {
				wake = resolve;
				if (first) this.waiting.unshift(resolve);
				else this.waiting.push(resolve);
			});
			let gotTurn = false;
			try {
				inFlight = await untilStopped(turn, this.stopped);
				gotTurn = true;
			} finally {
				if (!gotTurn) {
					const queued = this.waiting.indexOf(wake);
					if (queued !== -1) this.waiting.splice(queued, 1);
					else this.giveBack(); // the slot was handed over just as the run stopped
				}
			}
		}
		// Requests ready beyond this one, and no spacing: its answer shows what the limit allows.
		const waiting = (this.waiting.length > 0 || this.inFlight >= this.allowed()) && this.startGapMs === 0;
		const now = Date.now();
		const startAt = Math.max(now, this.resumeAt, this.nextStartAt);
		this.nextStartAt = startAt + this.startGapMs;
		let started = false;
		try {
			await cancellableWait(startAt - now, this.stopped);
			started = true;
		} finally {
			if (!started) this.giveBack();
		}
		return { round: this.round, sent: this.limit.sent(Date.now(), inFlight, waiting) };
	}

	/** Waits `ms` before a request tries again (ends at once on Stop, with RunStopped). */
	async waitToRetry(ms: number): Promise<void> {
		this.waitingToRetry++;
		try {
			await cancellableWait(ms, this.stopped);
		} finally {
			this.waitingToRetry--;
		}
	}

	/** Frees the slot of a request, adjusting the pace to how it went. */
	release({ round, sent }: Ticket, outcome: Outcome, retryInMs = 0): void {
		const now = Date.now();
		if (outcome === 'ok') {
			this.congestedInARow = 0;
			this.limitedThisRun = false;
			this.remember(false);
			this.recentSuccesses.push(now);
			dropOlderThanASecond(this.recentSuccesses, now);
			this.limit.answered(sent, now);
			if (this.startGapMs > 0) {
				// Half a request per second faster each second: slow enough that a provider's
				// limit is met again only every few seconds, each time costing a pause.
				const rate = 1000 / this.startGapMs;
				this.startGapMs = 1000 / (rate + 0.5 / rate);
			}
		} else if (outcome === 'congested') {
			this.remember(true);
			if (round === this.round) {
				this.limit.congested();
				this.round++;
			}
			// A single 429 may be chance, and so may three in a row among many successes
			// (one answer in ten refused at random does that every thousand answers). Three
			// in a row with 8 of the last 20 refused mean the provider limits the rate; once
			// it has, three in a row mean the pace crept past it.
			if (++this.congestedInARow >= 3 && (this.startGapMs > 0 || this.mostlyRefused())) {
				this.resumeAt = Math.max(this.resumeAt, now + retryInMs);
				if (!this.limitedThisRun) this.limitRateToRecentSuccesses(now);
				this.limitedThisRun = true;
			}
		}
		this.giveBack();
	}

	/** Frees a slot and hands free slots to the requests waiting, first in line first. */
	private giveBack(): void {
		this.inFlight--;
		while (this.waiting.length > 0 && this.inFlight < this.allowed()) {
			this.waiting.shift()?.(++this.inFlight);
		}
	}

	private remember(refused: boolean): void {
		this.lastAnswersRefused.push(refused);
		if (this.lastAnswersRefused.length > 20) this.lastAnswersRefused.shift();
	}

	private mostlyRefused(): boolean {
		const refused = this.lastAnswersRefused.filter(Boolean).length;
		return refused >= 0.4 * this.lastAnswersRefused.length;
	}

	private limitRateToRecentSuccesses(now: number): void {
		dropOlderThanASecond(this.recentSuccesses, now);
		const accepted = this.recentSuccesses.length;
		if (accepted === 0) return;
		const gap = 1000 / (accepted * 0.95);
		this.startGapMs = Math.max(this.startGapMs, gap);
	}

	private allowed(): number {
		return this.limit.current;
	}
}

/** Drops the times, oldest first, that are a second or more before `now`. */
function dropOlderThanASecond(times: number[], now: number): void {
	while (times.length > 0 && now - times[0] >= 1000) times.shift();
}
