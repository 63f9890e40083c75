// Drives a running n8n through the REST API its editor uses: sign in, store credentials,
// test them, create and publish workflows, run them through a webhook and read back
// every item n8n recorded for the node under test.
const { randomUUID } = require('node:crypto');
const { parse: parseFlatted } = require('flatted');
const { PACKAGE_NAME } = require('./n8nInstance');

/** A Webhook node at `path` that answers when the last node has run (its output by default). */
function webhookNode(path, parameters = {}) {
	return {
		id: randomUUID(),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: path,
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {}, ...parameters },
	};
}

class N8nClient {
	constructor(url) {
		this.url = url;
		this.cookie = undefined;
	}

	async request(method, path, body) {
		const send = () =>
			fetch(`${this.url}${path}`, {
				method,
				headers: {
					'content-type': 'application/json',
					...(this.cookie ? { cookie: this.cookie } : {}),
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
		let res;
		try {
			res = await send();
		} catch (error) {
			// A kept-alive socket n8n closed just as it was reused (seen on a loaded machine).
			// The harness's REST calls can be repeated; webhooks (callWebhook) are never repeated.
			if (error.cause?.code !== 'UND_ERR_SOCKET') throw error;
			res = await send();
		}
		const setCookie = res.headers.get('set-cookie');
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await res.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = text;
		}
		if (!res.ok) {
			const error = new Error(`n8n ${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
			error.status = res.status;
			throw error;
		}
		return json && typeof json === 'object' && 'data' in json ? json.data : json;
	}

	async setupOwner({ email, password }) {
		const owner = { email, password, firstName: 'Test', lastName: 'Owner' };
		// n8n 1.x answers its readiness check a moment before the REST routes are mounted.
		for (let attempt = 1; ; attempt++) {
			try {
				return await this.request('POST', '/rest/owner/setup', owner);
			} catch (error) {
				if (error.status !== 404 || attempt >= 40) throw error;
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
		}
	}

	async login({ email, password }) {
		await this.request('POST', '/rest/login', { emailOrLdapLoginId: email, password });
	}

	/** Stores a credential (n8n encrypts the plain data); returns { id, name, type }. */
	async createCredential(type, data) {
		const name = `${type} ${randomUUID().slice(0, 8)}`;
		const created = await this.request('POST', '/rest/credentials', { name, type, data });
		return { id: created.id, name, type };
	}

	/**
	 * Changes some fields of a stored credential the way the editor's credential dialog does:
	 * it sends back every field, the secret ones as n8n's placeholder, which n8n keeps as stored.
	 */
	async editCredential(credential, changes) {
		const stored = await this.request('GET', `/rest/credentials/${credential.id}?includeData=true`);
		await this.request('PATCH', `/rest/credentials/${credential.id}`, {
			name: credential.name,
			type: credential.type,
			data: { ...stored.data, ...changes },
		});
	}

	/** Runs n8n's own credential test, as the editor's "Retry"/"Save" does: { status, message }. */
	async testCredential(credential, data) {
		return await this.request('POST', '/rest/credentials/test', {
			credentials: { ...credential, data },
		});
	}

	/** Asks a node's list-search method for its choices, as the editor's From List does. */
	async listSearch({ nodeType, methodName, credential, parameters = {}, filter, paginationToken }) {
		return await this.request('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
			nodeTypeAndVersion: { name: `${PACKAGE_NAME}.${nodeType}`, version: 1 },
			methodName,
			path: 'parameters',
			currentNodeParameters: parameters,
			credentials: credential ? { [credential.type]: { id: credential.id, name: credential.name } } : {},
			filter,
			paginationToken,
		});
	}

	/** Every page of a list search, as the editor loads them while the user scrolls down: { results, pages }. */
	async listSearchAll(options) {
		const results = [];
		let pages = 0;
		let paginationToken;
		do {
			const page = await this.listSearch({ ...options, paginationToken });
			results.push(...page.results);
			paginationToken = page.paginationToken;
			pages++;
		} while (paginationToken !== undefined && pages < 100);
		return { results, pages };
	}

	/**
	 * Runs one node of this package in a real workflow: Webhook → Split Out (one item per
	 * entry of `items`) → the node. Returns what n8n recorded for the node: its output
	 * items (with pairedItem), its error-output items, and its error if it failed.
	 */
	async runNode(options) {
		return await (await this.startNode(options)).finished;
	}

	/**
	 * Like runNode, without waiting: returns the workflow's id once it is published, and
	 * `finished`, a promise of what runNode returns (to act on the execution meanwhile, e.g. Stop).
	 */
	async startNode({ nodeType, parameters, credential, items, onError, settings = {}, typeVersion = 1 }) {
		return await this.startNodeDefinition(
			{
				type: `${PACKAGE_NAME}.${nodeType}`,
				typeVersion,
				parameters,
				...(credential ? { credentials: { [credential.type]: { id: credential.id, name: credential.name } } } : {}),
				...(onError ? { onError } : {}),
			},
			items,
			settings,
		);
	}

	/**
	 * Runs any node (e.g. n8n's HTTP Request node, for comparisons) the same way:
	 * Webhook → Split Out → the node.
	 */
	async runNodeDefinition(nodeDefinition, items, settings = {}) {
		return await (await this.startNodeDefinition(nodeDefinition, items, settings)).finished;
	}

	async startNodeDefinition(nodeDefinition, items, settings = {}) {
		const node = { id: randomUUID(), name: 'Node Under Test', position: [500, 0], ...nodeDefinition };
		const started = await this.startAfterWebhook({
			nodes: [node],
			connections: { Items: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
			items,
			settings,
		});
		const finished = started.finished.then(({ execution }) => {
			const run = execution.resultData.runData[node.name]?.[0];
			return {
				items: run?.data?.main?.[0] ?? [],
				errorItems: run?.data?.main?.[1] ?? [],
				error: run?.error ?? execution.resultData.error,
				executionTime: run?.executionTime,
				execution,
			};
		});
		return { workflowId: started.workflowId, path: started.path, finished };
	}

	/** The id of the workflow's execution that is running now (waits for it to start). */
	async runningExecution(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId, status: ['running'] }));
		for (let attempt = 0; attempt < 100; attempt++) {
			const list = await this.request('GET', `/rest/executions?filter=${filter}&limit=1`);
			const running = list.results?.find((execution) => execution.status === 'running');
			if (running) return running.id;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		throw new Error(`No running execution of workflow ${workflowId}`);
	}

	/** Stops an execution as the editor's Stop button does. */
	async stopExecution(executionId) {
		return await this.request('POST', `/rest/executions/${executionId}/stop`);
	}

	/**
	 * Publishes a workflow Webhook → Split Out ("Items", one item per entry of `items`) →
	 * `nodes` (wired by `connections`), calls its webhook once and returns the execution.
	 */
	async runAfterWebhook(options) {
		return await (await this.startAfterWebhook(options)).finished;
	}

	/** Like runAfterWebhook, without waiting: { workflowId, path (its webhook's), finished }. */
	async startAfterWebhook({ nodes, connections, items, settings = {} }) {
		const path = randomUUID();
		const workflow = await this.request('POST', '/rest/workflows', {
			name: `e2e ${nodes[0].type} ${path.slice(0, 8)}`,
			active: false,
			settings: { executionOrder: 'v1', ...settings },
			nodes: [
				webhookNode(path, { responseData: 'allEntries' }),
				{
					id: randomUUID(),
					name: 'Items',
					type: 'n8n-nodes-base.splitOut',
					typeVersion: 1,
					position: [250, 0],
					parameters: { fieldToSplitOut: 'body.items', options: {} },
				},
				...nodes,
			],
			connections: { Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] }, ...connections },
		});
		await this.request('POST', `/rest/workflows/${workflow.id}/activate`, { versionId: workflow.versionId });
		const finished = (async () => {
			await this.callWebhook(path, { items });
			return { execution: await this.lastExecution(workflow.id) };
		})();
		return { workflowId: workflow.id, path, finished };
	}

	/**
	 * Imports a workflow JSON as the editor's "Import from File" does and runs it as its
	 * "Execute workflow" button does: from its manual trigger. Nodes that reference a
	 * credential of `credential.type` are pointed at `credential` (an import's references
	 * are placeholders). Returns the finished execution and each node's output items.
	 */
	async importAndRun(workflowJson, credential) {
		const nodes = workflowJson.nodes.map((node) =>
			node.credentials?.[credential.type]
				? { ...node, credentials: { ...node.credentials, [credential.type]: { id: credential.id, name: credential.name } } }
				: node,
		);
		const workflow = await this.request('POST', '/rest/workflows', {
			name: `${workflowJson.name} ${randomUUID().slice(0, 8)}`,
			nodes,
			connections: workflowJson.connections,
			settings: workflowJson.settings,
		});
		const trigger = nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
		await this.request('POST', `/rest/workflows/${workflow.id}/run`, { triggerToStartFrom: { name: trigger.name } });
		const execution = await this.lastExecution(workflow.id);
		const { runData } = execution.resultData;
		return {
			execution,
			error: execution.resultData.error,
			output: (nodeName) => runData[nodeName]?.[0]?.data?.main?.[0] ?? [],
			nodeError: (nodeName) => runData[nodeName]?.[0]?.error,
		};
	}

	async callWebhook(path, body) {
		// A published workflow's webhook is registered a moment after activation.
		for (let attempt = 0; ; attempt++) {
			const res = await fetch(`${this.url}/webhook/${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			await res.text();
			if (res.status !== 404 || attempt > 50) return res.status;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}

	/** The finished execution of a workflow that ran once, with its run data parsed. */
	async lastExecution(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		for (let attempt = 0; attempt < 100; attempt++) {
			const list = await this.request('GET', `/rest/executions?filter=${filter}&limit=1`);
			const summary = list.results?.[0];
			if (summary && !['new', 'running', 'waiting'].includes(summary.status)) {
				const full = await this.request('GET', `/rest/executions/${summary.id}`);
				const execution = parseFlatted(full.data);
				// n8n's verdict on the whole run and the execution's ID, beside its data (not
				// enumerable: data comparisons ignore them).
				Object.defineProperty(execution, 'status', { value: full.status });
				Object.defineProperty(execution, 'id', { value: String(summary.id) });
				return execution;
			}
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		throw new Error(`No finished execution of workflow ${workflowId}`);
	}
}

module.exports = { N8nClient, webhookNode };
