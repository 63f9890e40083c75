import type { INodeProperties } from 'n8n-workflow';
import { keepCurrentValuesField, requiredOrKept } from '../../../shared/currentValues';
import { contactIdField } from '../idLocators';
import { currentContact, tagModeField } from './currentContact';
import { contactDetailFields } from './fields';

const showOnlyForContactUpdate = { operation: ['update'], resource: ['contact'] };

// Instantpay's Update Contact takes every field. With Keep Current Values (version 2) the
// ones left empty come from the contact as it is now.
const kept: Record<string, string> = {
	name: 'Name of the contact. Leave empty to keep its current name.',
	email: 'Email address of the contact. Leave empty to keep its current email.',
	mobile: 'Mobile number of the contact. Leave empty to keep its current mobile number.',
	tagIds: 'Tags to set, add or remove (see Tags Change). Leave empty to keep the current tags.',
};

export const contactUpdateFields: INodeProperties[] = [
	contactIdField(showOnlyForContactUpdate, 'The contact to update'),
	// Tags Change is shown only with the switch on: adding or removing needs the current tags.
	keepCurrentValuesField(
		showOnlyForContactUpdate,
		currentContact,
		'contact',
		": every field is required and the picked tags replace the contact's tags (Tags Change, to add or remove tags, needs this on)",
	),
	...contactDetailFields(showOnlyForContactUpdate).flatMap((field) => requiredOrKept(field, kept[field.name])),
	tagModeField(showOnlyForContactUpdate),
];
