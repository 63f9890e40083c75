// Unit and fast tests run alone; the end-to-end project starts one real n8n for the whole run
// (its global setup runs only when an end-to-end test is selected).
module.exports = {
	testTimeout: 180_000,
	// n8n's own install under .cache holds thousands of packages Jest must not scan.
	roots: ['<rootDir>/test'],
	projects: [
		{
			displayName: 'unit',
			roots: ['<rootDir>/test'],
			testMatch: ['<rootDir>/test/unit/**/*.test.js'],
			modulePathIgnorePatterns: ['<rootDir>/test/n8n-runtime/'],
		},
		{
			// One operation at a time, in-process, against the TypeScript sources: seconds, no n8n.
			displayName: 'fast',
			roots: ['<rootDir>/test'],
			testMatch: ['<rootDir>/test/fast/**/*.test.ts'],
			transform: { '\\.ts$': '<rootDir>/test/harness/tsTransform.js' },
			modulePathIgnorePatterns: ['<rootDir>/test/n8n-runtime/'],
		},
		{
			displayName: 'e2e',
			roots: ['<rootDir>/test'],
			testMatch: ['<rootDir>/test/e2e/**/*.test.js'],
			// The n8n versions' install manifests share one package name.
			modulePathIgnorePatterns: ['<rootDir>/test/n8n-runtime/'],
			globalSetup: '<rootDir>/test/harness/globalSetup.js',
			globalTeardown: '<rootDir>/test/harness/globalTeardown.js',
		},
	],
};
