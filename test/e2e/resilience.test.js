// Rate limits, transient failures and bounded concurrency, end to end: the shared
// request runner under load, driven through a real node (AtaraPay's Update and Create).
const { createAtaraPayMock } = require('../mocks/ataraPay');
const { useProvider } = require('./setup');

const PUBLIC_KEY = 'pk_resilience';
const PRIVATE_KEY = 'sk_resilience_secret';

describe('request runner under faults, in a real n8n', () => {
	const ctx = useProvider({
		createMock: () => createAtaraPayMock({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }),
		credentialType: 'ataraPayApi',
		credentialData: (mock) => ({ environment: 'custom', baseUrl: mock.url, publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }),
	});

	const update = (requestOptions = {}) => ({
		resource: 'project',
		operation: 'update',
		projectId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		projectName: '={{ $json.name }}',
		description: 'bulk',
		requestOptions,
	});
	const run = (parameters, items, extra = {}) =>
		ctx.n8n.runNode({ nodeType: 'ataraPay', credential: ctx.credential, parameters, items, ...extra });
	const freshProjects = (count) => {
		ctx.mock.projects.clear();
		return Array.from({ length: count }, (_, n) => ctx.mock.addProject({ project_name: `P${n}`, description: 'x' }));
	};
	const isUpdate = (request) => request.method === 'PUT';

	test('2,000 updates through 10% 429s and 5% 503s all succeed, each exactly once, within the concurrency cap', async () => {
		const projects = freshProjects(2000);
		ctx.mock.fault({ match: isUpdate, probability: 0.1, status: 429, headers: { 'Retry-After': '1' }, body: { message: 'Too many requests' } });
		ctx.mock.fault({ match: isUpdate, probability: 0.05 / 0.9, status: 503, body: 'Service Unavailable' });

		const result = await run(
			update({ maxConcurrency: 8 }),
			projects.map((p) => ({ id: p.id, name: `Renamed ${p.id}` })),
		);

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2000);
		result.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.project_name).toBe(`Renamed ${projects[index].id}`);
		});
		expect(projects.every((p) => p.updateCount === 1)).toBe(true);
		expect(ctx.mock.requests.filter((r) => r.answeredWith === 429).length).toBeGreaterThan(100);
		expect(ctx.mock.requests.filter((r) => r.answeredWith === 503).length).toBeGreaterThan(50);
		expect(ctx.mock.maxInFlight).toBeLessThanOrEqual(8);
	});

	test('a provider that admits 50 requests per second: 1,000 items all succeed, each exactly once', async () => {
		const projects = freshProjects(1000);
		ctx.mock.limitRate(50);

		const result = await run(update(), projects.map((p) => ({ id: p.id, name: 'Limited' })));

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1000);
		expect(projects.every((p) => p.updateCount === 1)).toBe(true);
		expect(ctx.mock.maxInFlight).toBeLessThanOrEqual(10);
		// How long it took against the 20 s the limit allows is measured by `npm run bench:resilience`.
	});

	test('a create answered with 503 is sent once and fails clearly', async () => {
		ctx.mock.fault({ status: 503, body: 'Service Unavailable' });

		const result = await run(
			{
				resource: 'project',
				operation: 'create',
				projectName: 'Once only',
				description: 'd',
				customerEmail: 'buyer@example.com',
				customerPhone: '+234',
			},
			[{}],
		);

		expect(ctx.mock.requests).toHaveLength(1);
		expect(result.error.message).toBe('AtaraPay: Service Unavailable');
		expect(result.error.httpCode).toBe('503');
		expect(result.error.description).toContain('it was not sent again');
	});

	test('exhausted retries say what happened and how often; Continue On Fail keeps the other items', async () => {
		const projects = freshProjects(3);
		const limited = `/api/project/updateProject/${projects[1].id}`;
		ctx.mock.fault({ match: (r) => r.path === limited, status: 429, headers: { 'Retry-After': '0' }, body: {} });

		const result = await run(
			update({ maxAttempts: 3 }),
			projects.map((p) => ({ id: p.id, name: 'x' })),
			{ onError: 'continueRegularOutput' },
		);

		expect(result.items).toHaveLength(3);
		expect(result.items[0].json.project_name).toBe('x');
		expect(result.items[1].json.error).toBe('AtaraPay kept rate-limiting this request: 3 attempts, last Retry-After 0 s');
		expect(result.items[2].json.project_name).toBe('x');
		expect(ctx.mock.requestsTo('PUT', limited)).toHaveLength(3);
	});

	test('a dropped connection on an update is retried and the update lands once', async () => {
		const [project] = freshProjects(1);
		ctx.mock.fault({ times: 1, drop: true });

		const result = await run(update(), [{ id: project.id, name: 'after drop' }]);

		expect(result.error).toBeUndefined();
		expect(result.items[0].json.project_name).toBe('after drop');
		expect(ctx.mock.requests.map((r) => r.answeredWith ?? 'ok')).toEqual(['dropped', 'ok']);
		expect(project.updateCount).toBe(1);
	});

	test('a provider that never answers fails the item at the timeout instead of hanging', async () => {
		const [project] = freshProjects(1);
		ctx.mock.fault({ hang: true });

		const result = await run(update({ timeout: 1500, maxAttempts: 2 }), [{ id: project.id, name: 'x' }]);

		expect(result.error.message).toBe('AtaraPay did not answer within 2 s: 2 attempts');
		expect(ctx.mock.requests).toHaveLength(2);
	});
});
