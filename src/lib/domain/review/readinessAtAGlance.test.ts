import { describe, expect, it } from 'vitest';
import catalogue2026Json from '../catalogue/familienzentrum-nrw-arbeitsfassung.json';
import catalogue2027Json from '../catalogue/familienzentrum-nrw-2027-arbeitsfassung.json';
import { catalogueSchema } from '../catalogue/schema';
import { computeReadiness } from '../readiness/computeReadiness';
import type { ReadinessInput } from '../readiness/types';
import type { CriterionStatusValue } from '../records';
import { readinessAtAGlance } from './readinessAtAGlance';

const catalogues = [catalogueSchema.parse(catalogue2026Json), catalogueSchema.parse(catalogue2027Json)];

/** Deterministic mixes of statuses: none, some, the whole to-do list (which passes). */
function inputs(): ReadinessInput[] {
	return catalogues.flatMap((catalogue) => {
		const base = { catalogue, chosenProfileAreas: [] };
		const some = new Map<string, CriterionStatusValue>(
			catalogue.criteria.filter((_, i) => i % 3 === 0).map((c) => [c.id, 'erfuellt'])
		);
		const plan = computeReadiness({ ...base, statuses: new Map() }).todo.criteria;
		const passing = new Map<string, CriterionStatusValue>(plan.map((c) => [c.id, 'erfuellt']));
		return [new Map(), some, passing].map((statuses) => ({ ...base, statuses }));
	});
}

describe('readiness at a glance', () => {
	it('says what the full readiness says, without the to-do plan', () => {
		let passed = 0;
		for (const input of inputs()) {
			const full = computeReadiness(input);
			const glance = readinessAtAGlance(input);
			expect(glance).toEqual({
				passes: full.passes,
				overall: full.overall,
				areasPassing: full.areas.filter((a) => a.passes).length,
				areasCount: full.areas.length
			});
			if (glance.passes) passed++;
		}
		expect(passed).toBeGreaterThan(0);
	});
});
