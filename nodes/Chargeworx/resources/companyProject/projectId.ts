import type { INodeProperties } from 'n8n-workflow';
import { guid, idInPath } from '../../../shared/validation';
import { guidPattern } from '../../api';

/**
 * The project a Get or an update works on (From List, or By ID). Updates also send it
 * as the body's `id`, which Chargeworx requires to equal the ID in the path.
 */
export function projectIdField(operation: string, { sendAsBodyId }: { sendAsBodyId: boolean }): INodeProperties {
	const check = idInPath('projectId', 'Project', guid);
	return {
		displayName: 'Project',
		name: 'projectId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The Chargeworx project',
		displayOptions: { show: { resource: ['companyProject'], operation: [operation] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchProjects', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 7bc94a21-8833-4d2f-a5e1-9f4b2d8c1e7a',
				validation: [
					{
						type: 'regex',
						properties: { regex: guidPattern, errorMessage: 'Not a valid project ID (a GUID)' },
					},
				],
			},
		],
		routing: {
			send: sendAsBodyId ? { type: 'body', property: 'id', preSend: [check] } : { preSend: [check] },
		},
	};
}
