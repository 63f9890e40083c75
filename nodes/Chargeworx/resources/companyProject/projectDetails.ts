import type { INodeProperties } from 'n8n-workflow';
import { absoluteUrl, maxLength, required, sendChecked } from '../../../shared/validation';

/** The required project name (at most 50 characters), sent as `property`. */
export function projectNameField(operation: string, property: string, description: string): INodeProperties {
	return {
		displayName: 'Project Name',
		name: 'projectName',
		type: 'string',
		default: '',
		required: true,
		description,
		displayOptions: { show: { resource: ['companyProject'], operation: [operation] } },
		routing: {
			send: sendChecked('body', property, 'Project Name', required, maxLength(50)),
		},
	};
}

/**
 * The optional project details Create and Update General Information share, as the
 * options of their collection (Additional Fields or Update Fields).
 */
export function projectDetailOptions(): INodeProperties[] {
	return [
		{
			displayName: 'Cancel URL',
			name: 'cancelUrl',
			type: 'string',
			default: '',
			placeholder: 'https://shop.example.com/payment/cancelled',
			description: 'Where the payer is sent after cancelling a payment (an absolute URL)',
			routing: {
				send: sendChecked('body', 'cancelUrl', 'Cancel URL', absoluteUrl),
			},
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			routing: { send: sendChecked('body', 'description', 'Description') },
		},
		{
			displayName: 'Is Active',
			name: 'isActive',
			type: 'boolean',
			default: true,
			description: 'Whether the project accepts new transactions',
			routing: { send: { type: 'body', property: 'isActive' } },
		},
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '',
			description: 'The public phone number of the project (at most 25 characters)',
			routing: {
				send: sendChecked('body', 'phone', 'Phone', maxLength(25)),
			},
		},
		{
			displayName: 'Return URL',
			name: 'returnUrl',
			type: 'string',
			default: '',
			placeholder: 'https://shop.example.com/payment/success',
			description: 'Where the payer is sent after a successful payment (an absolute URL)',
			routing: {
				send: sendChecked('body', 'returnUrl', 'Return URL', absoluteUrl),
			},
		},
	];
}
