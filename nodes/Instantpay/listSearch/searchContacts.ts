import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { searchRecords } from '../../shared/listSearch';
import { instantpay, instantpayEnvironments, instantpayJsonHeaders } from '../api';

// List Contacts documents no filter or paging: all contacts come in one answer and are
// filtered here by what the user typed.
export async function searchContacts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchRecords(
		this,
		{
			provider: instantpay,
			credentialType: 'instantpayApi',
			environments: instantpayEnvironments,
			request: { method: 'GET', url: '/contacts/profile', headers: instantpayJsonHeaders },
			records: (body) => (Array.isArray(body.data) ? body.data : []),
			toResult: (contact) => ({
				name: [contact.name, contact.email].filter(Boolean).join(' · ') || `Contact ${contact._id}`,
				value: String(contact._id),
			}),
		},
		filter,
	);
}
