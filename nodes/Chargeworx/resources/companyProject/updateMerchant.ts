import type { INodeProperties } from 'n8n-workflow';
import { wholeNumber, sendChecked } from '../../../shared/validation';
import { projectIdField } from './projectId';
import { withClearHints } from '../../../shared/descriptions';

const showOnlyForMerchantUpdate = { operation: ['updateMerchant'], resource: ['companyProject'] };

// PUT /api/adm/companyProjects/{id}/merchant: every field is optional.
export const projectUpdateMerchantFields: INodeProperties[] = [
	projectIdField('updateMerchant', { sendAsBodyId: true }),
	withClearHints({
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForMerchantUpdate },
		options: [
			{
				displayName: 'API Key',
				name: 'apiKey',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: "The payment processor's API key for this project. It is sent, never output.",
				routing: { send: sendChecked('body', 'apiKey', 'API Key') },
			},
			{
				displayName: 'Is Test Mode',
				name: 'isTestMode',
				type: 'boolean',
				default: false,
				description: "Whether the project uses the processor's test mode",
				routing: { send: { type: 'body', property: 'isTestMode' } },
			},
			{
				displayName: 'Merchant ID',
				name: 'merchantId',
				type: 'string',
				default: '',
				description: 'The merchant ID at the payment processor',
				routing: { send: sendChecked('body', 'merchantId', 'Merchant ID') },
			},
			{
				displayName: 'Processor Gateway',
				name: 'processorGateway',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 0,
				description: 'The number of the payment gateway (Chargeworx does not document the values)',
				routing: {
					send: sendChecked('body', 'processorGateway', 'Processor Gateway', wholeNumber),
				},
			},
		],
	}),
];
