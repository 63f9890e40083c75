import type { INodeProperties } from 'n8n-workflow';
import { contactIdField } from '../idLocators';

export const contactDeleteFields: INodeProperties[] = [
	contactIdField({ operation: ['delete'], resource: ['contact'] }, 'The contact to delete'),
];
