// Time to compute every register's summaries (`computeAllRegisterSummaries`) for a centre with five
// years of registers (2,000 office-hour sessions, 500 courses with 4,000 sessions, 1,000 Tagespflege
// contacts; `makeFiveYearRegisterData`), in Chromium as on the tablet: the app's summary code is
// bundled with Vite into tests/.tmp/ and run in a blank page. Median of several runs after warm-up.
import { join } from 'node:path';
import { median, percentile } from '../../scripts/lib/benchContext.js';

export const name = 'Register summaries, 5 years of data (Chromium)';

const warmups = 5;
const runs = 25;

/**
 * Bundles the entry as one IIFE that sets `globalThis.registerBench`.
 * @param {string} root
 * @returns {Promise<string>} path of the bundle
 */
async function buildBundle(root) {
	const { build } = await import('vite');
	const outDir = join(root, 'tests/.tmp/register-bench');
	await build({
		configFile: false,
		root,
		logLevel: 'warn',
		resolve: { alias: { $lib: join(root, 'src/lib') } },
		build: {
			outDir,
			emptyOutDir: true,
			minify: true,
			target: 'es2022',
			lib: {
				entry: join(root, 'tests/bench/registerSummariesEntry.ts'),
				name: 'registerBench',
				formats: ['iife'],
				fileName: () => 'registerBench.js'
			}
		}
	});
	return join(outDir, 'registerBench.js');
}

/** @param {import('../../scripts/lib/benchContext.js').BenchContext} context */
export async function run(context) {
	const bundle = await buildBundle(context.root);
	const browser = await context.browser();
	const page = await (await browser.newContext()).newPage();
	try {
		await page.setContent('<!doctype html><html lang="de"><title>Register-Benchmark</title></html>');
		await page.addScriptTag({ path: bundle });
		const result = await page.evaluate(
			({ warmups, runs }) => {
				/** @type {any} */
				const bench = /** @type {any} */ (globalThis).registerBench;
				const data = bench.makeFiveYearRegisterData();
				const today = '2026-07-31';
				const current = bench.kindergartenYear(today);
				const everyYear = bench.reviewPeriodsBetween('kindergartenjahr', '2021-08-01', today);
				/** @param {() => unknown} work */
				const time = (work) => {
					for (let i = 0; i < warmups; i++) work();
					const times = [];
					for (let i = 0; i < runs; i++) {
						const start = performance.now();
						work();
						times.push(performance.now() - start);
					}
					return times;
				};
				const one = time(() => bench.computeAllRegisterSummaries(data, current, today));
				const all = time(() =>
					everyYear.map((/** @type {unknown} */ p) => bench.computeAllRegisterSummaries(data, p, today))
				);
				const check = bench.computeAllRegisterSummaries(data, current, today);
				return {
					one,
					all,
					periods: everyYear.length,
					label: current.label,
					sizes: {
						sessions: data.officeHourSessions.length,
						offers: data.familyEducationOffers.length,
						courseSessions: data.familyEducationOffers.reduce(
							(/** @type {number} */ n, /** @type {{ sessions: unknown[] }} */ o) => n + o.sessions.length,
							0
						),
						contacts: data.childminderContacts.length
					},
					// Read back so the work cannot be optimised away, and to show it summed something.
					heldInPeriod: check.officeHours.sessionsHeld
				};
			},
			{ warmups, runs }
		);
		const { sizes } = result;
		console.log(
			`  data: ${sizes.sessions} office-hour sessions, ${sizes.offers} courses with ${sizes.courseSessions} sessions, ${sizes.contacts} Tagespflege contacts (${result.heldInPeriod} sessions held in ${result.label})`
		);
		context.report({
			label: `all register summaries, one review period (median)`,
			value: median(result.one),
			unit: 'ms',
			target: '≤ 50 ms',
			detail: `${runs} runs, p95 ${percentile(result.one, 95).toFixed(1)} ms, max ${Math.max(...result.one).toFixed(1)} ms`
		});
		context.report({
			label: `all register summaries, every period (${result.periods} years, median)`,
			value: median(result.all),
			unit: 'ms',
			detail: `${runs} runs, p95 ${percentile(result.all, 95).toFixed(1)} ms`
		});
	} finally {
		await page.context().close();
	}
}
