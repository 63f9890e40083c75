// Fatora as documented (fatora.io/api): routes under /v1 (the credential's base URL ends
// there). GET /v1/Authorization/Authorize with header `api_key` issues a bearer token;
// client endpoints need `Authorization: Bearer <token>` and answer 401 without a live one.
// Successes are {"status":"SUCCESS","client"|"clients":...}, errors {"status":"ERROR",
// "error": "<text>" | {...}} with the HTTP codes of the Response Code page.
const { randomBytes } = require('node:crypto');
const { MockProvider } = require('./mockProvider');

/** `apiKeys`: the keys Fatora accepts (one account each; they share the clients). */
function createFatoraMock({ apiKeys }) {
	const mock = new MockProvider('Fatora');
	const clients = new Map();
	const liveTokens = new Map(); // token → the API key it was issued for
	let nextId = 1024;
	mock.clients = clients;
	/** Every token ever issued, to check that none leaks. */
	mock.issuedTokens = [];

	// Also puts back the answer shapes below, which some tests change.
	mock.reset = () => {
		MockProvider.prototype.reset.call(mock);
		/** The docs do not give the HTTP status of a rejected API key: 401 here, 200 to test that case. */
		mock.invalidKeyStatus = 401;
		/** `wrapped` answers Get Client as {"status","client"}; `flat` as older doc versions do. */
		mock.getClientShape = 'wrapped';
	};
	mock.reset();

	mock.addClient = (fields) => {
		const client = {
			id: fields.id ?? nextId++,
			name: fields.name ?? '',
			phone: fields.phone ?? '',
			email: fields.email ?? '',
			address: fields.address ?? '',
			note: fields.notes ?? '',
		};
		clients.set(String(client.id), client);
		return client;
	};

	/** Makes the tokens issued for `apiKey` invalid, as when they expire. */
	mock.expireTokens = (apiKey) => {
		for (const [token, key] of liveTokens) if (key === apiKey) liveTokens.delete(token);
	};
	mock.authorizeRequests = () => mock.requestsTo('GET', '/v1/Authorization/Authorize');
	mock.clientRequests = () => mock.requests.filter((r) => r.path.startsWith('/v1/clients'));

	const failure = (res, status, error) => res.status(status).json({ status: 'ERROR', error });

	mock.app.get('/v1/Authorization/Authorize', (req, res) => {
		const apiKey = req.headers.api_key;
		if (!apiKeys.includes(apiKey)) return failure(res, mock.invalidKeyStatus, 'Invalid API Key');
		const token = `eyJhbGciOiJIUzI1NiJ9.${randomBytes(24).toString('base64url')}`;
		liveTokens.set(token, apiKey);
		mock.issuedTokens.push(token);
		res.json({ success: true, bearer_token: token });
	});

	function requireToken(req, res, next) {
		const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
		if (!match || !liveTokens.has(match[1])) return failure(res, 401, 'Unauthorized: the bearer token is missing or expired');
		next();
	}

	function requireJson(req, res, next) {
		if (!req.recorded.contentType.includes('application/json')) return failure(res, 415, 'Unsupported media type');
		if (req.body === undefined || typeof req.body !== 'object') return failure(res, 400, { message: 'The body must be a JSON object' });
		next();
	}

	const findClient = (req, res, next) => {
		req.client = clients.get(req.params.clientId);
		if (!req.client) return failure(res, 404, { code: 404, message: `Client ${req.params.clientId} not found` });
		next();
	};

	const editable = ['name', 'phone', 'email', 'address'];
	function applyFields(client, body) {
		for (const key of editable) if (body[key] !== undefined) client[key] = body[key];
		if (body.notes !== undefined) client.note = body.notes;
	}

	mock.app.post('/v1/clients', requireToken, requireJson, (req, res) => {
		if (!Object.keys(req.body).some((key) => [...editable, 'notes'].includes(key))) {
			return failure(res, 400, { message: 'No client fields given' });
		}
		const sameData = [...clients.values()].some(
			(client) => client.name === req.body.name && client.email === (req.body.email ?? ''),
		);
		if (sameData) return failure(res, 409, { code: 409, message: 'Conflict' });
		res.status(201).json({ status: 'SUCCESS', client: mock.addClient(req.body) });
	});

	// Per the Update Client page: email is required; the answer calls notes `note`.
	mock.app.put('/v1/clients/:clientId', requireToken, requireJson, findClient, (req, res) => {
		if (!req.body.email) return failure(res, 400, { email: 'The email field is required.' });
		applyFields(req.client, req.body);
		res.json({ status: 'SUCCESS', client: req.client });
	});

	mock.app.get('/v1/clients/:clientId', requireToken, findClient, (req, res) => {
		if (mock.getClientShape === 'flat') {
			const { id, ...fields } = req.client;
			return res.json({ status: 'SUCCESS', ...fields });
		}
		res.json({ status: 'SUCCESS', client: req.client });
	});

	mock.app.get('/v1/clients', requireToken, (req, res) => {
		const { keyword, email } = req.query;
		const page = Number(req.query.page ?? 1);
		const pageSize = Number(req.query.page_size ?? 20);
		if (!(page >= 1 && pageSize >= 1)) return failure(res, 400, { message: 'page and page_size must be positive' });
		const needle = String(keyword ?? '').toLowerCase();
		const matching = [...clients.values()].filter(
			(client) =>
				(!email || client.email === email) &&
				(!needle || [client.name, client.email, client.phone].some((text) => text.toLowerCase().includes(needle))),
		);
		res.json({ status: 'SUCCESS', clients: matching.slice((page - 1) * pageSize, page * pageSize) });
	});

	return mock;
}

module.exports = { createFatoraMock };
