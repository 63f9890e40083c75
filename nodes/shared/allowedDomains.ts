import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INode } from 'n8n-workflow';
import { getCredentialAllowedDomains } from 'n8n-workflow';

/**
 * The credential's "allowed domains" setting for requests to `url` (the credential's base
 * URL), as n8n's engine applies it to declarative nodes. Every request the package builds
 * itself takes it: the routing runner's, Update Many's and the list searches'. n8n versions
 * before the setting existed have no such function, and then there is nothing to apply.
 */
export function allowedDomainsOf(
	node: INode,
	credentials: ICredentialDataDecryptedObject,
	url: string,
): Pick<IHttpRequestOptions, 'allowedDomains'> {
	if (typeof getCredentialAllowedDomains !== 'function') return {};
	const allowedDomains = getCredentialAllowedDomains({
		node,
		credentialData: credentials,
		credentialOwnedSurface: true,
		nodeEndpointUrl: url,
	});
	return allowedDomains ? { allowedDomains } : {};
}
