// The part every provider mock shares: a loopback HTTP server (Express) that records
// each request exactly as it arrived, counts requests in flight, and can be told to
// misbehave (status codes such as 429 with Retry-After, dropped connections, delays,
// answers that never come, a requests-per-second limit) before the provider logic runs,
// or to answer like a real provider (a round trip of some milliseconds, a capacity).
const express = require('express');

class MockProvider {
	constructor(name) {
		this.name = name;
		this.app = express();
		this.server = undefined;
		this.url = undefined;
		this.reset();
		this.app.use(express.raw({ type: () => true, limit: '10mb' }));
		this.app.use((req, res, next) => this.intercept(req, res, next));
	}

	/** Forgets recorded requests, faults and limits (not the provider's stored records). */
	reset() {
		this.requests = [];
		this.faults = [];
		this.listeners = [];
		this.rateLimit = undefined;
		this.service = undefined;
		this.inFlight = 0;
		this.maxInFlight = 0;
		this.random = seededRandom(42);
	}

	async start() {
		await new Promise((resolve) => {
			this.server = this.app.listen(0, '127.0.0.1', resolve);
		});
		this.server.keepAliveTimeout = 5_000;
		this.url = `http://127.0.0.1:${this.server.address().port}`;
		return this;
	}

	async stop() {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server.close(resolve));
	}

	/**
	 * Adds a fault. `match(request)` picks the requests it applies to (default: all);
	 * `times` limits how often it fires, `probability` fires it at random (seeded).
	 * Kinds: { status, headers, body } answers with that; { drop: true } closes the
	 * connection; { delayMs } waits, then answers normally; { hang: true } never answers.
	 */
	fault({ match = () => true, times = Infinity, probability = 1, ...action }) {
		this.faults.push({ match, remaining: times, probability, action });
	}

	/** Calls `listener(request)` as each request arrives, before any fault (e.g. to expire tokens mid-run). */
	onRequest(listener) {
		this.listeners.push(listener);
	}

	/** Answers 429 (with Retry-After: 1) to requests beyond `perSecond` in any second. */
	limitRate(perSecond) {
		this.rateLimit = { perSecond, windowStart: 0, count: 0 };
	}

	/**
	 * Every answer takes `latencyMs`. With `capacity`, the provider works on that many
	 * requests at once and the others wait their turn (first come, first served), so
	 * latency grows with the queue, as at a real provider's busy server.
	 */
	serve({ latencyMs, capacity = Infinity }) {
		this.service = { latencyMs, capacity, working: 0, queue: [] };
	}

	/** Requests recorded for this path (exact match on the path, without the query). */
	requestsTo(method, path) {
		return this.requests.filter((r) => r.method === method && r.path === path);
	}

	async intercept(req, res, next) {
		const rawBody = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
		const contentType = req.headers['content-type'] ?? '';
		const recorded = {
			at: Date.now(),
			method: req.method,
			rawUrl: req.originalUrl,
			path: req.originalUrl.split('?')[0],
			query: Object.fromEntries(new URL(req.originalUrl, 'http://mock').searchParams),
			headers: req.headers,
			contentType,
			rawBody,
			body: parseBody(contentType, rawBody),
		};
		this.requests.push(recorded);
		req.recorded = recorded;
		for (const listener of this.listeners) listener(recorded);
		req.body = recorded.body;

		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		let counted = true;
		const done = () => {
			if (counted) this.inFlight--;
			counted = false;
		};
		res.on('close', done);
		res.on('finish', done);

		if (this.rateLimit) {
			const now = Date.now();
			const limit = this.rateLimit;
			if (now - limit.windowStart >= 1000) {
				limit.windowStart = now;
				limit.count = 0;
			}
			if (++limit.count > limit.perSecond) {
				recorded.answeredWith = 429;
				res.status(429).set('Retry-After', '1').json({ message: 'Too many requests' });
				return;
			}
		}

		const fault = this.faults.find(
			(f) => f.remaining > 0 && f.match(recorded) && this.random() < f.probability,
		);
		if (fault) {
			fault.remaining--;
			const { action } = fault;
			if (action.hang) return;
			if (action.drop) {
				recorded.answeredWith = 'dropped';
				req.socket.destroy();
				return;
			}
			if (action.delayMs) await new Promise((resolve) => setTimeout(resolve, action.delayMs));
			if (action.status) {
				recorded.answeredWith = action.status;
				res.status(action.status).set(action.headers ?? {});
				if (action.body === undefined) res.end();
				else if (typeof action.body === 'string') res.send(action.body);
				else res.json(action.body);
				return;
			}
		}
		if (this.service) await this.serveInTurn(this.service);
		next();
	}

	async serveInTurn(service) {
		if (service.working >= service.capacity) await new Promise((resolve) => service.queue.push(resolve));
		else service.working++;
		await new Promise((resolve) => setTimeout(resolve, service.latencyMs));
		// The freed place goes straight to the next in the queue.
		const next = service.queue.shift();
		if (next) next();
		else service.working--;
	}
}

function parseBody(contentType, raw) {
	if (!raw) return undefined;
	if (contentType.includes('application/json')) {
		try {
			return JSON.parse(raw);
		} catch {
			return undefined;
		}
	}
	if (contentType.includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(raw));
	}
	return undefined;
}

/** A small deterministic generator, so fault mixes are the same on every run. */
function seededRandom(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

module.exports = { MockProvider };
