import type { INodeProperties } from 'n8n-workflow';
import { email, required, validate } from '../../../shared/validation';

const showOnlyForProjectCreate = { operation: ['create'], resource: ['project'] };

export const projectCreateFields: INodeProperties[] = [
	{
		displayName: 'Project Name',
		name: 'projectName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: showOnlyForProjectCreate },
		routing: {
			send: { type: 'body', property: 'project_name', preSend: [validate('projectName', 'Project Name', required)] },
		},
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		displayOptions: { show: showOnlyForProjectCreate },
		routing: {
			send: { type: 'body', property: 'description', preSend: [validate('description', 'Description', required)] },
		},
	},
	{
		displayName: 'Customer Email',
		name: 'customerEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: "The buyer's email address",
		displayOptions: { show: showOnlyForProjectCreate },
		routing: {
			send: {
				type: 'body',
				property: 'customer_email',
				preSend: [validate('customerEmail', 'Customer Email', required, email)],
			},
		},
	},
	{
		displayName: 'Customer Phone',
		name: 'customerPhone',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +2348012345678',
		description: "The buyer's phone number",
		displayOptions: { show: showOnlyForProjectCreate },
		routing: {
			send: {
				type: 'body',
				property: 'customer_phone',
				preSend: [validate('customerPhone', 'Customer Phone', required)],
			},
		},
	},
];
