// The routing runner reads parameters that only read a field of the item (`={{ $json.email }}`)
// without n8n's expression engine (nodes/shared/simpleExpression.ts). Here a real n8n reads
// a corpus of expressions over a corpus of items both ways, through the test-only
// Expression Probe node (test/harness/expressionProbe.node.js): n8n's getNodeParameter
// (its engine in this n8n version: the isolate of n8n 2.x by default,
// N8N_EXPRESSION_ENGINE=legacy for the one before, N8N_VERSION=1.123.81 for n8n 1.x) and
// the runner's reader. Wherever the reader gives a value, it must be the engine's, with
// the same type; the simple expressions must be read without the engine, and anything
// else must be left to it.
const { EXPRESSION_PROBE } = require('../harness/engineVariant');
const { signedInClient } = require('../harness/e2eState');

// Each read without the engine where the item has the field as plain JSON.
const simple = {
	text: '={{ $json.text }}',
	textNoSpaces: '={{$json.text}}',
	textLineBreaks: '={{\n  $json.text\n}}',
	number: '={{ $json.number }}',
	decimal: '={{ $json.decimal }}',
	negative: '={{ $json.negative }}',
	zero: '={{ $json.zero }}',
	big: '={{ $json.big }}',
	tiny: '={{ $json.tiny }}',
	yes: '={{ $json.yes }}',
	no: '={{ $json.no }}',
	nothing: '={{ $json.nothing }}',
	empty: '={{ $json.empty }}',
	blank: '={{ $json.blank }}',
	list: '={{ $json.list }}',
	emptyList: '={{ $json.emptyList }}',
	emptyObject: '={{ $json.emptyObject }}',
	nested: '={{ $json.nested }}',
	deep: '={{ $json.nested.inner.deep }}',
	listEntry: '={{ $json.list[1] }}',
	listObject: '={{ $json.list[3].id }}',
	matrix: '={{ $json.matrix[1][0] }}',
	spaced: '={{ $json["a b"] }}',
	spacedSingle: "={{ $json['a b'] }}",
	unicodeValue: '={{ $json.unicode }}',
	unicodeKey: '={{ $json["ключ 🔑"] }}',
	digitKey: '={{ $json["0"] }}',
	digitIndexOnObject: '={{ $json[0] }}',
	dollar: '={{ $json.$dollar }}',
	underscore: '={{ $json._under }}',
	reservedWord: '={{ $json.default }}',
	arrayMethodName: '={{ $json.values }}',
	lengthKey: '={{ $json.length }}',
	name: '={{ $json.name }}',
	expressionText: '={{ $json.looksLikeExpression }}',
	quoted: '={{ $json.quoted }}',
	// Not set: nothing (undefined), as the engine gives.
	missing: '={{ $json.missing }}',
	missingInside: '={{ $json.nested.missing }}',
};

// Each left to n8n's engine, whatever the item holds.
const engineOnly = {
	missingDeeper: '={{ $json.missing.deeper }}',
	throughNull: '={{ $json.nothing.deeper }}',
	throughText: '={{ $json.text.length }}',
	arrayLength: '={{ $json.list.length }}',
	outOfRange: '={{ $json.list[1000] }}',
	leadingZero: '={{ $json.list[01] }}',
	escaped: '={{ $json["a\\u0020b"] }}',
	constructorKey: '={{ $json.constructor }}',
	constructorBracket: '={{ $json["constructor"] }}',
	protoKey: '={{ $json["__proto__"] }}',
	toStringKey: '={{ $json.toString }}',
	hasOwnProperty: '={{ $json.hasOwnProperty }}',
	method: '={{ $json.text.toUpperCase() }}',
	extension: '={{ $json.text.isEmpty() }}',
	concatenated: "={{ $json.text + '' }}",
	fallback: "={{ $json.text ?? 'none' }}",
	optional: '={{ $json.nested?.inner }}',
	template: '=Hello {{ $json.text }}',
	trailingSpace: '={{ $json.text }} ',
	twoBlocks: '={{ $json.text }}{{ $json.text }}',
	otherItem: '={{ $input.item.json.text }}',
	otherNode: "={{ $('Items').item.json.text }}",
	jsonItself: '={{ $json }}',
	plainText: 'plain text, not an expression',
	equalsOnly: '=',
};

const items = [
	{
		text: 'Renamed contact',
		number: 42,
		decimal: 3.25,
		negative: -7,
		zero: 0,
		big: 9007199254740993,
		tiny: 1e-7,
		yes: true,
		no: false,
		nothing: null,
		empty: '',
		blank: '   ',
		list: ['a', 2, true, { id: 'x1' }, null, [1, 2]],
		emptyList: [],
		emptyObject: {},
		nested: { inner: { deep: 'bottom', list: [1, { two: 2 }] }, flag: false },
		matrix: [[1, 2], [3, 4]],
		'a b': 'spaced key',
		unicode: 'Ünïcödé 🚀 日本語 \u00e9 e\u0301',
		'ключ 🔑': 'unicode key',
		0: 'digit key',
		$dollar: 'dollar',
		_under: 'underscore',
		default: 'reserved word',
		values: ['own', 'values'],
		length: 3,
		name: 'Ada',
		looksLikeExpression: '={{ 1 + 1 }}',
		quoted: 'say "hi" \\ \'there\'',
		url: 'https://example.com/records/r-42',
	},
	// The same keys, other types.
	{
		text: 17,
		number: '42',
		decimal: '3.25',
		yes: 'true',
		no: 0,
		nothing: 'not null',
		list: 'a,b',
		emptyList: {},
		emptyObject: [],
		nested: { inner: null },
		matrix: [[]],
		'a b': { deeper: ['x'] },
		unicode: '',
		default: null,
		values: 'text',
		length: 'long',
		name: { first: 'Ada', last: 'Lovelace' },
	},
	// Everything null.
	Object.fromEntries(['text', 'number', 'list', 'nested', 'matrix', 'a b', 'name', 'yes'].map((key) => [key, null])),
	// Nothing at all.
	{},
	// Large and odd values.
	{
		text: 'x'.repeat(5000),
		number: -0.000001,
		big: 1.7976931348623157e308,
		list: Array.from({ length: 100 }, (_, n) => n),
		nested: { inner: { deep: { more: { levels: [{ down: ['here'] }] } } } },
		name: '\u202e\u0000 control \t characters \n',
	},
];

const fields = Object.fromEntries(
	[...Object.values(simple), ...Object.values(engineOnly)].map((expression, index) => [`field${index}`, expression]),
);
const expressionOf = Object.fromEntries(
	Object.entries({ ...simple, ...engineOnly }).map(([label, expression]) => [JSON.stringify(expression), label]),
);

describe('Parameters read without the expression engine', () => {
	let rows;

	beforeAll(async () => {
		const n8n = await signedInClient();
		const parameters = {
			...fields,
			count: '={{ $json.number }}',
			tags: '={{ $json.list }}',
			record: { __rl: true, mode: 'id', value: '={{ $json.text }}' },
			options: { note: '={{ $json.nested.inner.deep }}' },
		};
		expect(Object.keys(fields).length).toBeLessThanOrEqual(80);
		const result = await n8n.runNodeDefinition({ type: EXPRESSION_PROBE, typeVersion: 1, parameters }, items);
		expect(result.error).toBeUndefined();
		rows = result.items.map((item) => item.json);
		// The resource locator in a mode that extracts its value is n8n's to read.
		const byUrl = await n8n.runNodeDefinition(
			{ type: EXPRESSION_PROBE, typeVersion: 1, parameters: { record: { __rl: true, mode: 'url', value: '={{ $json.url }}' } } },
			items,
		);
		expect(byUrl.error).toBeUndefined();
		const byUrlRows = byUrl.items.map((item) => item.json).filter((row) => row.parameter === 'record');
		rows.push(...byUrlRows.map((row) => ({ ...row, parameter: 'record (by URL)' })));
		// PROBE_DUMP=<file> keeps every comparison, to look at what each engine gives.
		if (process.env.PROBE_DUMP) require('node:fs').writeFileSync(process.env.PROBE_DUMP, JSON.stringify(rows, null, 1));
	});

	test('every value read without the engine is the value and type the engine gives', () => {
		const differing = rows.filter((row) => row.simple !== null && JSON.stringify(row.simple) !== JSON.stringify(row.engine));
		expect(differing).toEqual([]);
		// The engine never failed where the reader gave a value.
		expect(rows.filter((row) => row.simple !== null && row.engine.error !== undefined)).toEqual([]);
	});

	test('the simple expressions are read without the engine wherever the item has the field', () => {
		const label = (row) => expressionOf[row.expression];
		const first = rows.filter((row) => row.item === 0 && row.parameter.startsWith('field'));
		const notRead = first.filter((row) => Object.hasOwn(simple, label(row)) && row.simple === null);
		expect(notRead.map(label)).toEqual([]);
		// Number, multi-options, resource locator (its value, in a mode without extraction) and collection fields too.
		for (const parameter of ['count', 'tags', 'options.note']) {
			expect(rows.find((row) => row.item === 0 && row.parameter === parameter).simple).not.toBeNull();
		}
		expect(rows.find((row) => row.item === 0 && row.parameter === 'record' && row.extractValue).simple).toEqual({
			type: 'string',
			value: 'Renamed contact',
		});
		// Other types of the same fields (item 1), null (item 2) and large values (item 4).
		for (const [item, parameter] of [[1, 'tags'], [1, 'count'], [2, 'tags'], [4, 'options.note'], [4, 'count']]) {
			expect([item, parameter, rows.find((row) => row.item === item && row.parameter === parameter).simple]).not.toEqual([item, parameter, null]);
		}
	});

	test('everything else is left to the engine', () => {
		const readAnyway = rows.filter((row) => Object.hasOwn(engineOnly, expressionOf[row.expression] ?? '') && row.simple !== null);
		expect(readAnyway.map((row) => [row.item, expressionOf[row.expression]])).toEqual([]);
		// A path through a missing field (the empty item 3) is the engine's to follow.
		const fromEmptyItem = (label) => rows.find((row) => row.item === 3 && expressionOf[row.expression] === label).simple;
		expect(['deep', 'listEntry', 'listObject', 'matrix', 'missingInside'].map(fromEmptyItem)).toEqual([null, null, null, null, null]);
		expect(fromEmptyItem('text')).toEqual({ type: 'undefined' });
		// A resource locator read whole, or in a mode that extracts its value.
		expect(rows.filter((row) => row.parameter.startsWith('record') && !(row.parameter === 'record' && row.extractValue) && row.simple !== null)).toEqual([]);
	});
});
