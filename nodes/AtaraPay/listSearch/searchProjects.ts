import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { searchRecords } from '../../shared/listSearch';
import { ataraPay, projectsIn } from '../api';
import { ataraPayEnvironments } from '../../../credentials/AtaraPayApi.credentials';

export async function searchProjects(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchRecords(
		this,
		{
			provider: ataraPay,
			credentialType: 'ataraPayApi',
			environments: ataraPayEnvironments,
			request: {
				method: 'POST',
				url: '/api/project/getExternalProjects',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			},
			records: projectsIn,
			toResult: (project) => ({
				name: String(project.project_name ?? `Project ${project.id}`),
				value: String(project.id),
			}),
		},
		filter,
	);
}
