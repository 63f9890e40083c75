import type { INodeProperties } from 'n8n-workflow';
import { contactIdField } from '../idLocators';
import { contactDetailFields } from './fields';

const showOnlyForContactUpdate = { operation: ['update'], resource: ['contact'] };

// Instantpay's Update Contact takes every field: there are no optional ones.
export const contactUpdateFields: INodeProperties[] = [
	contactIdField(showOnlyForContactUpdate, 'The contact to update'),
	...contactDetailFields(showOnlyForContactUpdate),
];
