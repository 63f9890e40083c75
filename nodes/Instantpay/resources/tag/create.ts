import type { INodeProperties } from 'n8n-workflow';
import { tagDetailFields } from './fields';

export const tagCreateFields: INodeProperties[] = tagDetailFields({ operation: ['create'], resource: ['tag'] });
