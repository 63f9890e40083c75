import type { INodeProperties } from 'n8n-workflow';
import { tagIdField } from '../idLocators';
import { tagDetailFields } from './fields';

const showOnlyForTagUpdate = { operation: ['update'], resource: ['tag'] };

export const tagUpdateFields: INodeProperties[] = [
	tagIdField(showOnlyForTagUpdate, 'The tag to update'),
	...tagDetailFields(showOnlyForTagUpdate),
];
