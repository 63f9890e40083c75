import type { INodeProperties } from 'n8n-workflow';
import { checkProviderResponse } from '../../../shared/providerResponse';
import { outputRecord, outputRecords } from '../../../shared/records';
import { offsetPaging, runPages } from '../../../shared/requestRunner';
import { chargeworx, chargeworxPageSize, outputCreatedProject, outputUpdatedProject, withoutApiKeys } from '../../api';
import { projectCreateFields } from './create';
import { projectGetFields } from './get';
import { projectGetManyFields } from './getAll';
import { projectUpdateFields } from './update';
import { projectUpdateMerchantFields } from './updateMerchant';

// {projectId} is filled in, checked and encoded, by the Project field (idInPath).
const projectPath = '/api/adm/companyProjects/{projectId}';

export const companyProjectOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['companyProject'] } },
		options: [
			{
				name: 'Update General Information',
				value: 'update',
				action: 'Update the general information of a project',
				description: 'Change the name, description, return and cancel URLs, phone or active status',
				routing: {
					request: { method: 'PUT', url: `${projectPath}/general` },
					output: { postReceive: [checkProviderResponse(chargeworx), outputUpdatedProject] },
				},
			},
			{
				name: 'Update Merchant',
				value: 'updateMerchant',
				action: 'Update the merchant settings of a project',
				description: "Change the project's payment processor settings",
				routing: {
					request: { method: 'PUT', url: `${projectPath}/merchant` },
					output: { postReceive: [checkProviderResponse(chargeworx), outputUpdatedProject] },
				},
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a project',
				description: 'Create a payment project in a company',
				routing: {
					request: { method: 'POST', url: '/api/adm/companyProjects' },
					output: { postReceive: [checkProviderResponse(chargeworx), outputCreatedProject] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a project',
				description: 'Get the details of a project',
				routing: {
					request: { method: 'GET', url: projectPath },
					output: { postReceive: [checkProviderResponse(chargeworx), outputRecord('data'), withoutApiKeys] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many projects',
				description: 'List projects, optionally filtered by company, name or status',
				routing: {
					request: { method: 'GET', url: '/api/adm/companyProjects' },
					operations: { pagination: runPages(offsetPaging('offset', 'limit', chargeworxPageSize)) },
					output: { postReceive: [checkProviderResponse(chargeworx), outputRecords('entries')] },
				},
			},
		],
		default: 'update',
	},
	...projectUpdateFields,
	...projectUpdateMerchantFields,
	...projectCreateFields,
	...projectGetFields,
	...projectGetManyFields,
];
