import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { instantpayEnvironments, instantpayRequest } from '../../../../credentials/InstantpayApi.credentials';
import { listOncePerExecution, readFromProvider, type CurrentValues } from '../../../shared/currentValues';
import { instantpay } from '../../api';
import { tagIdList } from './fields';

/** The tag IDs of a listed contact: `tagId` holds IDs (or, to be safe, objects carrying one). */
function currentTagIds(contact: IDataObject): string[] {
	const tags = Array.isArray(contact.tagId) ? contact.tagId : [];
	return tags
		.map((tag) => (typeof tag === 'object' && tag !== null ? ((tag as IDataObject).tagId ?? (tag as IDataObject)._id) : tag))
		.map((id) => String(id ?? '').trim())
		.filter((id) => id !== '');
}

const tagMode = (context: { getNodeParameter: (name: string, fallback: unknown) => unknown }) =>
	String(context.getNodeParameter('tagMode', 'replace'));

// Instantpay has no Get Contact: List Contacts is read once per execution and searched.
export const currentContact: CurrentValues = {
	record: 'Contact',
	idParameter: 'contactId',
	fill: {
		name: (contact) => contact.name,
		email: (contact) => contact.email,
		mobile: (contact) => contact.mobile,
		tagDetails: currentTagIds,
	},
	read: async (context, id) => {
		const contacts = await listOncePerExecution(context, async () => {
			const body = await readFromProvider(context, {
				provider: instantpay,
				credentialType: 'instantpayApi',
				environments: instantpayEnvironments,
				request: { method: 'GET', url: '/contacts/profile', ...instantpayRequest },
			});
			return (Array.isArray(body?.data) ? body.data : []) as IDataObject[];
		});
		return contacts.find((contact) => String(contact._id) === id);
	},
	// Adding or removing tags starts from the contact's current tags.
	alwaysRead: (context) => tagMode(context) !== 'replace',
	adjust: (context, body, contact) => {
		const mode = tagMode(context);
		if (mode === 'replace') return;
		const picked = tagIdList(context.getNodeParameter('tagIds', []));
		const current = currentTagIds(contact);
		body.tagDetails =
			mode === 'add'
				? [...current, ...picked.filter((id) => !current.includes(id))]
				: current.filter((id) => !picked.includes(id));
	},
};

/** How the picked tags change the contact's tags (shown with Keep Current Values). */
export function tagModeField(show: IDataObject): INodeProperties {
	return {
		displayName: 'Tags Change',
		name: 'tagMode',
		type: 'options',
		default: 'replace',
		description: 'What the picked tags do to the tags the contact has now',
		options: [
			{ name: 'Replace', value: 'replace', description: 'The contact gets the picked tags; none picked keeps its tags' },
			{ name: 'Add', value: 'add', description: 'The picked tags are added to the contact\'s tags' },
			{ name: 'Remove', value: 'remove', description: 'The picked tags are removed from the contact\'s tags' },
		],
		displayOptions: { show: { ...show, keepCurrentValues: [true] } },
	};
}
