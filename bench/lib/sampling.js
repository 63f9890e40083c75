// Samplers for one measured run: the resident memory of a process (from /proc) and the
// traffic at a mock server.
const fs = require('node:fs');

/** The process's resident set size in bytes (VmRSS), or undefined once it is gone. */
function rssOf(pid) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = /^VmRSS:\s+(\d+) kB/m.exec(status);
		return kb ? Number(kb[1]) * 1024 : undefined;
	} catch {
		return undefined;
	}
}

/** Samples a process's RSS every `intervalMs` until stop(), which returns { baseline, peak }. */
function sampleRss(pid, intervalMs = 50) {
	const baseline = rssOf(pid);
	let peak = baseline ?? 0;
	const timer = setInterval(() => {
		const rss = rssOf(pid);
		if (rss !== undefined && rss > peak) peak = rss;
	}, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			const last = rssOf(pid);
			if (last !== undefined && last > peak) peak = last;
			return { baseline, peak };
		},
	};
}

/**
 * Watches a mock server's traffic: requests in flight (from the moment the server has
 * read a request's headers until its answer is sent) and open connections. A mock that
 * answers at once holds a request for a fraction of a millisecond, so requests in flight
 * stay near 1 whenever the client is slower than the mock; open connections then show the
 * client's concurrency better: an HTTP client opens another (keep-alive) connection only
 * while all its open ones wait for an answer it has not read yet.
 * stop() returns the maxima, the means of 10 ms samples while requests arrived, and over
 * the last `tailShare` of that time the means, maxima and request rate: where a pace settled.
 */
function watchTraffic(mock, { intervalMs = 10, tailShare = 0.25 } = {}) {
	const server = mock.server;
	let requests = 0;
	let connections = 0;
	let maxRequests = 0;
	// After the first second of requests: where an adaptive limit should have found its level.
	let maxRequestsAfterFirstSecond = 0;
	let maxConnections = 0;
	let opened = 0;
	const watchedFrom = Date.now();
	let firstAt;
	let lastAt;
	const onRequest = (req, res) => {
		firstAt ??= Date.now();
		lastAt = Date.now();
		requests++;
		maxRequests = Math.max(maxRequests, requests);
		if (lastAt - firstAt >= 1000) maxRequestsAfterFirstSecond = Math.max(maxRequestsAfterFirstSecond, requests);
		let counted = true;
		const done = () => {
			if (counted) requests--;
			counted = false;
		};
		res.on('finish', done);
		res.on('close', done);
	};
	const onConnection = (socket) => {
		connections++;
		opened++;
		maxConnections = Math.max(maxConnections, connections);
		socket.on('close', () => connections--);
	};
	// Keep-alive connections left from the run before would count as open: closed first.
	server.closeIdleConnections();
	server.prependListener('request', onRequest);
	server.on('connection', onConnection);
	const samples = [];
	let lastRequestCount = mock.requests.length;
	const timer = setInterval(() => {
		const arrived = mock.requests.length - lastRequestCount;
		lastRequestCount = mock.requests.length;
		// Requests still out from the first second count too (arrivals alone miss them).
		if (firstAt !== undefined && Date.now() - firstAt >= 1000) maxRequestsAfterFirstSecond = Math.max(maxRequestsAfterFirstSecond, requests);
		samples.push({ requests, connections, arrived });
	}, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			server.off('request', onRequest);
			server.off('connection', onConnection);
			// The busy time: from the first to the last sample in which requests arrived.
			const first = samples.findIndex((sample) => sample.arrived > 0);
			let last = samples.length - 1;
			while (last >= 0 && samples[last].arrived === 0) last--;
			const busy = first < 0 ? [] : samples.slice(first, last + 1);
			const tail = busy.slice(Math.floor(busy.length * (1 - tailShare)));
			const mean = (list, key) => (list.length ? round(list.reduce((sum, sample) => sum + sample[key], 0) / list.length, 1) : 0);
			return {
				// From the start of watching (the webhook call) to the first and the last request.
				firstRequestAfterMs: firstAt === undefined ? null : firstAt - watchedFrom,
				lastRequestAfterMs: lastAt === undefined ? null : lastAt - watchedFrom,
				max: maxRequests,
				maxAfterFirstSecond: maxRequestsAfterFirstSecond,
				mean: mean(busy, 'requests'),
				maxConnections,
				meanConnections: mean(busy, 'connections'),
				connectionsOpened: opened,
				tailMean: mean(tail, 'requests'),
				tailMax: tail.length ? Math.max(...tail.map((sample) => sample.requests)) : 0,
				tailMeanConnections: mean(tail, 'connections'),
				tailMaxConnections: tail.length ? Math.max(...tail.map((sample) => sample.connections)) : 0,
				tailRequestsPerSecond: tail.length ? round((tail.reduce((sum, sample) => sum + sample.arrived, 0) * 1000) / (tail.length * intervalMs), 1) : 0,
			};
		},
	};
}

function round(value, digits = 0) {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

/** Waits until the process's RSS has not changed by more than 2% for ~2 s (at most `maxMs`). */
async function settle(pid, maxMs = 15_000) {
	const deadline = Date.now() + maxMs;
	let previous = rssOf(pid);
	let stableFor = 0;
	while (Date.now() < deadline && stableFor < 2000) {
		await new Promise((resolve) => setTimeout(resolve, 250));
		const now = rssOf(pid);
		stableFor = Math.abs(now - previous) <= previous * 0.02 ? stableFor + 250 : 0;
		previous = now;
	}
}

module.exports = { rssOf, sampleRss, watchTraffic, settle, round };
