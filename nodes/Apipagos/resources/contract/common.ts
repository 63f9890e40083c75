import type { INodeProperties } from 'n8n-workflow';
import { idInPath, type Rule } from '../../../shared/validation';

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

/** Status Code, as Update and Update Many both offer it (they send it differently). */
export const statusCodeOption: INodeProperties = {
	displayName: 'Status Code',
	name: 'statusCode',
	type: 'number',
	typeOptions: { numberPrecision: 0 },
	default: 0,
	description: 'Numeric status of the contract, such as 0 (pending)',
};
