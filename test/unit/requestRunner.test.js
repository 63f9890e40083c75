// The request runner's waits and checks, on the built code (the end-to-end tests run them in n8n).
const { startRequestRun, withRetries } = require('../../dist/nodes/shared/requestRunner');
const { throwIfProviderError } = require('../../dist/nodes/shared/providerResponse');

const node = { name: 'AtaraPay', type: 'n8n-nodes-payment-providers.ataraPay', typeVersion: 1, parameters: {} };
const provider = { name: 'AtaraPay', findError: () => 'Too many requests' };
const rateLimited = async () =>
	throwIfProviderError(node, provider, { statusCode: 429, headers: { 'retry-after': '60' }, body: {} });
const option = (values) => (name, fallback) => values[name] ?? fallback;

test('Stop ends a 60 s Retry-After wait at once, and nothing is sent again', async () => {
	const cancel = new AbortController();
	const run = startRequestRun(node, option({}), true, cancel.signal);
	let attempts = 0;
	const started = Date.now();
	const request = withRetries({ run, node, itemIndex: 0 }, 'PUT', async () => {
		attempts++;
		return await rateLimited();
	});
	setTimeout(() => cancel.abort(), 200);

	await expect(request).rejects.toThrow('The run was stopped');
	expect(Date.now() - started).toBeLessThan(2000);
	expect(attempts).toBe(1);
});

test('a request that fails for good stops the run when there is no Continue On Fail', async () => {
	const run = startRequestRun(node, option({ maxAttempts: 1 }), true);
	await expect(withRetries({ run, node, itemIndex: 0 }, 'PUT', rateLimited)).rejects.toThrow('AtaraPay: Too many requests');
	expect(run.stopped.aborted).toBe(true);

	const keepsGoing = startRequestRun(node, option({ maxAttempts: 1 }), false);
	await expect(withRetries({ run: keepsGoing, node, itemIndex: 0 }, 'PUT', rateLimited)).rejects.toThrow();
	expect(keepsGoing.stopped.aborted).toBe(false);
});

test.each([
	['maxConcurrency', 0, 'Max Concurrent Requests'],
	['maxConcurrency', 'ten', 'Max Concurrent Requests'],
	['maxAttempts', NaN, 'Max Attempts'],
	['maxAttempts', -1, 'Max Attempts'],
	['maxAttempts', 1.5, 'Max Attempts'],
])('%s = %p is refused, naming the option', (name, value, displayName) => {
	expect(() => startRequestRun(node, option({ [name]: value }), true)).toThrow(
		`"${displayName}" in Request Options must be a whole number of at least 1`,
	);
});

test('whole numbers given as text are accepted', () => {
	expect(startRequestRun(node, option({ maxConcurrency: '4', maxAttempts: 3 }), true)).toMatchObject({
		ceiling: 4,
		maxAttempts: 3,
	});
});
