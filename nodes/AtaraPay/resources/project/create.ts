import type { INodeProperties } from 'n8n-workflow';
import { email, required, sendChecked } from '../../../shared/validation';

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
			send: sendChecked('body', 'project_name', 'Project Name', required),
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
			send: sendChecked('body', 'description', 'Description', required),
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
			send: sendChecked('body', 'customer_email', 'Customer Email', required, email),
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
			send: sendChecked('body', 'customer_phone', 'Customer Phone', required),
		},
	},
];
