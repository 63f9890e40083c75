import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { guid, sendChecked } from '../../../shared/validation';

const showOnlyForProjectGetMany = { operation: ['getAll'], resource: ['companyProject'] };

// GET /api/adm/companyProjects, paged with limit/offset (see the operation's pagination).
export const projectGetManyFields: INodeProperties[] = [
	...returnAllAndLimit('companyProject', 'paged'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showOnlyForProjectGetMany },
		options: [
			{
				displayName: 'Company ID',
				name: 'companyId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c',
				description: 'Only projects of this company (a GUID)',
				routing: {
					send: sendChecked('query', 'companyId', 'Company ID', guid),
				},
			},
			{
				displayName: 'Is Active',
				name: 'isActive',
				type: 'boolean',
				default: true,
				description: 'Whether to return only active projects (on) or only inactive ones (off)',
				routing: { send: { type: 'query', property: 'isActive' } },
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Only projects whose name contains this text (not case-sensitive)',
				routing: { send: sendChecked('query', 'name', 'Name') },
			},
		],
	},
];
