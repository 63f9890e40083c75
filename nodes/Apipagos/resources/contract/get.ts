import type { INodeProperties } from 'n8n-workflow';
import { contractCode } from './common';

const showOnlyForContractGet = { operation: ['get'], resource: ['contract'] };

export const contractGetFields: INodeProperties[] = [
	contractCode(showOnlyForContractGet, 'Contract Code or ID', 'The code of the contract, or its numeric ID such as 132'),
];
