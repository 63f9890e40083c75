// The adaptive concurrency limit in a real n8n: without Max Concurrent Requests the node
// sends more requests at once to a provider that keeps answering as fast, and a number set
// there stays a hard ceiling. (How fast it gets there is for `npm run bench`, not a test.)
const { createAtaraPayMock } = require('../mocks/ataraPay');
const { useProvider } = require('./setup');

const PUBLIC_KEY = 'pk_adaptive';
const PRIVATE_KEY = 'sk_adaptive_secret';

describe('adaptive concurrency limit, in a real n8n', () => {
	const ctx = useProvider({
		createMock: () => createAtaraPayMock({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }),
		credentialType: 'ataraPayApi',
		credentialData: (mock) => ({ environment: 'custom', baseUrl: mock.url, publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }),
	});

	const update = (requestOptions) => ({
		resource: 'project',
		operation: 'update',
		projectId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		projectName: '={{ $json.name }}',
		description: 'adaptive',
		...(requestOptions ? { requestOptions } : {}),
	});
	const runUpdates = async (count, requestOptions) => {
		ctx.mock.projects.clear();
		const projects = Array.from({ length: count }, (_, n) => ctx.mock.addProject({ project_name: `P${n}`, description: 'x' }));
		// A provider 300 ms away that never slows down under load.
		ctx.mock.serve({ latencyMs: 300 });
		const result = await ctx.n8n.runNode({
			nodeType: 'ataraPay',
			credential: ctx.credential,
			parameters: update(requestOptions),
			items: projects.map((p) => ({ id: p.id, name: `Renamed ${p.id}` })),
		});
		return { result, projects };
	};

	test('without Max Concurrent Requests, more than the old fixed 10 requests go at once to a provider that keeps up', async () => {
		const { result, projects } = await runUpdates(400);

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(400);
		result.items.forEach((item, index) => expect(item.pairedItem).toEqual({ item: index }));
		expect(projects.every((p) => p.updateCount === 1)).toBe(true);
		expect(ctx.mock.maxInFlight).toBeGreaterThan(10);
	});

	test('with Max Concurrent Requests set, it is a hard ceiling', async () => {
		const { result, projects } = await runUpdates(60, { maxConcurrency: 3 });

		expect(result.error).toBeUndefined();
		expect(projects.every((p) => p.updateCount === 1)).toBe(true);
		expect(ctx.mock.maxInFlight).toBe(3);
	});
});
