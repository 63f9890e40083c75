import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { requestOptions } from '../shared/requestRunner';
import { noRedirects } from '../shared/redirectPolicy';
import { routedOperations } from '../shared/routingRunner';
import { chargeworxBaseUrl, chargeworxEnvironments } from '../../credentials/ChargeworxOAuth2Api.credentials';
import { searchProjects } from './listSearch/searchProjects';
import { companyProjectOperations } from './resources/companyProject';

export class Chargeworx implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chargeworx',
		name: 'chargeworx',
		icon: { light: 'file:chargeworx.svg', dark: 'file:chargeworx.dark.svg' },
		group: ['transform'],
		// Version 2 keeps current values on Update by default; version 1 nodes send what is set.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage the payment projects of your Chargeworx companies',
		defaults: { name: 'Chargeworx' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chargeworxOAuth2Api', required: true }],
		requestDefaults: {
			// The credential's environment (or its Custom base URL), as n8n's engine reads it.
			baseURL: chargeworxBaseUrl,
			// Never followed, on n8n's engine too: the credential's secrets would go along (redirectPolicy.ts).
			...noRedirects,
			headers: { Accept: 'application/json' },
			// Error answers reach checkProviderResponse; a 401 still throws, so n8n fetches a new token.
			ignoreHttpStatusErrors: { ignore: true, except: [401] },
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Project', value: 'companyProject' }],
				default: 'companyProject',
			},
			...companyProjectOperations,
			requestOptions,
		],
	};

	// The routing runner sends the operations declared with `routing` (see routingRunner.ts).
	customOperations = routedOperations(this.description, chargeworxEnvironments);

	methods = { listSearch: { searchProjects } };
}
