// Readiness computation time: `computeReadiness` (areas, overall, explanations and the to-do plan)
// for the format-1 working catalogue 2026.1, run in Node through Vite, for states a centre passes
// through; then for the format-2 working catalogue 2027.1 (UND/ODER, thresholds per half-year,
// month and period, per-site criteria) with a full year of register data for a Verbund of three
// sites (issue 13: ≤ 1 ms).
import { median, percentile } from '../../scripts/lib/benchContext.js';

export const name = 'Readiness computation (computeReadiness, working catalogue and format 2)';

const iterations = 200;

/** @param {import('../../scripts/lib/benchContext.js').BenchContext} context */
export async function run(context) {
	const { computeReadiness } = await context.importModule('/src/lib/domain/readiness/index.ts');
	const { builtInCatalogue, previousBuiltInCatalogue } = await context.importModule(
		'/src/lib/client/services/catalogue.ts'
	);
	/** @type {{ id: string, level: string, areaId: string }[]} */
	const criteria = previousBuiltInCatalogue.criteria;
	const profileAreas = previousBuiltInCatalogue.areas
		.filter((/** @type {{ kind: string }} */ a) => a.kind === 'profil')
		.map((/** @type {{ id: string }} */ a) => a.id);

	/** @type {[string, Map<string, string>][]} */
	const scenarios = [
		['new centre (all offen)', new Map()],
		[
			'half way (every 2nd erfüllt)',
			new Map(criteria.map((c, i) => [c.id, i % 2 ? 'erfuellt' : 'in_arbeit']))
		],
		[
			'Basis done, Aufbau open',
			new Map(criteria.filter((c) => c.level === 'basis').map((c) => [c.id, 'erfuellt']))
		],
		['all erfüllt', new Map(criteria.map((c) => [c.id, 'erfuellt']))]
	];

	for (const [label, statuses] of scenarios) {
		const input = { catalogue: previousBuiltInCatalogue, statuses, chosenProfileAreas: profileAreas };
		measure(context, computeReadiness, `2026.1, ${label}`, input, '≤ 5 ms');
	}

	const fixture = await context.importModule('/tests/fixtures/format2Catalogue.ts');
	const { calendarYear } = await context.importModule('/src/lib/domain/periods.ts');
	const catalogue = builtInCatalogue;
	const registers = {
		data: fixture.makeYearRegisterData(),
		period: calendarYear('2027-01-01'),
		today: '2027-10-31'
	};
	/** @type {{ id: string, level: string, items?: { id: string }[] }[]} */
	const format2Criteria = catalogue.criteria;
	const itemIds = format2Criteria.flatMap((c) => (c.items ?? []).map((item) => item.id));
	/** @type {[string, Map<string, string>][]} */
	const format2Scenarios = [
		['format 2 (2027.1), new centre (all offen)', new Map()],
		[
			'format 2 (2027.1), half way (every 2nd erfüllt)',
			new Map(
				[...format2Criteria.map((c) => c.id), ...itemIds].map((id, i) => [
					id,
					i % 2 ? 'erfuellt' : 'in_arbeit'
				])
			)
		]
	];
	for (const [label, statuses] of format2Scenarios) {
		const input = {
			catalogue,
			statuses,
			chosenProfileAreas: [],
			variant: { form: 'verbund', kind: 're' },
			registers,
			sites: fixture.BENCH_SITES
		};
		measure(context, computeReadiness, label, input, '≤ 1 ms');
	}
	// Threshold counts are remembered per loaded register data: the figures above are a status change.
	// After a register change the counts are made afresh once:
	const first = (/** @type {number} */ i) => ({
		catalogue,
		statuses: format2Scenarios[1][1],
		chosenProfileAreas: [],
		variant: { form: 'verbund', kind: 're' },
		registers: { ...registers, data: { ...registers.data, sealValidUntil: i % 2 ? null : '2030-12-31' } },
		sites: fixture.BENCH_SITES
	});
	measure(context, computeReadiness, 'format 2 (2027.1), first after a register change', first, '≤ 1 ms');
}

/**
 * @param {import('../../scripts/lib/benchContext.js').BenchContext} context
 * @param {(input: unknown) => unknown} computeReadiness
 * @param {string} label
 * @param {unknown} input the input, or a function giving a fresh one per run (not timed)
 * @param {string} target
 */
function measure(context, computeReadiness, label, input, target) {
	{
		const inputOf = typeof input === 'function' ? input : () => input;
		for (let i = 0; i < 20; i++) computeReadiness(inputOf(i)); // warm-up (JIT)
		/** @type {number[]} */
		const times = [];
		for (let i = 0; i < iterations; i++) {
			const args = inputOf(i);
			const start = performance.now();
			computeReadiness(args);
			times.push(performance.now() - start);
		}
		context.report({
			label: `${label} (median)`,
			value: median(times),
			unit: 'ms',
			target,
			detail: `p95 ${percentile(times, 95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`
		});
	}
}
