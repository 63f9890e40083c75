import { cancellableWait, RunStopped, untilStopped } from './cancellableWait';

export type Outcome = 'ok' | 'congested' | 'other';

/**
 * The pace of one node execution's requests, found the way TCP finds a link's
 * capacity. Concurrency starts at one request (so a token is fetched once, by the first
 * request), grows while answers come back fine (doubling per round trip at first, then
 * by one per round trip) and halves on a 429/503 (once per round trip). A run of
 * congestion answers means the provider is limiting the request rate: then nobody
 * sends until its Retry-After (or the backoff) is over, and requests are spaced at the
 * rate the provider just accepted, a little slower, creeping up again while all is well.
 */
export class RequestPace {
	private window = 1;

	private slowStart = true;

	private inFlight = 0;

	private waiting: Array<() => void> = [];

	/** Bumped at each decrease: answers to requests sent before it do not decrease again. */
	private round = 0;

	private congestedInARow = 0;

	private resumeAt = 0;

	/** Milliseconds between request starts; 0 while the provider has not limited the rate. */
	private startGapMs = 0;

	private nextStartAt = 0;

	/** Times of the successes of the last second (older ones are dropped as new ones come). */
	private recentSuccesses: number[] = [];

	/** `stopped`: once aborted, waiting requests give up their turn (RunStopped) and none starts. */
	constructor(
		private readonly maxInFlight: number,
		private readonly stopped?: AbortSignal,
	) {}

	/** How many requests may be in flight now. */
	get concurrency(): number {
		return this.allowed();
	}

	get idle(): boolean {
		return this.inFlight === 0 && this.waiting.length === 0;
	}

	/** Waits for a free slot and the moment to send. Retries pass `first` to go ahead of new requests. */
	async acquire(first = false): Promise<number> {
		if (this.stopped?.aborted) throw new RunStopped();
		if (this.inFlight < this.allowed() && this.waiting.length === 0) {
			this.inFlight++;
		} else {
			let wake = () => {};
			const turn = new Promise<void>((resolve) => {
				wake = resolve;
				if (first) this.waiting.unshift(resolve);
				else this.waiting.push(resolve);
			});
			let gotTurn = false;
			try {
				await untilStopped(turn, this.stopped);
				gotTurn = true;
			} finally {
				if (!gotTurn) {
					const queued = this.waiting.indexOf(wake);
					if (queued !== -1) this.waiting.splice(queued, 1);
					else this.giveBack(); // the slot was handed over just as the run stopped
				}
			}
		}
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
		return this.round;
	}

	/** Frees the slot of a request sent in `round`, adjusting the pace to how it went. */
	release(round: number, outcome: Outcome, retryInMs = 0): void {
		const now = Date.now();
		if (outcome === 'ok') {
			this.congestedInARow = 0;
			this.recentSuccesses.push(now);
			while (now - this.recentSuccesses[0] >= 1000) this.recentSuccesses.shift();
			this.window = Math.min(this.maxInFlight, this.window + (this.slowStart ? 1 : 1 / this.window));
			if (this.startGapMs > 0) {
				// Half a request per second faster each second: slow enough that a provider's
				// limit is met again only every few seconds, each time costing a pause.
				const rate = 1000 / this.startGapMs;
				this.startGapMs = 1000 / (rate + 0.5 / rate);
			}
		} else if (outcome === 'congested') {
			this.slowStart = false;
			if (round === this.round) {
				this.window = Math.max(1, this.window / 2);
				this.round++;
			}
			// A single 429 may be chance; several in a row mean the provider limits the rate.
			if (++this.congestedInARow >= 3) {
				this.resumeAt = Math.max(this.resumeAt, now + retryInMs);
				if (this.congestedInARow === 3) this.limitRateToRecentSuccesses(now);
			}
		}
		this.giveBack();
	}

	/** Frees a slot and hands free slots to the requests waiting, first in line first. */
	private giveBack(): void {
		this.inFlight--;
		while (this.waiting.length > 0 && this.inFlight < this.allowed()) {
			this.inFlight++;
			this.waiting.shift()?.();
		}
	}

	private limitRateToRecentSuccesses(now: number): void {
		this.recentSuccesses = this.recentSuccesses.filter((time) => now - time < 1000);
		const accepted = this.recentSuccesses.length;
		if (accepted === 0) return;
		const gap = 1000 / (accepted * 0.95);
		this.startGapMs = Math.max(this.startGapMs, gap);
	}

	private allowed(): number {
		return Math.min(this.maxInFlight, Math.floor(this.window));
	}
}
