// A local npm registry (Verdaccio) that an n8n started by startN8n({ registry }) reaches as
// https://registry.npmjs.org, n8n's default registry: n8n runs unmodified, only the network
// under it is the test's. n8n 2.x sends every registry request to the registry it is set to
// (`--registry=https://registry.npmjs.org` on its npm commands) and refuses any other
// registry without an Enterprise licence, so the name itself is pointed here:
// - a private mount namespace gives n8n (and the npm it runs) its own /etc/hosts, where
//   registry.npmjs.org is REGISTRY_ADDRESS (the same mechanism as `ip netns exec`'s
//   /etc/netns/<ns>/hosts); the rest of the machine still resolves the real one;
// - Verdaccio answers there over HTTPS on 443 with a certificate for registry.npmjs.org from
//   a test CA made for this run, which n8n trusts through NODE_EXTRA_CA_CERTS and npm
//   through its `cafile` setting (npm_config_cafile), as behind a company's TLS proxy.
// Needs root (unshare, mount, port 443): the CI runs as root.
const { execFile, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { promisify } = require('node:util');

const execFileAsync = promisify(execFile);

/** The loopback address registry.npmjs.org resolves to inside n8n's namespace. */
const REGISTRY_ADDRESS = '127.0.19.1';
/** Where api.n8n.io (n8n's package vetting and verified-nodes service) points: nothing listens there. */
const CLOSED_ADDRESS = '127.0.19.2';
const PUBLISHER = { name: 'publisher', password: 'local-registry-publisher' };

/** A CA and a certificate for registry.npmjs.org (and the registry's address) signed by it. */
function makeCertificates(dir) {
	const openssl = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
	openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=Local registry test CA');
	openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'registry.key', '-out', 'registry.csr', '-subj', '/CN=registry.npmjs.org');
	fs.writeFileSync(
		path.join(dir, 'registry.ext'),
		`subjectAltName=DNS:registry.npmjs.org,IP:${REGISTRY_ADDRESS}\nextendedKeyUsage=serverAuth\n`,
	);
	openssl('x509', '-req', '-in', 'registry.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'registry.pem', '-days', '1', '-extfile', 'registry.ext');
	return { ca: path.join(dir, 'ca.pem'), key: path.join(dir, 'registry.key'), cert: path.join(dir, 'registry.pem') };
}

/**
 * Starts Verdaccio (no uplinks: it serves only what is published to it) in `dir`. Returns
 * { publish(packageDir), launcher, env, stop }: launcher and env are for startN8n.
 */
async function startLocalRegistry(dir) {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const certificates = makeCertificates(dir);
	const hostsFile = path.join(dir, 'hosts');
	// The machine's own entries, with the registry's name (and n8n's service) pointed here.
	const ours = { 'registry.npmjs.org': REGISTRY_ADDRESS, 'api.n8n.io': CLOSED_ADDRESS, 'api-staging.n8n.io': CLOSED_ADDRESS };
	const machine = fs
		.readFileSync('/etc/hosts', 'utf8')
		.split('\n')
		.filter((line) => !Object.keys(ours).some((name) => line.split(/\s+/).slice(1).includes(name)));
	fs.writeFileSync(hostsFile, [...machine, ...Object.entries(ours).map(([name, address]) => `${address} ${name}`), ''].join('\n'));

	const { runServer } = require('verdaccio');
	const server = await runServer({
		self_path: path.join(dir, 'config.yaml'),
		storage: path.join(dir, 'storage'),
		auth: { htpasswd: { file: path.join(dir, 'htpasswd') } },
		uplinks: {},
		packages: { '**': { access: '$all', publish: '$authenticated' } },
		listen: `https://${REGISTRY_ADDRESS}:443`,
		https: { key: certificates.key, cert: certificates.cert },
		log: { type: 'stdout', format: 'pretty', level: 'error' },
		web: { enable: false },
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(443, REGISTRY_ADDRESS, resolve);
	});
	// Verdaccio's own address, for the test's side: here registry.npmjs.org is the real one.
	const url = `https://${REGISTRY_ADDRESS}/`;
	const npmEnv = { ...process.env, npm_config_cafile: certificates.ca, npm_config_cache: path.join(dir, 'npm-cache') };

	const signUp = await fetchWithCa(certificates.ca, `${url}-/user/org.couchdb.user:${PUBLISHER.name}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(PUBLISHER),
	});
	const { token } = JSON.parse(signUp);

	return {
		url,
		/**
		 * Publishes a package folder or tarball to this registry (never to the real npm).
		 * Asynchronous: Verdaccio answers from this same process.
		 */
		async publish(packagePath) {
			await execFileAsync(
				'npm',
				['publish', packagePath, `--registry=${url}`, `--//${REGISTRY_ADDRESS}/:_authToken=${token}`, '--loglevel=error'],
				{ env: npmEnv },
			);
		},
		// n8n's own /etc/hosts, in a mount namespace of its own (gone when n8n exits).
		launcher: ['unshare', '--mount', '--propagation', 'private', '--', 'sh', '-c', 'mount --bind "$0" /etc/hosts && exec "$@"', hostsFile],
		env: {
			NODE_EXTRA_CA_CERTS: certificates.ca,
			npm_config_cafile: certificates.ca,
			// npm's cache would otherwise keep this registry's answers under registry.npmjs.org.
			npm_config_cache: path.join(dir, 'n8n-npm-cache'),
		},
		stop: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

/** An HTTPS request trusting the test CA; resolves with the answer's text, rejects on a non-2xx. */
function fetchWithCa(ca, url, { method, headers, body }) {
	const https = require('node:https');
	return new Promise((resolve, reject) => {
		const request = https.request(url, { method, headers, ca: fs.readFileSync(ca) }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => (text += chunk));
			res.on('end', () =>
				res.statusCode < 300 ? resolve(text) : reject(new Error(`${method} ${url} answered ${res.statusCode}: ${text}`)),
			);
		});
		request.on('error', reject);
		request.end(body);
	});
}

module.exports = { startLocalRegistry, REGISTRY_ADDRESS };
