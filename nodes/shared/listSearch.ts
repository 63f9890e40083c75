import type {
	IDataObject,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { resolveBaseUrl, type Environments } from '../../credentials/shared/baseUrl';
import { throwIfProviderError, type Provider } from './providerResponse';
import { sendWithRenewal } from './tokenRenewal';

export interface RecordList {
	provider: Provider;
	credentialType: string;
	environments: Environments;
	request: IHttpRequestOptions;
	/** The records in the answer's body. */
	records: (body: IDataObject) => unknown[];
	toResult: (record: IDataObject) => INodeListSearchItems;
	/** For a paged list: the token of the page after the one whose records these are, if any. */
	nextPage?: (records: unknown[]) => string | undefined;
}

/**
 * Loads a provider's list (or one page of it) for a From List picker, through the node's
 * credential, and keeps the entries whose name or ID contains what the user typed.
 */
export async function searchRecords(
	context: ILoadOptionsFunctions,
	list: RecordList,
	filter?: string,
): Promise<INodeListSearchResult> {
	const credentials = await context.getCredentials(list.credentialType);
	const response = await sendWithRenewal(context, list.credentialType, {
		...list.request,
		url: `${resolveBaseUrl(credentials, list.environments)}${list.request.url}`,
		// A provider without tokens to refresh may let 401 answers through too.
		ignoreHttpStatusErrors: list.request.ignoreHttpStatusErrors ?? { ignore: true, except: [401] },
	});
	throwIfProviderError(context.getNode(), list.provider, response);

	const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as IDataObject;
	const needle = filter?.trim().toLowerCase() ?? '';
	const records = list.records(body);
	const results = records
		.filter((record): record is IDataObject => typeof record === 'object' && record !== null)
		.map(list.toResult)
		.filter((result) => !needle || `${result.name} ${result.value}`.toLowerCase().includes(needle));
	return { results, paginationToken: list.nextPage?.(records) };
}
