import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { searchRecords } from '../../shared/listSearch';
import { chargeworx, chargeworxPageSize } from '../api';
import { chargeworxEnvironments } from '../../../credentials/ChargeworxOAuth2Api.credentials';

/**
 * One page of the projects; scrolling down in the picker asks for the next one. What the
 * user types goes to the list's `name` filter (case-insensitive, partial), so Chargeworx
 * searches all projects, not only the page shown.
 */
export async function searchProjects(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const name = filter?.trim();
	const offset = Number(paginationToken) > 0 ? Number(paginationToken) : 0;
	return await searchRecords(this, {
		provider: chargeworx,
		credentialType: 'chargeworxOAuth2Api',
		environments: chargeworxEnvironments,
		request: {
			method: 'GET',
			url: '/api/adm/companyProjects',
			qs: { limit: chargeworxPageSize, offset, ...(name ? { name } : {}) },
		},
		records: (body) => (Array.isArray(body.entries) ? body.entries : []),
		toResult: (project) => ({
			name: String(project.name ?? project.id),
			value: String(project.id),
		}),
		// A full page may have more after it; a short one is the last.
		nextPage: (records) => (records.length >= chargeworxPageSize ? String(offset + chargeworxPageSize) : undefined),
	});
}
