import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { requestOptions } from '../shared/requestRunner';
import { noRedirects } from '../shared/redirectPolicy';
import { routedOperations } from '../shared/routingRunner';
import { ataraPayBaseUrl, ataraPayEnvironments } from '../../credentials/AtaraPayApi.credentials';
import { searchProjects } from './listSearch/searchProjects';
import { projectOperations } from './resources/project';

export class AtaraPay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AtaraPay',
		name: 'ataraPay',
		icon: { light: 'file:ataraPay.svg', dark: 'file:ataraPay.dark.svg' },
		group: ['transform'],
		// Version 2 keeps current values on Update by default; version 1 nodes send what is set.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage AtaraPay escrow projects for milestone payments',
		defaults: { name: 'AtaraPay' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ataraPayApi', required: true }],
		requestDefaults: {
			// The credential's environment (or its Custom base URL), as n8n's engine reads it.
			baseURL: ataraPayBaseUrl,
			// Never followed, on n8n's engine too: the credential's secrets would go along (redirectPolicy.ts).
			...noRedirects,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
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
				options: [{ name: 'Project', value: 'project' }],
				default: 'project',
			},
			...projectOperations,
			requestOptions,
		],
	};

	// The routing runner sends the operations declared with `routing` (see routingRunner.ts).
	customOperations = routedOperations(this.description, ataraPayEnvironments);

	methods = { listSearch: { searchProjects } };
}
