import type { INodeProperties } from 'n8n-workflow';
import { keepCurrentValuesField, requiredOrKept } from '../../../shared/currentValues';
import { idInPath, required, sendChecked } from '../../../shared/validation';
import { currentProject } from './currentProject';

const showOnlyForProjectUpdate = { operation: ['update'], resource: ['project'] };

export const projectUpdateFields: INodeProperties[] = [
	{
		displayName: 'Project',
		name: 'projectId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The project to update',
		displayOptions: { show: showOnlyForProjectUpdate },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchProjects', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 42',
			},
		],
		routing: {
			send: {
				type: 'body',
				property: 'project_id',
				preSend: [idInPath('projectId', 'Project')],
			},
		},
	},
	keepCurrentValuesField(showOnlyForProjectUpdate, currentProject, 'project'),
	...requiredOrKept(
		{
			displayName: 'Project Name',
			name: 'projectName',
			type: 'string',
			default: '',
			required: true,
			description: 'The new name of the project',
			displayOptions: { show: showOnlyForProjectUpdate },
			routing: {
				send: sendChecked('body', 'project_name', 'Project Name', required),
			},
		},
		"The project's new name. Leave empty to keep its current name.",
	),
	...requiredOrKept(
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			required: true,
			description: 'The new description of the project',
			displayOptions: { show: showOnlyForProjectUpdate },
			routing: {
				send: sendChecked('body', 'description', 'Description', required),
			},
		},
		"The project's new description. Leave empty to keep its current description.",
	),
];
