import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../../shared/descriptions';

// AtaraPay returns all projects in one answer (no paging is documented): Limit trims it.
export const projectGetManyFields: INodeProperties[] = returnAllAndLimit('project', 'one answer');
