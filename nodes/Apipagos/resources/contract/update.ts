import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, PreSendAction } from 'n8n-workflow';
import { required, safeInteger, validate, validateAsSetUp, wholeNumber } from '../../../shared/validation';
import { apipagosDateTime, sendApipagosDateTime } from '../../dateTime';
import { contractCode, someFieldSet, statusCodeOption } from './common';

const showOnlyForContractUpdate = { operation: ['update'], resource: ['contract'] };

// Apipagos takes these ids as JSON integers; an expression may give text such as "12".
function sendAsInteger(property: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const body = requestOptions.body as IDataObject;
		body[property] = Number(body[property]);
		return requestOptions;
	};
}

export const contractUpdateFields: INodeProperties[] = [
	contractCode(
		showOnlyForContractUpdate,
		'Contract Code or ID',
		'The code of the contract to update, or its numeric ID such as 132',
	),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForContractUpdate },
		routing: { send: { preSend: [validateAsSetUp('updateFields', 'Update Fields', someFieldSet)] } },
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				routing: { send: { type: 'body', property: 'description' } },
			},
			{
				displayName: 'Destination User ID',
				name: 'userIdDst',
				type: 'number',
				typeOptions: { numberPrecision: 0 },
				default: 0,
				description: 'Numeric ID of the user the contract goes to',
				routing: {
					send: {
						type: 'body',
						property: 'user_id_dst',
						preSend: [validate('updateFields.userIdDst', 'Destination User ID', required, wholeNumber, safeInteger), sendAsInteger('user_id_dst')],
					},
				},
			},
			{
				displayName: 'Expires At',
				name: 'expiredAt',
				type: 'dateTime',
				default: '',
				description:
					"When the contract expires. Sent as local time without a zone; a time with an offset is converted to the workflow's time zone first.",
				routing: {
					send: {
						type: 'body',
						property: 'expired_at',
						preSend: [
							validate('updateFields.expiredAt', 'Expires At', required, apipagosDateTime),
							sendApipagosDateTime('updateFields.expiredAt', 'expired_at'),
						],
					},
				},
			},
			{
				displayName: 'Source User ID',
				name: 'userIdSrc',
				type: 'number',
				typeOptions: { numberPrecision: 0 },
				default: 0,
				description: 'Numeric ID of the user the contract comes from',
				routing: {
					send: {
						type: 'body',
						property: 'user_id_src',
						preSend: [validate('updateFields.userIdSrc', 'Source User ID', required, wholeNumber, safeInteger), sendAsInteger('user_id_src')],
					},
				},
			},
			{
				...statusCodeOption,
				routing: {
					send: {
						type: 'body',
						property: 'status_code',
						preSend: [validate('updateFields.statusCode', 'Status Code', required, wholeNumber, safeInteger), sendAsInteger('status_code')],
					},
				},
			},
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				routing: { send: { type: 'body', property: 'title' } },
			},
		],
	},
];
