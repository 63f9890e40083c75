import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { requestOptions } from '../shared/requestRunner';
import { noRedirects } from '../shared/redirectPolicy';
import { routedOperations } from '../shared/routingRunner';
import { fatoraBaseUrl, fatoraEnvironments } from '../../credentials/FatoraApi.credentials';
import { searchClients } from './listSearch/searchClients';
import { clientOperations } from './resources/client';

export class Fatora implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fatora',
		name: 'fatora',
		icon: { light: 'file:fatora.svg', dark: 'file:fatora.dark.svg' },
		group: ['transform'],
		// Version 2 keeps current values on Update by default; version 1 nodes send what is set.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage the clients of your Fatora invoicing account',
		defaults: { name: 'Fatora' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'fatoraApi', required: true }],
		requestDefaults: {
			// The credential's environment (or its Custom base URL), as n8n's engine reads it.
			baseURL: fatoraBaseUrl,
			// Never followed, on n8n's engine too: the credential's secrets would go along (redirectPolicy.ts).
			...noRedirects,
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			// Error answers reach checkProviderResponse; a 401 still throws so n8n fetches a new token.
			ignoreHttpStatusErrors: { ignore: true, except: [401] },
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Client', value: 'client' }],
				default: 'client',
			},
			...clientOperations,
			requestOptions,
		],
	};

	// The routing runner sends the operations declared with `routing` (see routingRunner.ts).
	customOperations = routedOperations(this.description, fatoraEnvironments);

	methods = { listSearch: { searchClients } };
}
