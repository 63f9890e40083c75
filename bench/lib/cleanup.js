// Whatever the bench started (n8n instances) is stopped also when the bench is
// interrupted (Ctrl+C, SIGTERM), not only when it ends or fails.
const stoppers = new Set();
let installed = false;

/** Registers `stop` (async) until the returned function is called. */
function stopOnExit(stop) {
	if (!installed) {
		installed = true;
		for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
			process.once(signal, async () => {
				console.error(`\n${signal}: stopping what the bench started...`);
				await Promise.allSettled([...stoppers].map((fn) => fn()));
				process.exit(130);
			});
		}
	}
	stoppers.add(stop);
	return () => stoppers.delete(stop);
}

module.exports = { stopOnExit };
