// AtaraPay as documented (plugins.atarapay.com/docs): form-encoded requests carrying
// authtoken = base64("publicKey:privateKey"); every answer is {"status":"success"|
// "error","message",...}, errors included, with HTTP 200 (the docs list no HTTP codes).
const { MockProvider } = require('./mockProvider');

function createAtaraPayMock({ publicKey, privateKey }) {
	const mock = new MockProvider('AtaraPay');
	const validToken = Buffer.from(`${publicKey}:${privateKey}`).toString('base64');
	const projects = new Map();
	let nextId = 1;
	mock.projects = projects;
	/** `object` answers Get Projects with one project as `data`, as the docs show; `array` with all of them. */
	mock.getProjectsShape = 'array';

	mock.addProject = (fields) => {
		const now = '2026-11-21 10:00:00';
		const project = {
			id: fields.id ?? nextId++,
			seller_id: 120,
			customer_id: 281,
			project_name: fields.project_name,
			description: fields.description,
			started_by: null,
			status: 0,
			created_at: now,
			updated_at: now,
			transaction: [],
		};
		projects.set(String(project.id), project);
		return project;
	};

	const success = (res, message, data) => res.json({ status: 'success', message, data });
	const failure = (res, message) => res.json({ status: 'error', message });

	function authenticate(req, res, next) {
		const token = req.body?.authtoken;
		if (!token) return failure(res, 'The authtoken field is required.');
		if (token !== validToken) return failure(res, 'Invalid authtoken. Does not match any record.');
		next();
	}

	function requireFields(...names) {
		return (req, res, next) => {
			const missing = names.find((name) => !req.body?.[name]);
			if (missing) return failure(res, `The ${missing.replace(/_/g, ' ')} field is required.`);
			next();
		};
	}

	mock.app.post(
		'/api/project/createProject',
		authenticate,
		requireFields('project_name', 'description', 'customer_email', 'customer_phone'),
		(req, res) => {
			const project = mock.addProject(req.body);
			const { transaction, status, ...created } = project;
			success(res, 'project_created', created);
		},
	);

	mock.app.put('/api/project/updateProject/:projectId', authenticate, requireFields('project_name', 'description'), (req, res) => {
		const project = projects.get(req.params.projectId);
		if (!project) return failure(res, `Project with id (${req.params.projectId}) does not exist`);
		project.project_name = req.body.project_name;
		project.description = req.body.description;
		project.updated_at = '2026-11-21 11:00:00';
		project.updateCount = (project.updateCount ?? 0) + 1;
		const { updateCount, ...shown } = project;
		success(res, 'project_updated', shown);
	});

	mock.app.post('/api/project/getExternalProjects', authenticate, (req, res) => {
		const all = [...projects.values()].map(({ updateCount, ...shown }) => shown);
		success(res, 'project_data', mock.getProjectsShape === 'object' ? all[0] ?? null : all);
	});

	return mock;
}

module.exports = { createAtaraPayMock };
