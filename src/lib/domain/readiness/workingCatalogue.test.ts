import { describe, expect, it } from 'vitest';
import workingCatalogueJson from '../catalogue/familienzentrum-nrw-arbeitsfassung.json';
import { catalogueSchema } from '../catalogue/schema';
import type { CriterionStatusValue } from '../records';
import { computeReadiness } from './computeReadiness';

const catalogue = catalogueSchema.parse(workingCatalogueJson);
const profileAreas = catalogue.areas.filter((a) => a.kind === 'profil').map((a) => a.id);

describe('readiness on the shipped working catalogue', () => {
	it('does not pass for an empty workspace but has a to-do list that reaches every minimum', () => {
		for (const chosenProfileAreas of [[], profileAreas]) {
			const r = computeReadiness({ catalogue, statuses: new Map(), chosenProfileAreas });
			expect(r.passes).toBe(false);
			expect(r.todo.reachable).toBe(true);
			expect(r.todo.unreachableReasons).toEqual([]);

			// Meeting exactly the to-do list makes the centre pass.
			const done = new Map<string, CriterionStatusValue>(r.todo.criteria.map((c) => [c.id, 'erfuellt']));
			const after = computeReadiness({ catalogue, statuses: done, chosenProfileAreas });
			expect(after.passes, after.explanations.join('\n')).toBe(true);
			expect(after.todo.criteria).toEqual([]);
		}
	});
});
