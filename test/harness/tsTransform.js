// Jest transformer for the TypeScript tests (test/fast) and the sources they import:
// TypeScript's own transpiler, types stripped without checking (`npm run lint` runs tsc).
const ts = require('typescript');

module.exports = {
	process(source, fileName) {
		const { outputText, sourceMapText } = ts.transpileModule(source, {
			fileName,
			compilerOptions: {
				module: ts.ModuleKind.CommonJS,
				target: ts.ScriptTarget.ES2022,
				esModuleInterop: true,
				sourceMap: true,
			},
		});
		return { code: outputText, map: sourceMapText };
	},
};
