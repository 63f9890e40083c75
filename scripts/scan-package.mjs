// The lint half of `npx @n8n/scan-community-package`, run offline: n8n's scanner lints
// the attested source and the published tarball. Its registry and provenance checks
// need a published version and are not reproduced here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const tarball = process.argv[2];
if (!tarball) throw new Error('usage: node scripts/scan-package.mjs <packed tarball>');

const unpacked = mkdtempSync(join(tmpdir(), 'scan-'));
let failed = false;
try {
	execFileSync('tar', ['-xzf', tarball, '--strip-components=1', '-C', unpacked]);
	const legs = [
		['source', process.cwd(), SOURCE_FILE_PATTERNS],
		['tarball', unpacked, ['**/*.js', 'package.json']],
	];
	for (const [leg, dir, patterns] of legs) {
		const result = await analyzePackage(dir, patterns);
		if (result.passed) {
			console.log(`Package scan (${leg}): passed`);
		} else {
			failed = true;
			console.error(`Package scan (${leg}): ${result.message}\n${result.details ?? ''}`);
		}
	}
} finally {
	rmSync(unpacked, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
