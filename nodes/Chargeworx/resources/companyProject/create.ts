import type { INodeProperties } from 'n8n-workflow';
import { guid, required, sendChecked } from '../../../shared/validation';
import { projectDetailOptions, projectNameField } from './projectDetails';

const showOnlyForProjectCreate = { operation: ['create'], resource: ['companyProject'] };

// POST /api/adm/companyProjects.
export const projectCreateFields: INodeProperties[] = [
	{
		displayName: 'Company ID',
		name: 'companyId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c',
		description: 'The company the project belongs to (a GUID)',
		displayOptions: { show: showOnlyForProjectCreate },
		routing: {
			send: sendChecked('body', 'companyId', 'Company ID', required, guid),
		},
	},
	projectNameField('create', 'name', 'Unique within the company, at most 50 characters'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForProjectCreate },
		options: projectDetailOptions(),
	},
];
