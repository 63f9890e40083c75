// Copies what tsc does not emit into dist/: each node's and credential's light and dark
// icons, and the codex (<Node>.node.json) files n8n reads next to each built node.
const { src, dest, parallel } = require('gulp');

function copyIcons() {
	return src(['nodes/**/*.{svg,png}', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

function copyCodexFiles() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports.build = parallel(copyIcons, copyCodexFiles);
exports.default = exports.build;
