// A test-only node, installed with the engine variant (engineVariant.js) beside the packed
// package's compiled code, for test/e2e/simpleExpression.test.js. For each item and each
// of its parameters it outputs what n8n's getNodeParameter gives (n8n's expression engine,
// in this n8n version) and what the routing runner reads without the engine
// (nodes/shared/simpleExpression.ts), each described with its exact type.
const { simpleParameters } = require('../shared/simpleExpression.js');

const FIELDS = 80;

const description = {
	displayName: 'Expression Probe',
	name: 'expressionProbe',
	group: ['transform'],
	version: 1,
	description: 'Test-only: compares how parameters are read',
	defaults: { name: 'Expression Probe' },
	hidden: true,
	inputs: ['main'],
	outputs: ['main'],
	properties: [
		...Array.from({ length: FIELDS }, (_, n) => ({ displayName: `Field ${n}`, name: `field${n}`, type: 'string', default: '' })),
		{ displayName: 'Count', name: 'count', type: 'number', default: 0 },
		{ displayName: 'Tags', name: 'tags', type: 'multiOptions', options: [], default: [] },
		{
			displayName: 'Record',
			name: 'record',
			type: 'resourceLocator',
			default: { mode: 'id', value: '' },
			modes: [
				{ displayName: 'By ID', name: 'id', type: 'string' },
				{
					displayName: 'By URL',
					name: 'url',
					type: 'string',
					extractValue: { type: 'regex', regex: 'https://example\\.com/records/([^/]+)' },
				},
			],
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			default: {},
			options: [{ displayName: 'Note', name: 'note', type: 'string', default: '' }],
		},
	],
};

/** The value with its exact type, as JSON (which alone would lose undefined, -0, holes and prototypes). */
function typed(value) {
	if (value === undefined) return { type: 'undefined' };
	if (value === null) return { type: 'null' };
	if (typeof value === 'number') return { type: 'number', value: Object.is(value, -0) ? '-0' : String(value) };
	if (typeof value !== 'object') return { type: typeof value, value: typeof value === 'function' ? 'function' : String(value) };
	const prototype = Object.getPrototypeOf(value);
	const kind =
		prototype === Object.prototype ? 'Object' : prototype === Array.prototype ? 'Array' : prototype === null ? 'null' : `other ${value.constructor?.name}`;
	if (Array.isArray(value)) {
		return { type: 'array', prototype: kind, items: Array.from({ length: value.length }, (_, index) => (index in value ? typed(value[index]) : { type: 'hole' })) };
	}
	return { type: 'object', prototype: kind, entries: Object.keys(value).map((key) => [key, typed(value[key])]) };
}

/** The parameters to read: each set field, as n8n names them, with and without extractValue where it matters. */
function reads(parameters) {
	const list = [];
	for (const [name, value] of Object.entries(parameters)) {
		if (value === '') continue;
		if (name === 'options') {
			for (const option of Object.keys(value ?? {})) list.push({ name: `options.${option}`, extractValue: false });
		} else {
			list.push({ name, extractValue: false });
			if (name === 'record' || name === 'field0') list.push({ name, extractValue: true });
		}
	}
	return list;
}

class ExpressionProbe {
	constructor() {
		this.description = description;
	}

	async execute() {
		const node = this.getNode();
		const items = this.getInputData();
		const simple = simpleParameters(description, node);
		const output = [];
		items.forEach((item, itemIndex) => {
			for (const { name, extractValue } of reads(node.parameters)) {
				let engine;
				try {
					engine = typed(this.getNodeParameter(name, itemIndex, undefined, extractValue ? { extractValue: true } : undefined));
				} catch (error) {
					engine = { error: String(error?.message ?? error) };
				}
				const read = simple.read(name, item.json, extractValue);
				const asSetUp = name.split('.').reduce((at, key) => at?.[key], node.parameters);
				output.push({
					json: {
						item: itemIndex,
						parameter: name,
						extractValue,
						expression: JSON.stringify(asSetUp),
						engine,
						simple: read ? typed(read.value) : null,
					},
					pairedItem: { item: itemIndex },
				});
			}
		});
		return [output];
	}
}

module.exports = { ExpressionProbe };
