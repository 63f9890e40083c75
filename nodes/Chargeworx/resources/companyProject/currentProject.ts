import { chargeworxEnvironments } from '../../../../credentials/ChargeworxOAuth2Api.credentials';
import { readFromProvider, type CurrentValues } from '../../../shared/currentValues';
import { isObject } from '../../../shared/providerResponse';
import { chargeworx } from '../../api';

// Chargeworx reads one project (Get Project), once per item that needs it.
export const currentProject: CurrentValues = {
	record: 'Project',
	idParameter: 'projectId',
	fill: { projectName: (project) => project.name },
	read: async (context, id) => {
		const body = await readFromProvider(context, {
			provider: chargeworx,
			credentialType: 'chargeworxOAuth2Api',
			environments: chargeworxEnvironments,
			request: { method: 'GET', url: `/api/adm/companyProjects/${encodeURIComponent(id)}` },
		});
		return body && isObject(body.data) ? body.data : undefined;
	},
};
