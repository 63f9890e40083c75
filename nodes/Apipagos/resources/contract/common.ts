import type { INodeProperties } from 'n8n-workflow';
import { idInPath, sendChecked, sendConverted, toInteger, wholeNumber, type Rule } from '../../../shared/validation';

/**
 * The contract to act on, in the URL path or (Update Many) the body's `code`. Apipagos'
 * list endpoint is not documented, so this is a plain string rather than a From List picker.
 */
export function contractCode(
	show: Record<string, string[]>,
	displayName: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name: 'contractCode',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 28c7fbfacc309631dbc4e3584c5b8fa8',
		description,
		displayOptions: { show },
		routing: { send: { preSend: [idInPath('contractCode', displayName)] } },
	};
}

/** An update that changes nothing is a mistake: the collection needs at least one field. */
export const someFieldSet: Rule = (value) =>
	typeof value === 'object' && value !== null && Object.keys(value).length > 0
		? undefined
		: { problem: 'has no field set', fix: 'Add at least one field to change, such as Title.' };

// Update Fields options that Update and Update Many share, each with its wire name, checks
// and type: Update Many builds its bulk body from these same declarations (sendField).

export const descriptionOption: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	routing: { send: sendChecked('body', 'description', 'Description') },
};

// A JSON integer for Update; Update Many sends every bulk value as a string, as its schema says.
export const statusCodeOption: INodeProperties = {
	displayName: 'Status Code',
	name: 'statusCode',
	type: 'number',
	typeOptions: { numberPrecision: 0 },
	default: 0,
	description: 'Numeric status of the contract, such as 0 (pending)',
	routing: { send: sendConverted('body', 'status_code', 'Status Code', toInteger, wholeNumber) },
};

export const titleOption: INodeProperties = {
	displayName: 'Title',
	name: 'title',
	type: 'string',
	default: '',
	routing: { send: sendChecked('body', 'title', 'Title') },
};
