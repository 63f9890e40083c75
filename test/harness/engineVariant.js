// A test-only copy of the packed package whose nodes n8n runs with its own engine for
// declarative nodes (RoutingNode) instead of the package's routing runner: the same
// descriptions, without the custom operations that send the `routing` declarations.
// Installed beside the real package in the same n8n, so one test can run an operation
// through both and compare what the provider and n8n see. It also carries the test-only
// Expression Probe node (expressionProbe.node.js) for test/e2e/simpleExpression.test.js.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, PACKAGE_NAME } = require('./n8nInstance');

const ENGINE_PACKAGE = `${PACKAGE_NAME}-engine`;

/** The engine variant's node type for one of the package's nodes (e.g. `ataraPay`). */
const engineNodeType = (nodeName) => `${ENGINE_PACKAGE}.${nodeName}Engine`;

/** The test-only node that compares how parameters are read (expressionProbe.node.js). */
const EXPRESSION_PROBE = `${ENGINE_PACKAGE}.expressionProbe`;

// Each node file of the copy wraps the real class. The nodes stay hidden from the node
// panel and offer no tool variant, so editor tests never see them. Operations without
// `routing` (Apipagos Update Many) stay custom operations: they are code in both.
const wrapper = (className) => `const { ${className}: Declared } = require('./${className}.declared.js');
const routed = (description) => {
	const names = new Set();
	for (const property of description.properties) {
		if (property.name !== 'operation') continue;
		for (const option of property.options ?? []) if (option.routing) names.add(option.value);
	}
	return names;
};
class ${className} {
	constructor() {
		const declared = new Declared();
		const { usableAsTool, ...description } = declared.description;
		this.description = {
			...description,
			name: description.name + 'Engine',
			displayName: description.displayName + ' (n8n engine)',
			defaults: { name: description.defaults.name + ' (n8n engine)' },
			hidden: true,
		};
		this.methods = declared.methods;
		const withRouting = routed(description);
		const custom = {};
		for (const [resource, operations] of Object.entries(declared.customOperations ?? {})) {
			for (const [operation, run] of Object.entries(operations)) {
				if (!withRouting.has(operation)) (custom[resource] ??= {})[operation] = run;
			}
		}
		if (Object.keys(custom).length > 0) this.customOperations = custom;
	}
}
module.exports = { ${className} };
`;

/** Unpacks `tarball` into the user folder's community packages as the engine variant. */
function installEngineVariant(userFolder, tarball) {
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', ENGINE_PACKAGE);
	const unpacked = path.join(ROOT, '.e2e', 'engine-variant');
	fs.rmSync(unpacked, { recursive: true, force: true });
	fs.mkdirSync(unpacked, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
	const source = path.join(unpacked, 'package');

	const manifestFile = path.join(source, 'package.json');
	const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
	manifest.name = ENGINE_PACKAGE;
	// The credentials are the real package's: the copy's nodes use them by name.
	delete manifest.n8n.credentials;
	fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));

	for (const nodeFile of manifest.n8n.nodes) {
		const file = path.join(source, nodeFile);
		const className = path.basename(file, '.node.js');
		fs.renameSync(file, path.join(path.dirname(file), `${className}.declared.js`));
		fs.writeFileSync(file, wrapper(className));
	}

	// For test/e2e/simpleExpression.test.js: a node beside the package's compiled code.
	const probe = 'dist/nodes/ExpressionProbe/ExpressionProbe.node.js';
	fs.mkdirSync(path.join(source, path.dirname(probe)), { recursive: true });
	fs.copyFileSync(path.join(__dirname, 'expressionProbe.node.js'), path.join(source, probe));
	manifest.n8n.nodes.push(probe);
	fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));

	fs.rmSync(target, { recursive: true, force: true });
	fs.cpSync(source, target, { recursive: true });
}

module.exports = { ENGINE_PACKAGE, EXPRESSION_PROBE, engineNodeType, installEngineVariant };
