import type { IDataObject } from 'n8n-workflow';
import type { Provider } from '../shared/providerResponse';

// Every answer is {"status":"success"|"error","message":...}; the docs list no HTTP codes.
export const ataraPay: Provider = {
	name: 'AtaraPay',
	findError: (body) => (body.status === 'error' ? String(body.message ?? 'unknown error') : undefined),
};

/** The projects of a Get Projects answer: the docs show `data` as one object; a seller with several may get an array. */
export function projectsIn(body: IDataObject): IDataObject[] {
	const data = body.data;
	const projects = Array.isArray(data) ? data : data ? [data] : [];
	return projects.filter((project): project is IDataObject => typeof project === 'object' && project !== null);
}
