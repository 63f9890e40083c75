import type { INodeProperties } from 'n8n-workflow';
import { tagIdField } from '../idLocators';

export const tagDeleteFields: INodeProperties[] = [
	tagIdField({ operation: ['delete'], resource: ['tag'] }, 'The tag to delete'),
];
