// Runs every test suite (unit, component, server, browser) in one Vitest run and ends with the
// single line CI reads: "N passed, N failed". With TEST_OTHER_NODES (e.g. `22,24`, set by .ci/run)
// the unit and component suites then run on those Node versions too (scripts/otherNodes.js), and
// their counts are part of that line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { runOnNode } from './otherNodes.js';

const report = 'test-results/vitest.json';
mkdirSync('test-results', { recursive: true });
rmSync(report, { force: true });

spawnSync('npx', ['svelte-kit', 'sync'], { stdio: 'inherit' });
const run = spawnSync(
	'npx',
	[
		'vitest',
		'run',
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${report}`,
		...process.argv.slice(2)
	],
	{ stdio: 'inherit' }
);

let passed = 0;
let failed = 0;
if (existsSync(report)) {
	const result = JSON.parse(readFileSync(report, 'utf8'));
	passed = result.numPassedTests;
	failed = result.numFailedTests + (result.numFailedTestSuites > 0 && result.numFailedTests === 0 ? 1 : 0);
} else {
	failed = 1;
}
for (const major of (process.env.TEST_OTHER_NODES ?? '').split(',').filter((v) => v.trim() !== '')) {
	// `24:unit` runs only the unit suite on that version.
	const [version, ...projects] = major.trim().split(':');
	const counts = runOnNode(version, projects.length > 0 ? projects : undefined);
	passed += counts.passed;
	failed += counts.failed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
