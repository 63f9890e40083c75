// The lint half of `npx @n8n/scan-community-package`, run offline: n8n's scanner lints
// the attested source and the published tarball. Its registry and provenance checks
// need a published version and are not reproduced here.
// Usage: node scripts/scan-package.mjs <packed tarball> (the source is this folder).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

/** Lints the source folder and the tarball as n8n's scanner does; true when both pass. */
export async function scanPackage(tarball, sourceDir, label = 'Package scan') {
	const unpacked = mkdtempSync(join(tmpdir(), 'scan-'));
	let passed = true;
	try {
		execFileSync('tar', ['-xzf', tarball, '--strip-components=1', '-C', unpacked]);
		const legs = [
			['source', sourceDir, SOURCE_FILE_PATTERNS],
			['tarball', unpacked, ['**/*.js', 'package.json']],
		];
		for (const [leg, dir, patterns] of legs) {
			const result = await analyzePackage(dir, patterns);
			if (result.passed) {
				console.error(`${label} (${leg}): passed`);
			} else {
				passed = false;
				console.error(`${label} (${leg}): ${result.message}\n${result.details ?? ''}`);
			}
		}
	} finally {
		rmSync(unpacked, { recursive: true, force: true });
	}
	return passed;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const tarball = process.argv[2];
	if (!tarball) throw new Error('usage: node scripts/scan-package.mjs <packed tarball>');
	process.exit((await scanPackage(tarball, process.cwd())) ? 0 : 1);
}
