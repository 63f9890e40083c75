import { fatoraEnvironments } from '../../../../credentials/FatoraApi.credentials';
import { readFromProvider, type CurrentValues } from '../../../shared/currentValues';
import { isObject } from '../../../shared/providerResponse';
import { fatora } from '../../api';

// Fatora reads one client (Get Client), once per item that needs it.
export const currentClient: CurrentValues = {
	record: 'Client',
	idParameter: 'clientId',
	fill: { email: (client) => client.email },
	read: async (context, id) => {
		const body = await readFromProvider(context, {
			provider: fatora,
			credentialType: 'fatoraApi',
			environments: fatoraEnvironments,
			request: { method: 'GET', url: `/clients/${encodeURIComponent(id)}`, headers: { Accept: 'application/json' } },
		});
		// Newer docs wrap the client as {"status","client":{...}}, older ones put its fields beside `status`.
		return body && (isObject(body.client) ? body.client : body);
	},
};
