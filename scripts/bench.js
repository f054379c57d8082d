// `npm run bench`: prints figures, no pass/fail. Each measurement is a small module in tests/bench/
// exporting `name` and `run(context)`; add new ones to the list below.
// `npm run bench -- readiness overview` runs only the measurements whose name contains a given word.
import { availableParallelism, cpus } from 'node:os';
import { createBenchContext } from './lib/benchContext.js';

/** @type {{ name: string, run: (context: import('./lib/benchContext.js').BenchContext) => Promise<void> }[]} */
const measurements = [
	await import('../tests/bench/initialBundle.js'),
	await import('../tests/bench/overviewRender.js'),
	await import('../tests/bench/portfolioRender.js'),
	await import('../tests/bench/readiness.js'),
	await import('../tests/bench/reviewRender.js'),
	await import('../tests/bench/registerSummaries.js'),
	await import('../tests/bench/reportPdf.js'),
	await import('../tests/bench/syncPush.js'),
	await import('../tests/bench/syncPull.js'),
	await import('../tests/bench/syncLoad.js'),
	await import('../tests/bench/dossierExport.js')
];

const filters = process.argv.slice(2).map((word) => word.toLowerCase());
const selected = measurements.filter(
	({ name }) => filters.length === 0 || filters.some((word) => name.toLowerCase().includes(word))
);

console.log(
	`Gütesiegel-Mappe benchmark — Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'})`
);
const { context, close } = createBenchContext();
let failed = false;
try {
	for (const measurement of selected) {
		console.log(`\n${measurement.name}`);
		const started = performance.now();
		try {
			await measurement.run(context);
		} catch (error) {
			failed = true;
			console.log(`  could not be measured: ${error instanceof Error ? error.message : error}`);
		}
		console.log(`  (took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
	}
} finally {
	await close();
}
process.exit(failed ? 1 : 0);
