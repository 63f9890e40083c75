import type { IDataObject } from 'n8n-workflow';
import { ataraPayEnvironments } from '../../../../credentials/AtaraPayApi.credentials';
import { listOncePerExecution, readFromProvider, type CurrentValues } from '../../../shared/currentValues';
import { ataraPay, projectsIn } from '../../api';

// AtaraPay reads no single project: Get Projects is read once per execution and searched.
export const currentProject: CurrentValues = {
	record: 'Project',
	idParameter: 'projectId',
	fill: {
		project_name: (project) => project.project_name,
		description: (project) => project.description,
	},
	read: async (context, id) => {
		const projects = await listOncePerExecution(context, async () =>
			projectsIn(
				(await readFromProvider(context, {
					provider: ataraPay,
					credentialType: 'ataraPayApi',
					environments: ataraPayEnvironments,
					request: {
						method: 'POST',
						url: '/api/project/getExternalProjects',
						headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
					},
				})) ?? {},
			),
		);
		return projects.find((project: IDataObject) => String(project.id) === id);
	},
};
