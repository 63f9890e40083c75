import type { Provider } from '../shared/providerResponse';

// Every answer is {"status":"success"|"error","message":...}; the docs list no HTTP codes.
export const ataraPay: Provider = {
	name: 'AtaraPay',
	findError: (body) => (body.status === 'error' ? String(body.message ?? 'unknown error') : undefined),
};
