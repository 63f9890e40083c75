import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { searchTags } from '../listSearch/searchContactBook';

/** The user's tags, for the Tags multi-select of contacts. */
export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { results } = await searchTags.call(this);
	return results.map(({ name, value }) => ({ name, value }));
}
