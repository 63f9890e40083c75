// Instantpay's Contact Book as documented (developers.instantpay.in): four headers on
// every call (X-Ipay-Auth-Code: 1, client id, client secret, end customer's IP), JSON
// bodies, and one envelope for every answer, errors included:
// {statuscode, actcode, status, data, timestamp, ipay_uuid, orderid, environment, internalCode}.
// Only statuscode TXN is a success. The docs give no HTTP statuses: errors come with 200 here
// (tests inject others with mock.fault).
const { MockProvider } = require('./mockProvider');

function createInstantpayMock({ clientId, clientSecret, endpointIp }) {
	const mock = new MockProvider('Instantpay');
	const contacts = new Map();
	const tags = new Map();
	let counter = 0;
	mock.contacts = contacts;
	mock.tags = tags;

	// Mongo-style ids, as in the docs' samples.
	const newId = () => (0x645b283b9b2e242ec80d0000n + BigInt(++counter)).toString(16).padStart(24, '0');
	const timestamp = '2026-11-21 10:00:00';
	mock.envelope = (statuscode, status, data) => ({
		statuscode,
		actcode: null,
		status,
		data,
		timestamp,
		ipay_uuid: `h0059921e8a1-89ff-4b4a-b42e-${String(++counter).padStart(12, '0')}`,
		orderid: null,
		environment: 'LIVE',
		internalCode: null,
	});
	mock.lastUuid = undefined;
	const answer = (res, statuscode, status, data = null) => {
		const body = mock.envelope(statuscode, status, data);
		mock.lastUuid = body.ipay_uuid;
		res.json(body);
	};
	const invalid = (res, status) => answer(res, 'RPI', status);

	mock.addTag = ({ _id = newId(), name, hexColorCode = '#1EB626' }) => {
		const tag = { _id, name, hexColorCode };
		tags.set(tag._id, tag);
		return tag;
	};
	mock.addContact = ({ _id = newId(), name, email, mobile, companyName = null, tagIds = [] }) => {
		const contact = {
			_id,
			userId: 189590,
			name,
			email,
			mobile,
			callingCode: '91',
			companyName,
			updated_at: '2026-11-21T04:30:00.000000Z',
			created_at: '2026-11-21T04:30:00.000000Z',
			tagId: tagIds,
		};
		contacts.set(contact._id, contact);
		return contact;
	};

	mock.app.use((req, res, next) => {
		const header = (name) => req.headers[name.toLowerCase()];
		if (
			header('X-Ipay-Auth-Code') !== '1' ||
			header('X-Ipay-Client-Id') !== clientId ||
			header('X-Ipay-Client-Secret') !== clientSecret
		) {
			return answer(res, 'IAC', 'Invalid Dealer Credentials');
		}
		if (header('X-Ipay-Endpoint-Ip') !== endpointIp) return answer(res, 'UAD', 'User Access Denied');
		next();
	});

	// Bodies must be JSON objects on every method that carries one.
	mock.app.use((req, res, next) => {
		if (req.recorded.rawBody && !req.recorded.contentType.includes('application/json')) {
			return invalid(res, 'Content-Type must be application/json');
		}
		if (req.recorded.rawBody && (typeof req.body !== 'object' || req.body === null)) {
			return invalid(res, 'Invalid JSON body');
		}
		req.body = req.body ?? {};
		next();
	});

	const missing = (body, names) => names.find((name) => typeof body[name] !== 'string' || body[name].trim() === '');

	/** The tag ids of `tagDetails`, or a message saying what is wrong with it. */
	function tagIdsOf(body) {
		const details = body.tagDetails;
		if (!Array.isArray(details) || details.length === 0) return { error: 'tagDetails is required' };
		const ids = details.map((detail) => detail?.tagId);
		const unknown = ids.find((id) => !tags.has(id));
		if (unknown !== undefined) return { error: `Invalid tagId: ${unknown}` };
		return { ids };
	}

	mock.app.post('/contacts/profile', (req, res) => {
		const absent = missing(req.body, ['name', 'email', 'mobile']);
		if (absent) return invalid(res, `${absent} is required`);
		const { ids, error } = tagIdsOf(req.body);
		if (error) return invalid(res, error);
		const { tagId, ...created } = mock.addContact({ ...req.body, tagIds: ids });
		answer(res, 'TXN', 'Contact Added Successfully', created);
	});

	mock.app.patch('/contacts/profile', (req, res) => {
		const absent = missing(req.body, ['contactId', 'name', 'email', 'mobile']);
		if (absent) return invalid(res, `${absent} is required`);
		const contact = contacts.get(req.body.contactId);
		if (!contact) return invalid(res, 'Contact not found');
		const { ids, error } = tagIdsOf(req.body);
		if (error) return invalid(res, error);
		Object.assign(contact, {
			name: req.body.name,
			email: req.body.email,
			mobile: req.body.mobile,
			tagId: ids,
			updated_at: '2026-11-21T08:59:19.384000Z',
		});
		answer(res, 'TXN', 'Contact Updated Successfully', contact);
	});

	mock.app.delete('/contacts/profile', (req, res) => {
		if (missing(req.body, ['contactId'])) return invalid(res, 'contactId is required');
		if (!contacts.delete(req.body.contactId)) return invalid(res, 'Contact not found');
		answer(res, 'TXN', 'Contact Deleted Successfully');
	});

	mock.app.get('/contacts/profile', (req, res) => {
		answer(res, 'TXN', 'Contact List Fetched', [...contacts.values()]);
	});

	const hexColorCode = /^#[0-9A-Fa-f]{6}$/;

	mock.app.post('/contacts/tag', (req, res) => {
		const absent = missing(req.body, ['name', 'hexColorCode']);
		if (absent) return invalid(res, `${absent} is required`);
		if (!hexColorCode.test(req.body.hexColorCode)) return invalid(res, 'Invalid hexColorCode');
		answer(res, 'TXN', 'Tag Added Successfully', mock.addTag(req.body));
	});

	mock.app.get('/contacts/tag', (req, res) => {
		answer(res, 'TXN', 'Tag List Fetched', [...tags.values()]);
	});

	mock.app.patch('/contacts/tag', (req, res) => {
		const absent = missing(req.body, ['tagId', 'name', 'hexColorCode']);
		if (absent) return invalid(res, `${absent} is required`);
		const tag = tags.get(req.body.tagId);
		if (!tag) return invalid(res, 'Tag not found');
		if (!hexColorCode.test(req.body.hexColorCode)) return invalid(res, 'Invalid hexColorCode');
		Object.assign(tag, { name: req.body.name, hexColorCode: req.body.hexColorCode });
		answer(res, 'TXN', 'Tag Updated Successfully', 1);
	});

	mock.app.delete('/contacts/tag', (req, res) => {
		if (missing(req.body, ['tagId'])) return invalid(res, 'tagId is required');
		if (!tags.delete(req.body.tagId)) return invalid(res, 'Tag not found');
		answer(res, 'TXN', 'Tag Deleted Successfully');
	});

	return mock;
}

module.exports = { createInstantpayMock };
