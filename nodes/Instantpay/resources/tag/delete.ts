import type { INodeProperties } from 'n8n-workflow';
import { tagIdField } from './fields';

export const tagDeleteFields: INodeProperties[] = [
	tagIdField({ operation: ['delete'], resource: ['tag'] }, 'The tag to delete'),
];
