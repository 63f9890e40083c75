import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { requestOptions } from '../shared/requestRunner';
import { noRedirects } from '../shared/redirectPolicy';
import { routedOperations } from '../shared/routingRunner';
import { apipagosBaseUrl, apipagosEnvironments } from '../../credentials/ApipagosApi.credentials';
import { contractOperations } from './resources/contract';
import { updateManyContracts } from './resources/contract/updateMany';

export class Apipagos implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Apipagos',
		name: 'apipagos',
		icon: { light: 'file:apipagos.svg', dark: 'file:apipagos.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage Apipagos payment contracts',
		defaults: { name: 'Apipagos' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'apipagosApi', required: true }],
		requestDefaults: {
			// The credential's environment (or its Custom base URL), as n8n's engine reads it.
			baseURL: apipagosBaseUrl,
			// Never followed, on n8n's engine too: the credential's secrets would go along (redirectPolicy.ts).
			...noRedirects,
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			// Every answer, 401 included, reaches checkProviderResponse, which reads the provider's
			// message. The key is static (nothing to refresh), so a 401 is not worth sending twice.
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Contract', value: 'contract' }],
				default: 'contract',
			},
			...contractOperations,
			requestOptions,
		],
	};

	// The routing runner sends the operations declared with `routing`. Update Many sends all
	// items in one request, which routing (one request per item) cannot express.
	customOperations = {
		contract: { ...routedOperations(this.description, apipagosEnvironments).contract, updateMany: updateManyContracts },
	};
}
