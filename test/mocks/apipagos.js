// Apipagos v2 as documented (docs-api.pacer.la): a `Company-Token` header on every call;
// success is {"data": ..., "metadata": {"message": ...}}; errors are 420 (their "Bad
// Request"), 404 "Record Not Found" and 500. The docs do not show error bodies, so this
// mock answers errors (and a missing or wrong token, with 401) as {"message": ...}.
const express = require('express');
const { MockProvider } = require('./mockProvider');

/** The path part of Apipagos' base URL: the mock serves the API under it, as the real host does. */
const BASE_PATH = '/api/v2/apipagos';

const STATUSES = {
	0: { label: 'pendiente', description: 'Cesión pendiente de aprobación', action: 'showHelp' },
	1: { label: 'aprobada', description: 'Cesión aprobada', action: 'none' },
	2: { label: 'rechazada', description: 'Cesión rechazada', action: 'none' },
};
const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const PATCH_FIELDS = ['user_id_src', 'user_id_dst', 'status_code', 'title', 'description', 'expired_at'];
const BULK_FIELDS = ['code', 'config_code', 'description', 'status_code', 'title', 'user_code_dst', 'user_code_src'];

function createApipagosMock({ companyToken }) {
	const mock = new MockProvider('Apipagos');
	const contracts = new Map();
	let nextId = 248;
	mock.contracts = contracts;
	/** `array` answers PUT /contracts with the bare array the docs show; `envelope` wraps it in {data, metadata}. */
	mock.bulkAnswer = 'array';
	/** Codes PUT /contracts leaves out of its answer (to see how the node reports a missing contract). */
	mock.bulkOmits = new Set();

	mock.addContract = (fields = {}) => {
		const id = nextId++;
		const contract = {
			id,
			code: fields.code ?? `c${String(id).padStart(31, '0')}`,
			company_id: 3,
			user_id_src: 586222,
			user_id_dst: 2035370,
			user_code_src: '8720fbf49733b12f93501f6c59ddeffb',
			user_code_dst: '274145bf495ed8decf74bbf046cf2e11',
			status_code: 0,
			config_type_id: 1,
			config_code: 'cesiones',
			circuit: null,
			title: 'Titulo de ejemplo',
			description: 'Cesion Autoahorro',
			user_email_dst: null,
			user_phone_dst: null,
			expired_at: '2024-07-18 19:55:42',
			auditor: 'apipagos',
			created_at: '2024-06-18T22:55:42.000000Z',
			updated_at: '2024-06-18T22:55:42.000000Z',
			deleted_at: null,
			...fields,
		};
		contracts.set(contract.code, contract);
		return contract;
	};

	const find = (value) => contracts.get(value) ?? [...contracts.values()].find((c) => String(c.id) === value);

	/** A contract as GET and PATCH show it: with its status and users expanded. */
	const shown = (contract) => ({
		...contract,
		config_fields: [],
		status: { code: contract.status_code, model_type: 'contracts', ...STATUSES[contract.status_code] },
		user_source: { id: contract.user_id_src, code: contract.user_code_src, type: 'f' },
		user_destiny: { id: contract.user_id_dst, code: contract.user_code_dst, type: 'f' },
		signatories: [],
		extras: [],
	});
	/** A contract as the bulk answer's schema lists it. */
	const bulkShown = (contract) => ({
		code: contract.code,
		user_code_src: contract.user_code_src,
		user_code_dst: contract.user_code_dst,
		user_email_dst: contract.user_email_dst,
		user_phone_dst: contract.user_phone_dst,
		status_code: contract.status_code,
		config_code: contract.config_code,
		title: contract.title,
		description: contract.description,
	});

	const fail = (res, status, message) => res.status(status).json({ message });
	const badRequest = (res, message) => fail(res, 420, message);
	const touch = (contract) => {
		contract.updated_at = '2026-11-21T12:00:00.000000Z';
	};

	const api = express.Router();
	mock.app.use(BASE_PATH, api);
	mock.baseUrl = () => `${mock.url}${BASE_PATH}`;

	api.use((req, res, next) => {
		const token = req.headers['company-token'];
		if (!token) return fail(res, 401, 'Company token not provided.');
		if (token !== companyToken) return fail(res, 401, 'Invalid company token.');
		next();
	});

	api.get('/contracts/:value', (req, res) => {
		const contract = find(req.params.value);
		if (!contract) return fail(res, 404, 'Record Not Found');
		res.json({ data: shown(contract) });
	});

	api.patch('/contracts/:code', (req, res) => {
		const contract = find(req.params.code);
		if (!contract) return fail(res, 404, 'Record Not Found');
		const body = req.body;
		if (!req.recorded.contentType.includes('application/json') || !isPlainObject(body)) {
			return badRequest(res, 'The request body must be a JSON object.');
		}
		const unknown = Object.keys(body).find((key) => !PATCH_FIELDS.includes(key));
		if (unknown) return badRequest(res, `The ${unknown} field is not allowed.`);
		// null clears a value: an inference (the docs show null for unset values, not how to clear one).
		const set = (key) => key in body && body[key] !== null;
		for (const key of ['user_id_src', 'user_id_dst', 'status_code']) {
			if (set(key) && !Number.isInteger(body[key])) return badRequest(res, `The ${key} must be an integer.`);
		}
		if (set('status_code') && !(body.status_code in STATUSES)) {
			return badRequest(res, 'The selected status code is invalid.');
		}
		for (const key of ['title', 'description']) {
			if (set(key) && typeof body[key] !== 'string') return badRequest(res, `The ${key} must be a string.`);
		}
		if (set('expired_at') && !WALL_CLOCK.test(String(body.expired_at))) {
			return badRequest(res, 'The expired at does not match the format Y-m-d\\TH:i:s.');
		}
		Object.assign(contract, body);
		if (set('expired_at')) contract.expired_at = body.expired_at.replace('T', ' ');
		touch(contract);
		res.json({ data: shown(contract), metadata: { message: 'Contract updated succesfully!' } });
	});

	api.put('/contracts', (req, res) => {
		const body = req.body;
		if (!req.recorded.contentType.includes('application/json') || !Array.isArray(body) || body.length === 0) {
			return badRequest(res, 'The request body must be a JSON array of contracts.');
		}
		for (const change of body) {
			if (!isPlainObject(change) || typeof change.code !== 'string') return badRequest(res, 'The code field is required.');
			const unknown = Object.keys(change).find((key) => !BULK_FIELDS.includes(key));
			if (unknown) return badRequest(res, `The ${unknown} field is not allowed.`);
			const wrongType = Object.keys(change).find((key) => typeof change[key] !== 'string' && !(key !== 'code' && change[key] === null));
			if (wrongType) return badRequest(res, `The ${wrongType} must be a string.`);
			if (typeof change.status_code === 'string' && !(change.status_code in STATUSES)) {
				return badRequest(res, 'The selected status code is invalid.');
			}
			if (!find(change.code)) return fail(res, 404, 'Record Not Found');
		}
		const updated = body.map(({ code, status_code, ...fields }) => {
			const contract = find(code);
			Object.assign(contract, fields);
			if (status_code !== undefined) contract.status_code = Number(status_code);
			touch(contract);
			return contract;
		});
		// Answered in the store's order, not the request's: callers must match by code.
		const answer = [...contracts.values()]
			.filter((contract) => updated.includes(contract) && !mock.bulkOmits.has(contract.code))
			.map(bulkShown);
		if (mock.bulkAnswer === 'envelope') {
			return res.json({ data: answer, metadata: { message: 'Contracts updated succesfully!' } });
		}
		res.json(answer);
	});

	return mock;
}

function isPlainObject(value) {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

module.exports = { createApipagosMock, BASE_PATH };
