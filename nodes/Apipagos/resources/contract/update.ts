import type { INodeProperties } from 'n8n-workflow';
import { safeInteger, sendConverted, toInteger, validateAsSetUp, wholeNumber } from '../../../shared/validation';
import { apipagosDateTime, toWorkflowDateTime } from '../../dateTime';
import { contractCode, descriptionOption, someFieldSet, statusCodeOption, titleOption } from './common';
import { withClearHints } from '../../../shared/descriptions';

const showOnlyForContractUpdate = { operation: ['update'], resource: ['contract'] };

export const contractUpdateFields: INodeProperties[] = [
	contractCode(
		showOnlyForContractUpdate,
		'Contract Code or ID',
		'The code of the contract to update, or its numeric ID such as 132',
	),
	withClearHints({
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForContractUpdate },
		routing: { send: { preSend: [validateAsSetUp('updateFields', 'Update Fields', someFieldSet)] } },
		options: [
			descriptionOption,
			{
				displayName: 'Destination User ID',
				name: 'userIdDst',
				type: 'number',
				typeOptions: { numberPrecision: 0 },
				default: 0,
				description: 'Numeric ID of the user the contract goes to',
				routing: {
					send: sendConverted('body', 'user_id_dst', 'Destination User ID', toInteger, wholeNumber, safeInteger),
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
					send: sendConverted('body', 'expired_at', 'Expires At', toWorkflowDateTime, apipagosDateTime),
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
					send: sendConverted('body', 'user_id_src', 'Source User ID', toInteger, wholeNumber, safeInteger),
				},
			},
			statusCodeOption,
			titleOption,
		],
	}),
];
