// What only happens when n8n runs in queue mode with several workers (N8N_QUEUE=1, see
// test/harness/globalSetup.js): each worker is its own process with its own memory, so
// tokens and rate limits meet from two sides at once. Skipped outside queue mode.
// Each test runs two executions at the same time; the workers take one job at a time
// (--concurrency=1), so the two run on different workers.
const fs = require('node:fs');
const path = require('node:path');
const { createFatoraMock } = require('../mocks/fatora');
const { createChargeworxMock } = require('../mocks/chargeworx');
const { createAtaraPayMock } = require('../mocks/ataraPay');
const { QUEUE_MODE, e2eState } = require('../harness/e2eState');
const { ROOT } = require('../harness/n8nInstance');
const { useProvider } = require('./setup');

const describeQueue = QUEUE_MODE ? describe : describe.skip;
/** Figures the README quotes, collected by scripts/test-matrix.js. */
const MEASUREMENTS = path.join(ROOT, '.e2e', 'queue-measurements.json');

function record(name, value) {
	const all = fs.existsSync(MEASUREMENTS) ? JSON.parse(fs.readFileSync(MEASUREMENTS, 'utf8')) : {};
	fs.writeFileSync(MEASUREMENTS, JSON.stringify({ ...all, [name]: value }, null, '\t'));
}

/** Which worker ran each execution, from the workers' logs ("Worker started execution <id>"). */
function workersOf(results) {
	const logs = e2eState().workers.map((worker) => fs.readFileSync(worker.logFile, 'utf8'));
	return results.map(({ execution }) =>
		logs.findIndex((log) => new RegExp(`Worker started execution ${execution.id}\\b`).test(log)),
	);
}

async function runTogether(runs) {
	return await Promise.all(runs.map((run) => run()));
}

describeQueue('queue mode: Fatora token expiring while executions run on both workers', () => {
	const API_KEY = 'F00DFACE-0000-4000-8000-00000000Q001';
	const ctx = useProvider({
		createMock: () => createFatoraMock({ apiKeys: [API_KEY] }),
		credentialType: 'fatoraApi',
		credentialData: (mock) => ({ environment: 'custom', baseUrl: `${mock.url}/v1`, apiKey: API_KEY }),
	});

	test('every item of both executions succeeds', async () => {
		const clients = Array.from({ length: 400 }, (_, n) => ctx.mock.addClient({ name: `Q${n}`, email: `q${n}@example.com` }));
		let seen = 0;
		// Expires once both executions are well under way.
		ctx.mock.onRequest((r) => {
			if (r.path.startsWith('/v1/clients') && ++seen === 150) ctx.mock.expireTokens(API_KEY);
		});
		const update = (part) => () =>
			ctx.n8n.runNode({
				nodeType: 'fatora',
				credential: ctx.credential,
				parameters: {
					resource: 'client',
					operation: 'update',
					clientId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
					email: '={{ $json.email }}',
					updateFields: { name: 'Queued' },
					// A slower pace keeps both executions running when the token expires.
					requestOptions: { maxConcurrency: 2 },
				},
				items: part.map((c) => ({ id: c.id, email: c.email })),
			});

		const results = await runTogether([update(clients.slice(0, 200)), update(clients.slice(200))]);

		for (const result of results) {
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(200);
			expect(result.items.every((item, index) => item.json.name === 'Queued' && item.pairedItem.item === index)).toBe(true);
		}
		expect(new Set(workersOf(results))).toEqual(new Set([0, 1]));
		// Each worker fetches a token when it has none and renews it once after the expiry.
		const authorizeCalls = ctx.mock.authorizeRequests().length;
		expect(authorizeCalls).toBeGreaterThanOrEqual(2);
		expect(authorizeCalls).toBeLessThanOrEqual(4);
		record('fatoraAuthorizeCalls', authorizeCalls);
	});
});

describeQueue('queue mode: the Chargeworx OAuth2 token is shared by both workers', () => {
	const CLIENT_ID = 'queue-client';
	const CLIENT_SECRET = 'cwx_queue_secret_31';
	const ctx = useProvider({
		createMock: () => createChargeworxMock({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }),
		credentialType: 'chargeworxOAuth2Api',
		credentialData: (mock) => ({
			environment: 'custom',
			baseUrl: mock.url,
			clientId: CLIENT_ID,
			clientSecret: CLIENT_SECRET,
			scope: 'AdminUIScope',
		}),
	});

	test('a token fetched by one worker is used by both', async () => {
		const projects = Array.from({ length: 100 }, (_, n) => ctx.mock.addProject({ name: `P${n}` }));
		const update = (part) => () =>
			ctx.n8n.runNode({
				nodeType: 'chargeworx',
				credential: ctx.credential,
				parameters: {
					resource: 'companyProject',
					operation: 'update',
					projectId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
					projectName: '={{ $json.name }}',
				},
				items: part.map((p) => ({ id: p.id, name: `${p.name} shared` })),
			});

		// The first execution fetches the token; n8n stores it with the credential.
		const first = await update(projects.slice(0, 1))();
		expect(first.error).toBeUndefined();
		expect(ctx.mock.tokenRequests()).toHaveLength(1);

		const results = await runTogether([update(projects.slice(0, 50)), update(projects.slice(50))]);

		for (const result of results) {
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(50);
		}
		expect(new Set(workersOf(results))).toEqual(new Set([0, 1]));
		expect(projects.every((p) => p.name.endsWith('shared'))).toBe(true);
		expect(ctx.mock.tokenRequests()).toHaveLength(1);
	});
});

describeQueue('queue mode: two executions on two workers against one 50 requests/s limit', () => {
	const PUBLIC_KEY = 'pk_queue';
	const PRIVATE_KEY = 'sk_queue_secret';
	const ctx = useProvider({
		createMock: () => createAtaraPayMock({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }),
		credentialType: 'ataraPayApi',
		credentialData: (mock) => ({ environment: 'custom', baseUrl: mock.url, publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }),
	});

	test('1,000 items in all succeed, each exactly once', async () => {
		ctx.mock.projects.clear();
		const projects = Array.from({ length: 1000 }, (_, n) => ctx.mock.addProject({ project_name: `P${n}`, description: 'x' }));
		ctx.mock.limitRate(50);
		const update = (part) => () =>
			ctx.n8n.runNode({
				nodeType: 'ataraPay',
				credential: ctx.credential,
				parameters: {
					resource: 'project',
					operation: 'update',
					projectId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
					projectName: '={{ $json.name }}',
					description: 'queued',
				},
				items: part.map((p) => ({ id: p.id, name: `Limited ${p.id}` })),
			});

		const started = Date.now();
		const results = await runTogether([update(projects.slice(0, 500)), update(projects.slice(500))]);
		const seconds = (Date.now() - started) / 1000;

		for (const result of results) {
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(500);
		}
		expect(new Set(workersOf(results))).toEqual(new Set([0, 1]));
		expect(projects.every((p) => p.updateCount === 1 && p.project_name === `Limited ${p.id}`)).toBe(true);
		// Measured, not asserted: the README quotes it against the 20 s floor (1,000 requests at 50/s).
		record('rateLimitedSeconds', Math.round(seconds * 10) / 10);
		record('rateLimited429s', ctx.mock.requests.filter((r) => r.answeredWith === 429).length);
	});
});
