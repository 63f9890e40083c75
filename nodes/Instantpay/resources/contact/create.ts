import type { INodeProperties } from 'n8n-workflow';
import { sendChecked } from '../../../shared/validation';
import { contactDetailFields } from './fields';

const showOnlyForContactCreate = { operation: ['create'], resource: ['contact'] };

export const contactCreateFields: INodeProperties[] = [
	...contactDetailFields(showOnlyForContactCreate),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForContactCreate },
		options: [
			{
				displayName: 'Company Name',
				name: 'companyName',
				type: 'string',
				default: '',
				description: 'Business name of the contact',
				routing: { send: sendChecked('body', 'companyName', 'Company Name') },
			},
		],
	},
];
