import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { searchRecords } from '../../shared/listSearch';
import { fatora } from '../api';
import { fatoraEnvironments } from '../../../credentials/FatoraApi.credentials';

export async function searchClients(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const keyword = filter?.trim();
	// Fatora searches by `keyword` itself, possibly in fields not shown here, so no filter is
	// passed on for searchRecords to apply again.
	return await searchRecords(this, {
		provider: fatora,
		credentialType: 'fatoraApi',
		environments: fatoraEnvironments,
		request: {
			method: 'GET',
			url: '/clients',
			headers: { Accept: 'application/json' },
			qs: { page: 1, page_size: 100, ...(keyword ? { keyword } : {}) },
		},
		records: (body) => (Array.isArray(body.clients) ? body.clients : []),
		toResult: (client) => ({ name: clientLabel(client), value: String(client.id) }),
	});
}

/** "Name (email)", or whichever of the two the client has. */
function clientLabel(client: IDataObject): string {
	const name = String(client.name ?? '').trim();
	const email = String(client.email ?? '').trim();
	if (name && email) return `${name} (${email})`;
	return name || email || `Client ${String(client.id)}`;
}
