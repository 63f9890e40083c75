import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { allowedDomainsOf } from '../../../shared/allowedDomains';
import { checkAnswer } from '../../../shared/answerCheck';
import { resolveBaseUrl } from '../../../../credentials/shared/baseUrl';
import { isObject, throwIfProviderError } from '../../../shared/providerResponse';
import { noRedirects } from '../../../shared/redirectPolicy';
import { requestSettings, startRequestRun, withRetries, type RequestSource } from '../../../shared/requestRunner';
import { required, ruleError, sendChecked, sendField } from '../../../shared/validation';
import { sendWithRenewal } from '../../../shared/tokenRenewal';
import { apipagos, apipagosCredentialType } from '../../api';
import { apipagosEnvironments } from '../../../../credentials/ApipagosApi.credentials';
import { contractCode, descriptionOption, someFieldSet, statusCodeOption, titleOption } from './common';
import { withClearHints } from '../../../shared/descriptions';

const showOnlyForContractUpdateMany = { operation: ['updateMany'], resource: ['contract'] };

// The bulk page's schema and its example disagree (user_code_* in the schema, user_id_*
// in the example); these follow the schema, where `code` names the contract. Each option
// declares its wire name beside it, as Update's do; shared ones come from common.ts.
const updateFieldsOptions: INodeProperties[] = [
	{
		displayName: 'Config Code',
		name: 'configCode',
		type: 'string',
		default: '',
		description: 'Code of the contract configuration, such as cesiones',
		routing: { send: sendChecked('body', 'config_code', 'Config Code') },
	},
	descriptionOption,
	{
		displayName: 'Destination User Code',
		name: 'userCodeDst',
		type: 'string',
		default: '',
		description: 'Code of the user the contract goes to',
		routing: { send: sendChecked('body', 'user_code_dst', 'Destination User Code') },
	},
	{
		displayName: 'Source User Code',
		name: 'userCodeSrc',
		type: 'string',
		default: '',
		description: 'Code of the user the contract comes from',
		routing: { send: sendChecked('body', 'user_code_src', 'Source User Code') },
	},
	statusCodeOption,
	titleOption,
];

export const contractUpdateManyFields: INodeProperties[] = [
	contractCode(showOnlyForContractUpdateMany, 'Contract Code', 'The code of the contract this item changes'),
	withClearHints({
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForContractUpdateMany },
		options: updateFieldsOptions,
	}),
];

interface ContractChange {
	itemIndex: number;
	code: string;
	change: IDataObject;
}

/**
 * Update Many: one PUT /contracts carrying the changes of all input items (routing would
 * send one request per item). Invalid items stop the run, or with Continue On Fail
 * become error items, before the request; each output item is the contract Apipagos
 * returns for that item's code, paired with it.
 */
export async function updateManyContracts(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	const changes: ContractChange[] = [];
	// Checked before anything else, so a wrong option never gets as far as a request.
	const run = startRequestRun(
		this.getNode(),
		(name, fallback) => this.getNodeParameter(`requestOptions.${name}`, 0, fallback),
		!this.continueOnFail(),
		this.getExecutionCancelSignal?.(),
	);

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const change = await readChange(this, itemIndex);
		if (change instanceof NodeOperationError) {
			if (!this.continueOnFail()) throw change;
			output[itemIndex] = errorItem(change, itemIndex);
		} else {
			changes.push(change);
		}
	}
	if (changes.length === 0) return [output];

	const request = bulkRequest(this, changes, await this.getCredentials(apipagosCredentialType));
	const source: RequestSource = {
		run,
		node: this.getNode(),
		itemIndex: changes[0].itemIndex,
	};
	let response: IN8nHttpFullResponse;
	try {
		// Paced and retried like every other request (a bulk PUT is safe to repeat).
		response = await withRetries(source, 'PUT', async (timeout) => {
			const answer = await sendWithRenewal(this, apipagosCredentialType, { ...request, timeout });
			checkAnswer(this.getNode(), apipagos.name, answer);
			throwIfProviderError(this.getNode(), apipagos, answer);
			return answer;
		});
	} catch (error) {
		// Already a NodeApiError from the request helper or the provider rule; wrapping returns it as is.
		const failure = new NodeApiError(this.getNode(), error as JsonObject);
		if (!this.continueOnFail()) throw failure;
		for (const { itemIndex } of changes) output[itemIndex] = errorItem(failure, itemIndex);
		return [output];
	}

	// The answer's contracts by code, in answer order: each item takes the next one of its code.
	const byCode = new Map<string, IDataObject[]>();
	for (const record of recordsIn(response.body)) {
		const same = byCode.get(String(record.code));
		if (same) same.push(record);
		else byCode.set(String(record.code), [record]);
	}
	const takenOfCode = new Map<string, number>();
	for (const { itemIndex, code } of changes) {
		const taken = takenOfCode.get(code) ?? 0;
		const record = byCode.get(code)?.[taken];
		if (record) {
			takenOfCode.set(code, taken + 1);
			output[itemIndex] = { json: record, pairedItem: { item: itemIndex } };
			continue;
		}
		const missing = new NodeApiError(this.getNode(), {} as JsonObject, {
			message: `Apipagos: the answer has no contract "${code}" [item ${itemIndex}]`,
			description: 'Apipagos accepted the request but did not return this contract. Get it to check whether it changed.',
			httpCode: String(response.statusCode),
			itemIndex,
		});
		if (!this.continueOnFail()) throw missing;
		output[itemIndex] = errorItem(missing, itemIndex);
	}
	return [output];
}

/** One item's change in the bulk schema, or the error naming what is wrong with it. */
async function readChange(context: IExecuteFunctions, itemIndex: number): Promise<ContractChange | NodeOperationError> {
	const node = context.getNode();
	const code = context.getNodeParameter('contractCode', itemIndex, '') as string;
	const fields = context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const invalid =
		ruleError(node, itemIndex, 'Contract Code', code, [required]) ??
		ruleError(node, itemIndex, 'Update Fields', fields, [someFieldSet]);
	if (invalid) return invalid;

	// The options' own routing (wire name, checks, type), applied as n8n's engine would.
	const itemContext = Object.create(context, {
		getItemIndex: { value: () => itemIndex },
	}) as IExecuteSingleFunctions;
	const change: IDataObject = { code: String(code) };
	try {
		for (const option of updateFieldsOptions) {
			if (option.name in fields) await sendField(itemContext, option, fields[option.name], change);
		}
	} catch (error) {
		if (error instanceof NodeOperationError) return error;
		throw new NodeOperationError(node, error as Error, { itemIndex });
	}
	// The bulk page's schema types every field as a string, and its example sends "1"; null
	// ({{ null }}, to clear a value) stays null.
	const asStrings = Object.fromEntries(
		Object.entries(change).map(([key, value]) => [key, value === null ? null : String(value)]),
	);
	return { itemIndex, code: String(code), change: asStrings };
}

function bulkRequest(
	context: IExecuteFunctions,
	changes: ContractChange[],
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestOptions {
	const baseUrl = resolveBaseUrl(credentials, apipagosEnvironments);
	return {
		...requestSettings(context.getNode(), context.getNodeParameter('requestOptions', 0, {}) as IDataObject),
		...allowedDomainsOf(context.getNode(), credentials, baseUrl),
		...noRedirects,
		method: 'PUT',
		url: `${baseUrl}/contracts`,
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		body: changes.map(({ change }) => change),
		json: true,
		returnFullResponse: true,
		// As in the node's other operations: error answers reach the provider rule.
		ignoreHttpStatusErrors: true,
	};
}

/** The contracts in the answer: the documented bare array, or one wrapped in `data`. */
function recordsIn(body: unknown): IDataObject[] {
	const data = isObject(body) ? body.data : body;
	const records = Array.isArray(data) ? data : isObject(data) ? [data] : [];
	return records.filter(isObject);
}

function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, error, pairedItem: { item: itemIndex } };
}
