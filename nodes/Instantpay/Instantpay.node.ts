import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { requestOptions } from '../shared/requestRunner';
import { noRedirects } from '../shared/redirectPolicy';
import { routedOperations } from '../shared/routingRunner';
import { instantpayBaseUrl, instantpayEnvironments, instantpayRequest } from '../../credentials/InstantpayApi.credentials';
import { searchContacts, searchTags } from './listSearch/searchContactBook';
import { getTags } from './loadOptions/getTags';
import { contactOperations } from './resources/contact';
import { tagOperations } from './resources/tag';

export class Instantpay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Instantpay',
		name: 'instantpay',
		icon: { light: 'file:instantpay.svg', dark: 'file:instantpay.dark.svg' },
		group: ['transform'],
		// Version 2 keeps current values on Update by default; version 1 nodes send what is set.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage the contacts and tags of your Instantpay contact book',
		defaults: { name: 'Instantpay' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'instantpayApi', required: true }],
		requestDefaults: {
			// The credential's environment (or its Custom base URL), as n8n's engine reads it.
			baseURL: instantpayBaseUrl,
			// Never followed, on n8n's engine too: the credential's secrets would go along (redirectPolicy.ts).
			...noRedirects,
			// Every answer, whatever its HTTP status, reaches checkProviderResponse.
			...instantpayRequest,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Contact', value: 'contact' },
					{ name: 'Tag', value: 'tag' },
				],
				default: 'contact',
			},
			...contactOperations,
			...tagOperations,
			requestOptions,
		],
	};

	// The routing runner sends the operations declared with `routing` (see routingRunner.ts).
	customOperations = routedOperations(this.description, instantpayEnvironments);

	methods = { listSearch: { searchContacts, searchTags }, loadOptions: { getTags } };
}
