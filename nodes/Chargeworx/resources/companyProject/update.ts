import type { INodeProperties } from 'n8n-workflow';
import { keepCurrentValuesField, requiredOrKept } from '../../../shared/currentValues';
import { currentProject } from './currentProject';
import { projectDetailOptions, projectNameField } from './projectDetails';
import { projectIdField } from './projectId';
import { withClearHints } from '../../../shared/descriptions';

const showOnlyForProjectUpdate = { operation: ['update'], resource: ['companyProject'] };

// PUT /api/adm/companyProjects/{id}/general. The page's prose calls the name `name`,
// its schema `projectName` (required, at most 50 characters): the schema is followed.
export const projectUpdateFields: INodeProperties[] = [
	projectIdField('update', { sendAsBodyId: true }),
	keepCurrentValuesField(showOnlyForProjectUpdate, currentProject, 'project'),
	...requiredOrKept(
		projectNameField('update', 'projectName', 'The name of the project (at most 50 characters)'),
		'The name of the project (at most 50 characters). Leave empty to keep its current name.',
	),
	withClearHints({
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForProjectUpdate },
		options: projectDetailOptions(),
	}),
];
