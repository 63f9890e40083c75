// The routing runner supports only part of n8n's `routing` and refuses the rest: every
// operation of every node, with every optional field set, must plan without refusal.
const { NodeHelpers } = require('n8n-workflow');
const { planRouting, routedOperations } = require('../../dist/nodes/shared/routingRunner');

const { ataraPay, fatora, chargeworx, instantpay, apipagos } = require('../harness/nodeClasses');

const nodeClasses = { AtaraPay: ataraPay, Fatora: fatora, Chargeworx: chargeworx, Instantpay: instantpay, Apipagos: apipagos };

/** A node set to `resource`/`operation`, with every option of its shown collections added. */
function nodeFor(description, resource, operation) {
	const node = { name: 'Node', type: description.name, typeVersion: 1, parameters: {} };
	node.parameters = NodeHelpers.getNodeParameters(description.properties, { resource, operation }, true, false, node, description);
	for (const property of description.properties) {
		if (property.type !== 'collection') continue;
		if (!NodeHelpers.displayParameter(node.parameters, property, node, description, node.parameters)) continue;
		node.parameters[property.name] = Object.fromEntries(property.options.map((option) => [option.name, option.default]));
	}
	return node;
}

const cases = Object.entries(nodeClasses).flatMap(([label, NodeClass]) => {
	const instance = new NodeClass();
	return Object.entries(routedOperations(instance.description, {})).flatMap(([resource, operations]) =>
		Object.keys(operations).map((operation) => [label, resource, operation, instance.description]),
	);
});

test('every node has routed operations', () => {
	for (const label of Object.keys(nodeClasses)) expect(cases.some(([name]) => name === label)).toBe(true);
});

test.each(cases)('%s %s → %s plans with a method and a path', (_label, resource, operation, description) => {
	const plan = planRouting(description, nodeFor(description, resource, operation));
	expect(plan.request.method).toMatch(/^(GET|POST|PUT|PATCH|DELETE)$/);
	expect(plan.request.url).toMatch(/^\//);
});

test("a plan holds only the shown operation's fields, each sent where its routing says", () => {
	const { description } = new nodeClasses.AtaraPay();
	const plan = planRouting(description, nodeFor(description, 'project', 'update'));
	expect(plan.request).toMatchObject({ method: 'PUT', url: '/api/project/updateProject/{projectId}' });
	expect(plan.fields).toEqual([
		{ path: 'projectId', extractValue: true, sendTo: { where: 'body', property: 'project_id' } },
		{ path: 'projectName', extractValue: false, sendTo: { where: 'body', property: 'project_name' } },
		{ path: 'description', extractValue: false, sendTo: { where: 'body', property: 'description' } },
	]);
});

test('Apipagos Update Many stays a custom operation of its own', () => {
	const apipagos = new nodeClasses.Apipagos();
	expect(apipagos.customOperations.contract.updateMany.name).toBe('updateManyContracts');
	expect(typeof apipagos.customOperations.contract.update).toBe('function');
});

describe('routing the runner does not support is refused, naming where', () => {
	const describeWith = (routing) => ({
		name: 'x',
		properties: [
			{ displayName: 'Field', name: 'field', type: 'string', default: 'v', routing },
		],
	});
	const node = { name: 'Node', type: 'x', typeVersion: 1, parameters: { field: 'v' } };

	test.each([
		['an expression as the sent value', { send: { type: 'body', property: 'a', value: '={{ $value + 1 }}' } }, /send\.value \(in field\)/],
		['an expression as the property', { send: { type: 'body', property: '={{ $value }}' } }, /send\.property/],
		['dot notation', { send: { type: 'body', property: 'a.b' } }, /send\.property/],
		['a declarative postReceive action', { output: { postReceive: [{ type: 'rootProperty', properties: { property: 'data' } }] } }, /postReceive "rootProperty"/],
		['an expression in the request', { request: { url: '=/x/{{ $value }}' } }, /request url/],
		['a request key other than method and url', { request: { qs: { a: 1 } } }, /request qs/],
	])('%s', (_what, routing, message) => {
		expect(() => planRouting(describeWith(routing), node)).toThrow(message);
	});

	test('the same routing without the unsupported part plans', () => {
		const plan = planRouting(describeWith({ send: { type: 'body', property: 'a' } }), node);
		expect(plan.fields).toEqual([{ path: 'field', extractValue: false, sendTo: { where: 'body', property: 'a' } }]);
	});
});
