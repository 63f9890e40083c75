import type { INodeProperties } from 'n8n-workflow';
import { email, required, sendChecked, sendConverted, type Convert, type Rule } from '../../../shared/validation';
import type { Show } from '../idLocators';

/** Name, email, mobile and tags: all mandatory on both Add and Update Contact. */
export function contactDetailFields(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			description: 'Name of the contact',
			displayOptions: { show },
			routing: { send: sendChecked('body', 'name', 'Name', required) },
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description: 'Email address of the contact',
			displayOptions: { show },
			routing: { send: sendChecked('body', 'email', 'Email', required, email) },
		},
		{
			displayName: 'Mobile',
			name: 'mobile',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 7428585742',
			description: 'Mobile number of the contact',
			displayOptions: { show },
			routing: { send: sendChecked('body', 'mobile', 'Mobile', required) },
		},
		{
			displayName: 'Tag Names or IDs',
			name: 'tagIds',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getTags' },
			default: [],
			required: true,
			description:
				'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'At least one tag. An expression may give an array of tag IDs or comma-separated IDs.',
			displayOptions: { show },
			routing: { send: sendConverted('body', 'tagDetails', 'Tag Names or IDs', toTagDetails, atLeastOneTag) },
		},
	];
}

/** The tag IDs the user picked or mapped: an array, or comma-separated text from an expression. */
export function tagIdList(value: unknown): string[] {
	const ids = Array.isArray(value) ? value : String(value ?? '').split(',');
	return ids.map((id) => String(id ?? '').trim()).filter((id) => id !== '');
}

const atLeastOneTag: Rule = (value) =>
	tagIdList(value).length === 0
		? { problem: 'has no tag', fix: 'Pick at least one tag, or map tag IDs as an array or comma-separated text.' }
		: undefined;

// Instantpay takes the tags as `tagDetails: [{ tagId }]`.
const toTagDetails: Convert = (value) => tagIdList(value).map((tagId) => ({ tagId }));
