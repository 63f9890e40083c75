// n8n's own Request Options of a declarative node (Batching, Proxy), which the package's
// routing runner carries out in place of n8n's engine: driven through AtaraPay's Update.
const { createAtaraPayMock } = require('../mocks/ataraPay');
const { createForwardProxy } = require('../mocks/forwardProxy');
const { useProvider } = require('./setup');

const PUBLIC_KEY = 'pk_request_options';
const PRIVATE_KEY = 'sk_request_options_secret';

describe("n8n's Request Options, in a real n8n", () => {
	const ctx = useProvider({
		createMock: () => createAtaraPayMock({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }),
		credentialType: 'ataraPayApi',
		credentialData: (mock) => ({ environment: 'custom', baseUrl: mock.url, publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }),
	});

	const updateAll = async (count, requestOptions) => {
		ctx.mock.projects.clear();
		const projects = Array.from({ length: count }, (_, n) => ctx.mock.addProject({ project_name: `P${n}`, description: 'x' }));
		const result = await ctx.n8n.runNode({
			nodeType: 'ataraPay',
			credential: ctx.credential,
			parameters: {
				resource: 'project',
				operation: 'update',
				projectId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				projectName: '={{ $json.name }}',
				description: 'Phase 2',
				requestOptions,
			},
			items: projects.map((p) => ({ id: p.id, name: `Renamed ${p.id}` })),
		});
		return { projects, result };
	};

	test('Batching: each batch of items starts a Batch Interval after the one before', async () => {
		const { projects, result } = await updateAll(6, { batching: { batch: { batchSize: 2, batchInterval: 400 } } });

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.project_name)).toEqual(projects.map((p) => `Renamed ${p.id}`));
		expect(projects.every((p) => p.updateCount === 1)).toBe(true);
		const sent = ctx.mock.requests.filter((r) => r.method === 'PUT').map((r) => r.at);
		expect(sent).toHaveLength(6);
		// Batches of two, batch k starting k intervals after the node did (as in n8n's engine).
		// The first request leaves a little after the node starts, hence the allowance.
		expect(sent[2] - sent[0]).toBeGreaterThanOrEqual(400 - 100);
		expect(sent[4] - sent[0]).toBeGreaterThanOrEqual(800 - 100);
	});

	describe('Proxy', () => {
		let proxy;
		beforeAll(async () => {
			proxy = await createForwardProxy().start();
		});
		afterAll(async () => proxy?.stop());

		test('every request goes through the proxy, signed as without it', async () => {
			const { projects, result } = await updateAll(3, { proxy: proxy.url });

			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(3);
			expect(projects.every((p) => p.updateCount === 1)).toBe(true);
			expect(proxy.requests.map((r) => `${r.method} ${r.url}`)).toEqual(
				projects.map((p) => `PUT ${ctx.mock.url}/api/project/updateProject/${p.id}`),
			);
		});

		test('a proxy that is not a URL stops the node with a clear error, before anything is sent', async () => {
			const { result } = await updateAll(2, { proxy: 'http://[not a host' });

			expect(result.error.message).toBe('The proxy is not valid');
			expect(ctx.mock.requests).toHaveLength(0);
		});
	});
});
