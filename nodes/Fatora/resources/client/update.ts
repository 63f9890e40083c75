import type { INodeProperties } from 'n8n-workflow';
import { keepCurrentValuesField, requiredOrKept } from '../../../shared/currentValues';
import { email, required, sendChecked } from '../../../shared/validation';
import { currentClient } from './currentClient';
import { addressOption, clientIdField, notesOption, phoneOption } from './fields';
import { withClearHints } from '../../../shared/descriptions';

const showOnlyForClientUpdate = { operation: ['update'], resource: ['client'] };

export const clientUpdateFields: INodeProperties[] = [
	clientIdField('update', 'The client to update'),
	keepCurrentValuesField(showOnlyForClientUpdate, currentClient, 'client'),
	...requiredOrKept(
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description: "The client's email address (Fatora requires it on every update)",
			displayOptions: { show: showOnlyForClientUpdate },
			routing: {
				send: sendChecked('body', 'email', 'Email', required, email),
			},
		},
		"The client's email address. Leave empty to keep its current email.",
	),
	withClearHints({
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForClientUpdate },
		options: [
			addressOption,
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: "The client's full name",
				routing: { send: sendChecked('body', 'name', 'Name') },
			},
			notesOption,
			phoneOption,
		],
	}),
];
