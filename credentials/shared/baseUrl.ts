import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** A provider's documented environments, by the credential's `environment` value. */
export type Environments = Record<string, string>;

/**
 * The expression that turns a credential's `environment` (and, for `custom`, its
 * `baseUrl`) into the API's base URL. Nodes use it in `requestDefaults`, credentials in
 * their test request, so both always call the same host.
 */
export function baseUrlFromCredential(environments: Environments): string {
	return `={{ ${baseUrlOf('$credentials', environments)} }}`;
}

/**
 * For a credential's own hidden fields, which see the credential as `$self`: the base
 * URL followed by `path` (an OAuth2 credential's token URL, for instance).
 */
export function urlFromOwnFields(environments: Environments, path: string): string {
	return `={{ ${baseUrlOf('$self', environments)} + ${JSON.stringify(path)} }}`;
}

function baseUrlOf(credential: '$credentials' | '$self', environments: Environments): string {
	return `(${credential}.environment === "custom" ? String(${credential}.baseUrl).trim().replace(/\\/+$/, "") : ${JSON.stringify(environments)}[${credential}.environment])`;
}

/** The same base URL, for code that holds the decrypted credential (the routing runner, list searches). */
export function resolveBaseUrl(credentials: ICredentialDataDecryptedObject, environments: Environments): string {
	return credentials.environment === 'custom'
		? String(credentials.baseUrl).trim().replace(/\/+$/, '')
		: environments[String(credentials.environment)];
}

