import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INode,
	INodeProperties,
	INodeRequestSend,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { pathSegment } from './pathSegment';

/** A check of one value: returns what is wrong with it and how to fix it, or nothing. */
export type Rule = (value: unknown) => { problem: string; fix: string } | undefined;

// Checks throw a NodeOperationError naming the field and the item before anything is
// sent; n8n's engine and the routing runner both make it the item's error.

/**
 * A preSend action that stops the item, before any request is sent, when a parameter
 * breaks one of the rules. The error names the field and the item.
 */
export function validate(parameter: string, displayName: string, ...rules: Rule[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const value = this.getNodeParameter(parameter, undefined, { extractValue: true });
		const error = ruleError(this.getNode(), this.getItemIndex(), displayName, value, rules);
		if (error) throw error;
		return requestOptions;
	};
}

/**
 * Like `validate`, for a rule on a parameter as the node is set up, before its expressions
 * are evaluated: which options of a collection were added, for instance.
 */
export function validateAsSetUp(parameter: string, displayName: string, ...rules: Rule[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const node = this.getNode();
		const error = ruleError(node, this.getItemIndex(), displayName, node.parameters[parameter], rules);
		if (error) throw error;
		return requestOptions;
	};
}

/** How a field's value is sent, once its checks pass (a number as a JSON integer, for instance). */
export type Convert = (value: unknown, context: IExecuteSingleFunctions) => unknown;

/**
 * A field's `routing.send`: its wire name, its checks and the conversion of its value,
 * declared once beside the field. n8n puts the value at `property`; the check reads it
 * there, throws naming the field and the item, and the value is replaced by
 * `convert(value)`. Operations that build a request in code (Apipagos Update Many) apply
 * the same declaration with `sendField`.
 */
export function sendConverted(
	type: 'body' | 'query',
	property: string,
	displayName: string,
	convert: Convert | undefined,
	...rules: Rule[]
): INodeRequestSend {
	const checkAndConvert: PreSendAction = async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	) {
		const sent = ((type === 'body' ? requestOptions.body : requestOptions.qs) ?? {}) as IDataObject;
		const error = ruleError(this.getNode(), this.getItemIndex(), displayName, sent[property], rules);
		if (error) throw error;
		// Empty means unset: an empty value (typed, or from an expression) is not sent, so it
		// never blanks the provider's value. The expression {{ null }} is sent as null, to clear it.
		if (isEmptyText(sent[property])) delete sent[property];
		else if (convert && sent[property] !== null) sent[property] = convert(sent[property], this) as IDataObject[string];
		return requestOptions;
	};
	return { type, property, preSend: [checkAndConvert] };
}

const isEmptyText = (value: unknown) => value === undefined || (typeof value === 'string' && value.trim() === '');

/** `sendConverted` for a value sent as it is. */
export function sendChecked(
	type: 'body' | 'query',
	property: string,
	displayName: string,
	...rules: Rule[]
): INodeRequestSend {
	return sendConverted(type, property, displayName, undefined, ...rules);
}

/**
 * Applies a field's `routing.send` to `body` in code, as n8n's engine does: the value at
 * its property, then its preSend checks and conversion. `context` is the item's.
 */
export async function sendField(
	context: IExecuteSingleFunctions,
	field: INodeProperties,
	value: unknown,
	body: IDataObject,
): Promise<void> {
	const send = field.routing?.send;
	if (!send?.property) return;
	body[send.property] = value as IDataObject[string];
	for (const preSend of send.preSend ?? []) await preSend.call(context, { url: '', body });
}

/** A whole number (checked with `wholeNumber`) as a JSON integer. */
export const toInteger: Convert = (value) => Number(value);

/**
 * The error for the first rule `value` breaks, naming the field and the item, or
 * nothing when it keeps them all. For code that reads parameters itself (custom operations).
 */
export function ruleError(
	node: INode,
	itemIndex: number,
	displayName: string,
	value: unknown,
	rules: Rule[],
): NodeOperationError | undefined {
	for (const rule of rules) {
		const broken = rule(value);
		if (broken) {
			return new NodeOperationError(node, `"${displayName}" ${broken.problem} [item ${itemIndex}]`, {
				itemIndex,
				description: broken.fix,
			});
		}
	}
	return undefined;
}

const isBlank = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

export const required: Rule = (value) =>
	isBlank(value) ? { problem: 'is empty', fix: 'Enter a value, or map one from an earlier node.' } : undefined;

// The checks below pass a blank value: combine them with `required` where it must be set.
const check =
	(test: (text: string) => boolean, problem: string, fix: string): Rule =>
	(value) =>
		isBlank(value) || test(String(value)) ? undefined : { problem, fix };

export const email = check(
	(text) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text),
	'is not a valid email address',
	'Enter an address such as name@example.com.',
);

export const guid = check(
	(text) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text),
	'is not a valid GUID',
	'Enter an ID such as 7bc94a21-8833-4d2f-a5e1-9f4b2d8c1e7a.',
);

export const absoluteUrl = check(
	(text) => {
		try {
			const url = new URL(text);
			return url.protocol === 'https:' || url.protocol === 'http:';
		} catch {
			return false;
		}
	},
	'is not an absolute URL',
	'Enter a full address that starts with https://, such as https://shop.example.com/paid.',
);

export const hexColor = check(
	(text) => /^#[0-9a-f]{6}$/i.test(text),
	'is not a color in #RRGGBB form',
	'Enter a color such as #FF1934.',
);

export const wholeNumber = check(
	(text) => /^-?\d+$/.test(text.trim()),
	'is not a whole number',
	'Enter a number without decimals, such as 42.',
);

export const dateTime = check(
	(text) => !Number.isNaN(Date.parse(text)),
	'is not a valid date and time',
	'Enter a date and time such as 2026-12-31T23:59:00, or pick one in the date picker.',
);

export function maxLength(limit: number): Rule {
	return check(
		(text) => text.length <= limit,
		`is longer than ${limit} characters`,
		`Shorten it to at most ${limit} characters.`,
	);
}

const onePathSegment: Rule = (value) =>
	pathSegment(String(value).trim()) === undefined
		? { problem: 'is not a valid ID', fix: 'Enter the ID of a record: "." and ".." would name another address, not a record.' }
		: undefined;

// Larger whole numbers lose digits as JSON numbers (9007199254740993 would be sent as …992).
export const safeInteger = check(
	(text) => Number.isSafeInteger(Number(text)),
	'is too large to send exactly',
	'Enter a whole number up to 9007199254740991.',
);

/**
 * A preSend action for an ID that goes in the URL path: checks it like `validate`, then
 * puts it, encoded as one path segment, where the operation's URL says `{parameter}`.
 */
export function idInPath(parameter: string, displayName: string, ...rules: Rule[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const value = this.getNodeParameter(parameter, undefined, { extractValue: true });
		const error = ruleError(this.getNode(), this.getItemIndex(), displayName, value, [required, onePathSegment, ...rules]);
		if (error) throw error;
		const segment = pathSegment(String(value).trim()) as string;
		requestOptions.url = requestOptions.url?.replace(`{${parameter}}`, segment);
		return requestOptions;
	};
}
