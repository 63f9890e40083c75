import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { searchRecords } from '../../shared/listSearch';
import { instantpay } from '../api';
import { instantpayEnvironments, instantpayRequest } from '../../../credentials/InstantpayApi.credentials';

/**
 * One of the Contact Book's lists (`data` of a GET). The docs give these lists no filter
 * or paging: all records come in one answer and are filtered by what the user typed.
 */
export async function searchContactBook(
	context: ILoadOptionsFunctions,
	url: string,
	toResult: (record: IDataObject) => INodeListSearchItems,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchRecords(
		context,
		{
			provider: instantpay,
			credentialType: 'instantpayApi',
			environments: instantpayEnvironments,
			request: { method: 'GET', url, ...instantpayRequest },
			records: (body) => (Array.isArray(body.data) ? body.data : []),
			toResult,
		},
		filter,
	);
}

export async function searchContacts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchContactBook(
		this,
		'/contacts/profile',
		(contact) => ({
			name: [contact.name, contact.email].filter(Boolean).join(' · ') || `Contact ${contact._id}`,
			value: String(contact._id),
		}),
		filter,
	);
}

export async function searchTags(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchContactBook(
		this,
		'/contacts/tag',
		(tag) => ({ name: String(tag.name ?? `Tag ${tag._id}`), value: String(tag._id) }),
		filter,
	);
}
