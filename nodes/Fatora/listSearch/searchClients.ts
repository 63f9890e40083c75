import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { searchRecords } from '../../shared/listSearch';
import { fatora, fatoraPageSize } from '../api';
import { fatoraEnvironments } from '../../../credentials/FatoraApi.credentials';

/**
 * One page of the clients (pages of the size the docs show); scrolling down in the
 * picker asks for the next one, so every client can be reached.
 */
export async function searchClients(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const keyword = filter?.trim();
	const page = Number(paginationToken) > 1 ? Number(paginationToken) : 1;
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
			qs: { page, page_size: fatoraPageSize, ...(keyword ? { keyword } : {}) },
		},
		records: (body) => (Array.isArray(body.clients) ? body.clients : []),
		toResult: (client) => ({ name: clientLabel(client), value: String(client.id) }),
		// A full page may have more after it; a short one is the last.
		nextPage: (records) => (records.length >= fatoraPageSize ? String(page + 1) : undefined),
	});
}

/** "Name (email)", or whichever of the two the client has. */
function clientLabel(client: IDataObject): string {
	const name = String(client.name ?? '').trim();
	const email = String(client.email ?? '').trim();
	if (name && email) return `${name} (${email})`;
	return name || email || `Client ${String(client.id)}`;
}
