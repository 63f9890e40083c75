// npm run pack:providers: from the same build as the combined package, one package per
// provider (n8n verifies only packages that integrate one service). Each holds its node,
// its credential and the compiled shared code they require, found by following their
// require() calls, and nothing else. Its package.json is providers/<slug>/package.json,
// written here from the root package.json and committed: n8n's scanner looks for a
// package.json with the package's name in the source that the provenance points at.
// Each tarball then passes the offline half of n8n's scanner. Prints the tarballs' paths.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanPackage } from './scan-package.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const PROVIDERS = [
	{ slug: 'atarapay', node: 'AtaraPay', credential: 'AtaraPayApi', does: 'update, create and list AtaraPay escrow projects' },
	{ slug: 'fatora', node: 'Fatora', credential: 'FatoraApi', does: 'update, create, get and list Fatora clients' },
	{ slug: 'chargeworx', node: 'Chargeworx', credential: 'ChargeworxOAuth2Api', does: 'update, create, get and list Chargeworx projects and their merchant settings' },
	{ slug: 'instantpay', node: 'Instantpay', credential: 'InstantpayApi', does: 'update, create, delete and list Instantpay contacts and their tags' },
	{ slug: 'apipagos', node: 'Apipagos', credential: 'ApipagosApi', does: 'update (one or many) and get Apipagos contracts' },
];

function manifest({ slug, node, credential, does }) {
	const repoUrl = root.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
	return {
		name: `n8n-nodes-${slug}`,
		version: root.version,
		description: `n8n node for ${node}: ${does} from your workflows.`,
		license: root.license,
		homepage: `${repoUrl}/blob/main/docs/providers/${slug}.md`,
		repository: { ...root.repository, directory: `providers/${slug}` },
		author: root.author,
		keywords: ['n8n-community-node-package', slug],
		files: ['dist'],
		n8n: {
			...root.n8n,
			credentials: [`dist/credentials/${credential}.credentials.js`],
			nodes: [`dist/nodes/${node}/${node}.node.js`],
		},
		peerDependencies: root.peerDependencies,
	};
}

/** The compiled files `entry` requires, directly or not, by relative path. */
function requiredFiles(entry, found = new Set()) {
	if (found.has(entry)) return found;
	found.add(entry);
	const code = fs.readFileSync(entry, 'utf8');
	for (const [, request] of code.matchAll(/require\("(\.[^"]+)"\)/g)) {
		const base = path.resolve(path.dirname(entry), request);
		const file = [`${base}.js`, path.join(base, 'index.js'), base].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
		if (!file) throw new Error(`${path.relative(ROOT, entry)} requires ${request}, which the build does not have`);
		requiredFiles(file, found);
	}
	return found;
}

/** The provider's page as the package's README, its relative links made absolute. */
function readme({ slug }, pkg) {
	const page = fs.readFileSync(path.join(ROOT, 'docs/providers', `${slug}.md`), 'utf8');
	const repoUrl = pkg.homepage.replace(/\/blob\/main\/.*$/, '');
	const absolute = page.replace(/(!?\[[^\]]*\])\((?!https?:|#)([^)]+)\)/g, (_, label, link) => {
		const target = path.posix.normalize(path.posix.join('docs/providers', link));
		return `${label}(${repoUrl}/${label.startsWith('!') ? 'raw' : 'blob'}/main/${target})`;
	});
	const intro = `Package **${pkg.name}**: only the ${pkg.n8n.nodes.length === 1 ? 'node' : 'nodes'} for this provider.
Install it in n8n through **Settings → Community Nodes → Install**. Do not install it beside
**${root.name}**, which holds the same node and credential for all five providers.

`;
	return absolute.replace(/\n\n/, `\n\n${intro}`);
}

function packProvider(provider, out) {
	const pkg = manifest(provider);
	const manifestFile = path.join(ROOT, 'providers', provider.slug, 'package.json');
	const text = `${JSON.stringify(pkg, null, 2)}\n`;
	if (!fs.existsSync(manifestFile) || fs.readFileSync(manifestFile, 'utf8') !== text) {
		fs.mkdirSync(path.dirname(manifestFile), { recursive: true });
		fs.writeFileSync(manifestFile, text);
		console.error(`Wrote ${path.relative(ROOT, manifestFile)}: commit it.`);
	}

	const stage = path.join(ROOT, '.cache/providers', provider.slug);
	fs.rmSync(stage, { recursive: true, force: true });
	const dist = path.join(ROOT, 'dist');
	const files = new Set();
	for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) requiredFiles(path.join(ROOT, entry), files);
	// Icons and the codex file sit beside the node.
	const nodeDir = path.join(dist, 'nodes', provider.node);
	for (const entry of fs.readdirSync(nodeDir, { withFileTypes: true })) {
		if (entry.isFile() && !entry.name.endsWith('.js')) files.add(path.join(nodeDir, entry.name));
	}
	for (const file of files) {
		const target = path.join(stage, path.relative(ROOT, file));
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.copyFileSync(file, target);
	}
	fs.writeFileSync(path.join(stage, 'package.json'), text);
	fs.writeFileSync(path.join(stage, 'README.md'), readme(provider, pkg));
	fs.copyFileSync(path.join(ROOT, 'LICENSE'), path.join(stage, 'LICENSE'));
	const name = execFileSync('npm', ['pack', '--pack-destination', out, '--loglevel=error'], { cwd: stage })
		.toString()
		.trim()
		.split('\n')
		.pop();
	return { tarball: path.join(out, name), files: [...files].map((f) => path.relative(dist, f)) };
}

/**
 * The source n8n's scanner would lint for this package: its package.json and the
 * TypeScript of the files it ships.
 */
function sourceFor(provider, files) {
	const dir = path.join(ROOT, '.cache/providers-source', provider.slug);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	fs.copyFileSync(path.join(ROOT, 'providers', provider.slug, 'package.json'), path.join(dir, 'package.json'));
	for (const file of files) {
		const source = file.endsWith('.js') ? file.replace(/\.js$/, '.ts') : file;
		const target = path.join(dir, source);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.copyFileSync(path.join(ROOT, source), target);
	}
	return dir;
}

async function main() {
	execFileSync('bash', [path.join(ROOT, 'scripts/build.sh')], { stdio: ['ignore', 2, 2] });
	const out = path.join(ROOT, '.cache/pack-providers');
	fs.rmSync(out, { recursive: true, force: true });
	fs.mkdirSync(out, { recursive: true });
	let failed = false;
	for (const provider of PROVIDERS) {
		const { tarball, files } = packProvider(provider, out);
		console.error(`${path.basename(tarball)}: ${files.length} files`);
		if (!(await scanPackage(tarball, sourceFor(provider, files), path.basename(tarball)))) failed = true;
		console.log(tarball);
	}
	process.exit(failed ? 1 : 0);
}

await main();
