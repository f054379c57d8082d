// Readiness computation time: `computeReadiness` (areas, overall, explanations and the to-do plan)
// for the working catalogue, run in Node through Vite, for states a centre passes through.
import { median, percentile } from '../../scripts/lib/benchContext.js';

export const name = 'Readiness computation (computeReadiness, working catalogue)';

const iterations = 200;

/** @param {import('../../scripts/lib/benchContext.js').BenchContext} context */
export async function run(context) {
	const { computeReadiness } = await context.importModule('/src/lib/domain/readiness/index.ts');
	const { builtInCatalogue } = await context.importModule('/src/lib/client/services/catalogue.ts');
	/** @type {{ id: string, level: string, areaId: string }[]} */
	const criteria = builtInCatalogue.criteria;
	const profileAreas = builtInCatalogue.areas
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
		const input = { catalogue: builtInCatalogue, statuses, chosenProfileAreas: profileAreas };
		for (let i = 0; i < 20; i++) computeReadiness(input); // warm-up (JIT)
		/** @type {number[]} */
		const times = [];
		for (let i = 0; i < iterations; i++) {
			const start = performance.now();
			computeReadiness(input);
			times.push(performance.now() - start);
		}
		context.report({
			label: `${label} (median)`,
			value: median(times),
			unit: 'ms',
			target: '≤ 5 ms',
			detail: `p95 ${percentile(times, 95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`
		});
	}
}
