// How much the package adds to n8n's start-up: time from spawning n8n until it answers
// its readiness check, without the package and with it, a few starts each (alternated,
// after one unmeasured start of each that creates the database), median of each.
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');
const { freePort, startN8n } = require('../../test/harness/n8nInstance');
const { freshUserFolder } = require('./n8n');
const { round } = require('./sampling');
const { stopOnExit } = require('./cleanup');

const env = { N8N_ENCRYPTION_KEY: 'bench-encryption-key-not-a-secret', N8N_LOG_LEVEL: 'warn' };

async function timedStart(userFolder) {
	const port = await freePort();
	const started = Date.now();
	const starting = startN8n({ userFolder, port, env });
	// startN8n checks readiness every 250 ms; this finer check gives the time.
	let readyAt;
	const poll = (async () => {
		while (readyAt === undefined) {
			try {
				const res = await fetch(`http://127.0.0.1:${port}/healthz/readiness`);
				if (res.ok) readyAt = Date.now();
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	})();
	const n8n = await starting.catch((error) => {
		readyAt = NaN;
		throw error;
	});
	const forget = stopOnExit(n8n.stop);
	await poll;
	await n8n.stop();
	forget();
	return readyAt - started;
}

async function measureStartup(tarball, starts = 5, log = () => {}) {
	const without = freshUserFolder('startup-without');
	const withPackage = freshUserFolder('startup-with', tarball);
	log('start-up: first starts (database set-up, not measured)');
	await timedStart(without);
	await timedStart(withPackage);
	const times = { without: [], with: [] };
	for (let n = 0; n < starts; n++) {
		times.without.push(await timedStart(without));
		times.with.push(await timedStart(withPackage));
		log(`start-up ${n + 1}/${starts}: without ${times.without.at(-1)} ms, with ${times.with.at(-1)} ms`);
	}
	const medianWithout = median(times.without);
	const medianWith = median(times.with);
	return {
		starts,
		withoutMs: times.without,
		withMs: times.with,
		medianWithoutMs: medianWithout,
		medianWithMs: medianWith,
		addedMs: medianWith - medianWithout,
	};
}

/** The packed tarball's size and what it unpacks to. */
function tarballInfo(tarball) {
	const listing = execFileSync('tar', ['-tzvf', tarball]).toString().trim().split('\n');
	const unpackedBytes = listing.reduce((sum, line) => sum + Number(line.split(/\s+/)[2] || 0), 0);
	return {
		file: tarball.split('/').pop(),
		bytes: fs.statSync(tarball).size,
		unpackedBytes,
		files: listing.length,
		kB: round(fs.statSync(tarball).size / 1024, 1),
	};
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

module.exports = { measureStartup, tarballInfo, median };
