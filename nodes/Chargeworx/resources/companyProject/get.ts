import type { INodeProperties } from 'n8n-workflow';
import { projectIdField } from './projectId';

// GET /api/adm/companyProjects/{id}.
export const projectGetFields: INodeProperties[] = [projectIdField('get', { sendAsBodyId: false })];
