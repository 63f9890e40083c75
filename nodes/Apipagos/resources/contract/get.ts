import type { INodeProperties } from 'n8n-workflow';
import { contractCode } from './common';

const showOnlyForContractGet = { operation: ['get'], resource: ['contract'] };

export const contractGetFields: INodeProperties[] = [
	contractCode(showOnlyForContractGet, 'The code or numeric ID of the contract to get'),
];
