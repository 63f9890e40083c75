import type { INodeProperties } from 'n8n-workflow';
import { clientIdField } from './fields';

export const clientGetFields: INodeProperties[] = [clientIdField('get', 'The client to get')];
