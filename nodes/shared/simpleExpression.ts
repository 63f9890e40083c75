import type { IDataObject, INode, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

/**
 * Parameters that only read a field of the item, such as `={{ $json.email }}`, read
 * without n8n's expression engine. n8n evaluates every expression in a sandbox (in n8n
 * 2.x an isolate) with a data proxy built for each evaluation: about half a millisecond,
 * most of what a node spends per item. For such a parameter, what n8n's getNodeParameter
 * gives is the field's value (test/e2e/simpleExpression.test.js compares both over a
 * corpus of expressions and items in a real n8n). Anything else goes to n8n's engine:
 * other expressions, paths through missing fields, values that are not plain JSON data,
 * names n8n's sandbox refuses, and parameters n8n checks or transforms after evaluating them.
 */

/** Where the value is: the keys from the item's JSON down, e.g. `$json.a["b c"][0]` → ['a', 'b c', 0]. */
type JsonPath = Array<string | number>;

// `={{ $json` then `.name`, `["any text"]`, `['any text']` or `[0]`, repeated, then `}}`.
const SIMPLE = /^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\["[^"\\\n\r\u2028\u2029]*"\]|\['[^'\\\n\r\u2028\u2029]*'\]|\[(?:0|[1-9]\d{0,8})\])+)\s*\}\}$/;
const SEGMENT = /\.([A-Za-z_$][\w$]*)|\["([^"]*)"\]|\['([^']*)'\]|\[(\d+)\]/g;

/** The path a simple expression reads, or undefined for anything else. */
export function simpleJsonPath(value: unknown): JsonPath | undefined {
	if (typeof value !== 'string') return undefined;
	const match = SIMPLE.exec(value);
	if (!match) return undefined;
	const path: JsonPath = [];
	for (const [, name, double, single, index] of match[1].matchAll(SEGMENT)) {
		const key = name ?? double ?? single;
		if (key !== undefined && !isPlainKey(key)) return undefined;
		path.push(key ?? Number(index));
	}
	return path;
}

// Names n8n's sandbox refuses (n8n-workflow's unsafe object properties, as of 2.40) and
// those of Object.prototype: n8n throws or gives something else for them. Arrays are only
// read by index, so their methods are never reached.
const REFUSED = new Set([
	'__proto__',
	'prototype',
	'constructor',
	'getPrototypeOf',
	'setPrototypeOf',
	'getOwnPropertyDescriptor',
	'getOwnPropertyDescriptors',
	'defineProperty',
	'defineProperties',
	'mainModule',
	'binding',
	'_linkedBinding',
	'_load',
	'prepareStackTrace',
	'caller',
	'callee',
	'arguments',
	'getBuiltinModule',
	'dlopen',
	'execve',
	'loadEnvFile',
	'process',
	'require',
	'module',
	'globalThis',
	'this',
	...Object.getOwnPropertyNames(Object.prototype),
]);

const isPlainKey = (key: string) => !REFUSED.has(key) && !key.startsWith('__');

const isPlainObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' &&
	value !== null &&
	!Array.isArray(value) &&
	[Object.prototype, null].includes(Object.getPrototypeOf(value));

const isPlainArray = (value: unknown): value is unknown[] =>
	Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype;

/**
 * Whether `value` is JSON data as n8n's engine returns it unchanged: text, finite
 * numbers, booleans, null, and arrays and plain objects of those (with plain keys).
 */
function isPlainJson(value: unknown, depth = 0): boolean {
	if (depth > 50) return false;
	if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
	if (typeof value === 'number') return Number.isFinite(value);
	if (isPlainArray(value)) {
		for (let index = 0; index < value.length; index++) {
			if (!(index in value) || !isPlainJson(value[index], depth + 1)) return false;
		}
		return true;
	}
	if (isPlainObject(value)) {
		for (const key of Object.keys(value)) {
			if (!isPlainKey(key) || !isDataProperty(value, key) || !isPlainJson(value[key], depth + 1)) return false;
		}
		return Object.getOwnPropertySymbols(value).length === 0;
	}
	return false;
}

function isDataProperty(object: object, key: string): boolean {
	const descriptor = Object.getOwnPropertyDescriptor(object, key);
	return descriptor !== undefined && 'value' in descriptor && descriptor.enumerable === true;
}

/**
 * The value at `path` in the item's JSON, as n8n's engine gives it (a copy of arrays and
 * objects, as its isolate does; nothing for a missing last key), or undefined when the
 * engine must decide: a key missing on the way, an index out of range, a value that is
 * not plain JSON data.
 */
export function valueAtPath(json: unknown, path: JsonPath): { value: unknown } | undefined {
	let at: unknown = json;
	for (const [depth, key] of path.entries()) {
		if (isPlainArray(at)) {
			if (typeof key !== 'number' || key >= at.length) return undefined;
			at = at[key];
		} else if (isPlainObject(at)) {
			const name = String(key);
			if (!isDataProperty(at, name)) {
				// Not an own property, nor (a plain key) on the prototype: the field is not set.
				return depth === path.length - 1 && !(name in at) ? { value: undefined } : undefined;
			}
			at = at[name];
		} else {
			return undefined;
		}
	}
	if (!isPlainJson(at)) return undefined;
	return { value: typeof at === 'object' && at !== null ? structuredClone(at) : at };
}

/**
 * Which of a node's parameters can be read without the engine, as it is set up: the
 * parameter's value is a simple expression (or, read with `extractValue`, a resource
 * locator whose value is one, in a mode without its own extraction), and n8n neither
 * validates nor transforms it after evaluating (no `validateType`, `extractValue` or
 * resource mapper or filter in any declaration of that name). Decided once per
 * parameter and run.
 */
export function simpleParameters(description: INodeTypeDescription, node: INode) {
	const { parameters } = node;
	const decided = new Map<string, JsonPath | undefined>();
	const decide = (name: string, extractValue: boolean): JsonPath | undefined => {
		const [top, ...nested] = name.split('.');
		const declarations = description.properties.filter((property) => property.name === top);
		if (declarations.length === 0 || declarations.some(isTransformed)) return undefined;
		const value = name.split('.').reduce<unknown>((at, key) => (isPlainObject(at) ? at[key] : undefined), parameters);
		if (!extractValue) return simpleJsonPath(value);
		// n8n's extractValue looks up the parameter's shown declaration (and fails without one).
		if (nested.length > 0) return undefined;
		const shown = declarations.some((property) =>
			NodeHelpers.displayParameter(parameters, property, node, description, parameters),
		);
		if (!shown) return undefined;
		if (declarations.every((property) => property.type !== 'resourceLocator')) return simpleJsonPath(value);
		// A resource locator read for its value: the value of its mode, as n8n's extractValue gives it.
		if (!declarations.every((property) => property.type === 'resourceLocator')) return undefined;
		if (!isPlainObject(value) || value.__rl !== true || typeof value.mode !== 'string') return undefined;
		// n8n evaluates every entry of the locator (an error in any fails the parameter).
		const others = Object.entries(value).filter(([key]) => key !== 'value');
		if (others.some(([, entry]) => typeof entry === 'object' || (typeof entry === 'string' && entry.startsWith('=')))) {
			return undefined;
		}
		const extracting = declarations.some((property) =>
			(property.modes ?? []).some((mode) => mode.name === value.mode && mode.extractValue !== undefined),
		);
		return extracting ? undefined : simpleJsonPath(value.value);
	};
	return {
		/** The parameter's value for the item with JSON `json`, or undefined to ask n8n. */
		read(name: string, json: unknown, extractValue = false): { value: unknown } | undefined {
			const key = `${name}${extractValue ? ' (value)' : ''}`;
			if (!decided.has(key)) decided.set(key, decide(name, extractValue));
			const path = decided.get(key);
			return path ? valueAtPath(json, path) : undefined;
		},
	};
}

export type SimpleParameters = ReturnType<typeof simpleParameters>;

/** Whether n8n validates or transforms the parameter after evaluating it (see getNodeParameter). */
function isTransformed(property: INodeProperties): boolean {
	if (['resourceMapper', 'filter', 'fixedCollection', 'assignmentCollection'].includes(property.type)) return true;
	const declared = JSON.stringify(property);
	// A resource locator's modes may extract: decided per mode above.
	return declared.includes('"validateType"') || (property.type !== 'resourceLocator' && declared.includes('"extractValue"'));
}
