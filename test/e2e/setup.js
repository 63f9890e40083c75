// Per-file set-up for a provider's end-to-end tests: its mock server, a signed-in n8n
// client and a stored credential pointing at the mock.
const { signedInClient, n8nLog } = require('../harness/e2eState');

/**
 * Call at the top of a describe block. `credentialData(mock)` gives the credential's
 * fields (with `environment: 'custom'` and the mock's URL). Returns a context whose
 * fields are filled in before the first test.
 */
function useProvider({ createMock, credentialType, credentialData }) {
	const context = { mock: undefined, n8n: undefined, credential: undefined, credentialData: undefined };
	beforeAll(async () => {
		context.mock = await createMock().start();
		context.n8n = await signedInClient();
		context.credentialData = credentialData(context.mock);
		context.credential = await context.n8n.createCredential(credentialType, context.credentialData);
	});
	beforeEach(() => context.mock.reset());
	afterAll(async () => {
		await context.mock?.stop();
	});
	return context;
}

/** Fails when any of the secrets appears anywhere in `value` or in n8n's log. */
function expectNoSecrets(value, secrets) {
	const text = JSON.stringify(value) + n8nLog();
	for (const secret of secrets) {
		expect(text.includes(secret)).toBe(false);
	}
}

module.exports = { useProvider, expectNoSecrets };
