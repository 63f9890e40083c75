// Chargeworx as documented (docs.chargeworx.com): IdentityServer4 client credentials at
// POST /connect/token (form-encoded), then admin endpoints under /api/adm that need
// "Authorization: Bearer <token>" with AdminUIScope. Every API answer carries
// {success, code, errorMessage}. The docs leave open whether errors come as 4xx or as
// HTTP 200 with success:false, so this mock does both: malformed requests get 400,
// business-rule errors (bad URL, duplicate name) get 200 + success:false, unknown ids 404.
const { randomUUID } = require('node:crypto');
const { MockProvider } = require('./mockProvider');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ALLOWED_SCOPES = ['AdminUIScope'];
const TOKEN_LIFETIME_SECONDS = 3600;

function createChargeworxMock({ clientId, clientSecret }) {
	const mock = new MockProvider('Chargeworx');
	const projects = new Map();
	const liveTokens = new Map(); // access token -> granted scopes
	let createdCount = 0;
	mock.projects = projects;
	/** Every access token issued, oldest first (kept across reset(), like the tokens n8n stores). */
	mock.issuedTokens = [];
	/** Status IdentityServer answers a wrong client ID/secret with (400 or 401 depending on version). */
	mock.invalidClientStatus = 400;

	/** Makes every issued token invalid, as if they had all expired. */
	mock.expireTokens = () => liveTokens.clear();
	mock.tokenRequests = () => mock.requestsTo('POST', '/connect/token');

	mock.addProject = (fields = {}) => {
		createdCount++;
		const project = {
			id: fields.id ?? randomUUID(),
			companyId: fields.companyId ?? '3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c',
			name: fields.name ?? `Project ${createdCount}`,
			description: fields.description ?? null,
			returnUrl: fields.returnUrl ?? null,
			cancelUrl: fields.cancelUrl ?? null,
			phone: fields.phone ?? null,
			isActive: fields.isActive ?? true,
			createdDate: new Date(Date.UTC(2026, 0, 1, 0, createdCount)).toISOString(),
			merchantId: fields.merchantId ?? null,
			apiKey: fields.apiKey ?? null,
			processorGateway: fields.processorGateway ?? 0,
			isTestMode: fields.isTestMode ?? true,
		};
		projects.set(project.id.toLowerCase(), project);
		return project;
	};

	const ok = (res, extra = {}) => res.json({ success: true, code: 200, errorMessage: null, ...extra });
	const failure = (res, status, code, errorMessage) => res.status(status).json({ success: false, code, errorMessage });
	const badRequest = (res, message) => failure(res, 400, 400, message);
	const refused200 = (res, message) => failure(res, 200, 400, message);
	const notFound = (res, id) => failure(res, 404, 404, `Company project with id '${id}' was not found.`);

	// Each recorded request also notes the status it was answered with.
	mock.app.use((req, res, next) => {
		res.on('finish', () => {
			req.recorded.answeredStatus = res.statusCode;
		});
		next();
	});

	// --- IdentityServer4 token endpoint -------------------------------------------------
	mock.app.post('/connect/token', (req, res) => {
		const oauthError = (status, error) => res.status(status).json({ error });
		if (!req.recorded.contentType.includes('application/x-www-form-urlencoded')) {
			return oauthError(400, 'invalid_request');
		}
		const form = req.body ?? {};
		if (form.grant_type !== 'client_credentials') return oauthError(400, 'unsupported_grant_type');
		if (form.client_id !== clientId || form.client_secret !== clientSecret) {
			return oauthError(mock.invalidClientStatus, 'invalid_client');
		}
		const requested = String(form.scope ?? '').split(' ').filter(Boolean);
		const scopes = requested.length ? requested : ALLOWED_SCOPES;
		if (!scopes.every((scope) => ALLOWED_SCOPES.includes(scope))) return oauthError(400, 'invalid_scope');

		const accessToken = `cwx_at_${randomUUID().replace(/-/g, '')}`;
		liveTokens.set(accessToken, scopes);
		mock.issuedTokens.push(accessToken);
		res.json({
			access_token: accessToken,
			token_type: 'Bearer',
			expires_in: TOKEN_LIFETIME_SECONDS,
			scope: scopes.join(' '),
		});
	});

	// --- Bearer check for the admin API ---------------------------------------------------
	mock.app.use('/api/adm', (req, res, next) => {
		const [scheme, token] = String(req.headers.authorization ?? '').split(' ');
		if (scheme !== 'Bearer' || !liveTokens.has(token)) {
			return res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').end();
		}
		if (!liveTokens.get(token).includes('AdminUIScope')) return res.status(403).end();
		next();
	});

	function findProject(req, res) {
		const { id } = req.params;
		if (!GUID.test(id)) {
			badRequest(res, `The value '${id}' is not valid for id.`);
			return undefined;
		}
		const project = projects.get(id.toLowerCase());
		if (!project) notFound(res, id);
		return project;
	}

	const isJson = (req) => req.recorded.contentType.includes('application/json') && req.body !== undefined;
	const nameTaken = (companyId, name, exceptId) =>
		[...projects.values()].some(
			(p) => p.companyId === companyId && p.name.toLowerCase() === name.toLowerCase() && p.id !== exceptId,
		);
	const isAbsoluteUrl = (text) => {
		try {
			return ['http:', 'https:'].includes(new URL(text).protocol);
		} catch {
			return false;
		}
	};

	/** Checks the optional detail fields; returns the first problem, if any. */
	function detailProblem(body) {
		for (const field of ['returnUrl', 'cancelUrl']) {
			if (body[field] !== undefined && body[field] !== null && !isAbsoluteUrl(body[field])) {
				return { status: 200, message: `The ${field} must be an absolute URL.` };
			}
		}
		if (body.phone !== undefined && body.phone !== null && String(body.phone).length > 25) {
			return { status: 400, message: 'The field Phone must be a string with a maximum length of 25.' };
		}
		if (body.isActive !== undefined && typeof body.isActive !== 'boolean') {
			return { status: 400, message: 'The JSON value could not be converted to System.Boolean. Path: $.isActive' };
		}
		return undefined;
	}

	function applyDetails(project, body) {
		for (const field of ['description', 'returnUrl', 'cancelUrl', 'phone', 'isActive']) {
			if (body[field] !== undefined) project[field] = body[field];
		}
	}

	// --- Company projects --------------------------------------------------------------------
	mock.app.get('/api/adm/companyProjects', (req, res) => {
		const { companyId, name, isActive } = req.query;
		if (companyId !== undefined && !GUID.test(companyId)) {
			return badRequest(res, `The value '${companyId}' is not valid for CompanyId.`);
		}
		const limit = req.query.limit === undefined ? 20 : Number(req.query.limit);
		const offset = req.query.offset === undefined ? 0 : Number(req.query.offset);
		if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0) {
			return badRequest(res, 'Limit and offset must be non-negative whole numbers.');
		}
		const entries = [...projects.values()]
			.filter((p) => companyId === undefined || p.companyId === companyId.toLowerCase())
			.filter((p) => name === undefined || p.name.toLowerCase().includes(String(name).toLowerCase()))
			.filter((p) => isActive === undefined || String(p.isActive) === isActive)
			.slice(offset, offset + limit)
			.map(({ id, name: projectName, companyId: company, isActive: active, createdDate }) => ({
				id,
				name: projectName,
				companyId: company,
				isActive: active,
				createdDate,
			}));
		ok(res, { entries });
	});

	// The docs say the details include the project's processor credentials.
	mock.app.get('/api/adm/companyProjects/:id', (req, res) => {
		const project = findProject(req, res);
		if (project) ok(res, { data: { ...project } });
	});

	mock.app.post('/api/adm/companyProjects', (req, res) => {
		if (!isJson(req)) return badRequest(res, 'A JSON body is required.');
		const body = req.body;
		if (!body.companyId || !GUID.test(body.companyId)) return badRequest(res, 'The CompanyId field is required.');
		if (!body.name) return badRequest(res, 'The Name field is required.');
		if (String(body.name).length > 50) {
			return badRequest(res, 'The field Name must be a string with a maximum length of 50.');
		}
		const problem = detailProblem(body);
		if (problem) return failure(res, problem.status, 400, problem.message);
		if (nameTaken(body.companyId.toLowerCase(), body.name)) {
			return refused200(res, `A project named '${body.name}' already exists in this company.`);
		}
		const project = mock.addProject({ companyId: body.companyId.toLowerCase(), name: body.name });
		applyDetails(project, body);
		ok(res, { id: project.id });
	});

	mock.app.put('/api/adm/companyProjects/:id/general', (req, res) => {
		if (!isJson(req)) return badRequest(res, 'A JSON body is required.');
		const body = req.body;
		if (String(body.id).toLowerCase() !== req.params.id.toLowerCase()) {
			return badRequest(res, 'The id in the body does not match the id in the route.');
		}
		// The schema's key is projectName; a body with only `name` fails as it would there.
		if (!body.projectName) return badRequest(res, 'The ProjectName field is required.');
		if (String(body.projectName).length > 50) {
			return badRequest(res, 'The field ProjectName must be a string with a maximum length of 50.');
		}
		const problem = detailProblem(body);
		if (problem) return failure(res, problem.status, 400, problem.message);
		const project = findProject(req, res);
		if (!project) return;
		if (nameTaken(project.companyId, body.projectName, project.id)) {
			return refused200(res, `A project named '${body.projectName}' already exists in this company.`);
		}
		project.name = body.projectName;
		applyDetails(project, body);
		ok(res);
	});

	mock.app.put('/api/adm/companyProjects/:id/merchant', (req, res) => {
		if (!isJson(req)) return badRequest(res, 'A JSON body is required.');
		const body = req.body;
		if (String(body.id).toLowerCase() !== req.params.id.toLowerCase()) {
			return badRequest(res, 'The id in the body does not match the id in the route.');
		}
		if (body.processorGateway !== undefined && !Number.isInteger(body.processorGateway)) {
			return badRequest(res, 'The JSON value could not be converted to System.Int32. Path: $.processorGateway');
		}
		const project = findProject(req, res);
		if (!project) return;
		if (body.apiKey !== undefined && String(body.apiKey).length < 8) {
			return refused200(res, 'The processor rejected the API key.');
		}
		for (const field of ['merchantId', 'apiKey', 'processorGateway', 'isTestMode']) {
			if (body[field] !== undefined) project[field] = body[field];
		}
		ok(res);
	});

	return mock;
}

module.exports = { createChargeworxMock };
