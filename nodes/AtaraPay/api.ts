import { baseUrlFromCredential } from '../shared/baseUrl';
import type { Provider } from '../shared/providerResponse';

// The docs give plain http:// for staging in every sample; kept as documented.
export const ataraPayEnvironments = {
	staging: 'http://test-api.atarapay.com',
	live: 'https://api.atarapay.com',
};

export const ataraPayBaseUrl = baseUrlFromCredential(ataraPayEnvironments);

// Every answer is {"status":"success"|"error","message":...}; the docs list no HTTP codes.
export const ataraPay: Provider = {
	name: 'AtaraPay',
	findError: (body) => (body.status === 'error' ? String(body.message ?? 'unknown error') : undefined),
};
