import { isObject, type Provider } from '../shared/providerResponse';

export const apipagosCredentialType = 'apipagosApi';

// Success is {"data": ..., "metadata": {"message": ...}}. Errors are HTTP 420 (their
// "Bad Request"), 404 and 500; the docs do not show the error body, so the message is
// read from `message`, `metadata.message` or `error`, whichever is there.
export const apipagos: Provider = {
	name: 'Apipagos',
	findError: (body, statusCode) => {
		if (statusCode < 400 && !body.error) return undefined;
		return errorMessage(body) ?? (statusCode < 400 ? 'unknown error' : undefined);
	},
};

function errorMessage(body: Record<string, unknown>): string | undefined {
	const metadata = isObject(body.metadata) ? body.metadata : {};
	const error = isObject(body.error) ? body.error.message : body.error;
	const message = [body.message, metadata.message, error].find(
		(value) => typeof value === 'string' && value.trim() !== '',
	);
	return message as string | undefined;
}
