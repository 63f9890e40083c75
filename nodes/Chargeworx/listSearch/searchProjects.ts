import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { searchRecords } from '../../shared/listSearch';
import { chargeworx } from '../api';
import { chargeworxEnvironments } from '../../../credentials/ChargeworxOAuth2Api.credentials';

// What the user types goes to the list's `name` filter (case-insensitive, partial).
export async function searchProjects(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const name = filter?.trim();
	return await searchRecords(
		this,
		{
			provider: chargeworx,
			credentialType: 'chargeworxOAuth2Api',
			environments: chargeworxEnvironments,
			request: {
				method: 'GET',
				url: '/api/adm/companyProjects',
				qs: { limit: 100, ...(name ? { name } : {}) },
			},
			records: (body) => (Array.isArray(body.entries) ? body.entries : []),
			toResult: (project) => ({
				name: String(project.name ?? project.id),
				value: String(project.id),
			}),
		},
		filter,
	);
}
