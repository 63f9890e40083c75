import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { searchRecords } from '../../shared/listSearch';
import { instantpay, instantpayEnvironments, instantpayJsonHeaders } from '../api';

export async function searchTags(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchRecords(
		this,
		{
			provider: instantpay,
			credentialType: 'instantpayApi',
			environments: instantpayEnvironments,
			request: { method: 'GET', url: '/contacts/tag', headers: instantpayJsonHeaders },
			records: (body) => (Array.isArray(body.data) ? body.data : []),
			toResult: (tag) => ({ name: String(tag.name ?? `Tag ${tag._id}`), value: String(tag._id) }),
		},
		filter,
	);
}
