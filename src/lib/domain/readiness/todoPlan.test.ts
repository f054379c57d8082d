import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../catalogue/schema';
import type { CriterionStatusValue } from '../records';
import { compareIds } from './compareIds';
import { computeReadiness } from './computeReadiness';
import { randomCatalogue, randomStatuses, seededRandom } from '$fixtures/catalogues';

/**
 * An independent, deliberately naive model of the to-do list: try every subset of the open
 * criteria, keep those that reach every minimum (capped at what all open criteria could reach),
 * and order them by (count, points, id ranks, sorted ids).
 */
function bruteForce(catalogue: Catalogue, statuses: Map<string, CriterionStatusValue>, chosen: string[]) {
	const areas = catalogue.areas.filter((a) => a.kind !== 'profil' || chosen.includes(a.id));
	const kindOf = new Map(areas.map((a) => [a.id, a.kind]));
	const counted = catalogue.criteria.filter((c) => kindOf.has(c.areaId));
	const status = (id: string) => statuses.get(id) ?? 'offen';
	const open = counted
		.filter((c) => status(c.id) === 'offen' || status(c.id) === 'in_arbeit')
		.sort((a, b) => compareIds(a.id, b.id));

	// Each minimum as [value of a set of criteria, required].
	type Measure = (set: typeof counted) => number;
	const constraints: [Measure, number][] = [];
	for (const a of areas) {
		constraints.push([
			(s) => s.filter((c) => c.areaId === a.id).reduce((n, c) => n + c.points, 0),
			a.minimum.points ?? 0
		]);
		constraints.push([
			(s) => s.filter((c) => c.areaId === a.id && c.level === 'basis').length,
			a.minimum.basisCount ?? 0
		]);
	}
	const om = catalogue.overallMinimum;
	const nonProfil = (c: (typeof counted)[number]) => kindOf.get(c.areaId) !== 'profil';
	constraints.push([(s) => s.filter(nonProfil).reduce((n, c) => n + c.points, 0), om.points ?? 0]);
	constraints.push([
		(s) => s.filter((c) => kindOf.get(c.areaId) === 'leistung' && c.level === 'basis').length,
		om.basisLeistung ?? 0
	]);
	constraints.push([
		(s) => s.filter((c) => kindOf.get(c.areaId) === 'struktur' && c.level === 'basis').length,
		om.basisStruktur ?? 0
	]);

	const met = counted.filter((c) => status(c.id) === 'erfuellt');
	const most = [...met, ...open];
	const reachable = constraints.every(([m, req]) => m(most) >= req);
	const targets = constraints.map(([m, req]) => Math.min(req, m(most)));

	let best: { ids: string[]; key: number[] }[] = [];
	for (let mask = 0; mask < 1 << open.length; mask++) {
		const pick = open.filter((_, i) => mask & (1 << i));
		const set = [...met, ...pick];
		if (!constraints.every(([m], i) => m(set) >= targets[i])) continue;
		const key = [
			pick.length,
			pick.reduce((n, c) => n + c.points, 0),
			open.reduce((n, c, i) => n + (mask & (1 << i) ? i + 1 : 0), 0)
		];
		const cmp = best.length === 0 ? -1 : key.findIndex((k, i) => k !== best[0].key[i]);
		if (best.length === 0 || (cmp >= 0 && key[cmp] < best[0].key[cmp]))
			best = [{ ids: pick.map((c) => c.id), key }];
		else if (cmp === -1) best.push({ ids: pick.map((c) => c.id), key });
	}
	return { reachable, best };
}

describe('to-do list against brute force', () => {
	it('is the smallest plan for 600 random small catalogues and workspaces', () => {
		const rng = seededRandom(20260521);
		let withPlan = 0;
		let unreachable = 0;
		for (let round = 0; round < 600; round++) {
			const catalogue = randomCatalogue(rng, 13);
			const statuses = randomStatuses(rng, catalogue);
			const profiles = catalogue.areas.filter((a) => a.kind === 'profil' && rng() < 0.6).map((a) => a.id);
			const r = computeReadiness({ catalogue, statuses, chosenProfileAreas: profiles });
			const expected = bruteForce(catalogue, statuses, profiles);
			const got = r.todo.criteria.map((c) => c.id).sort(compareIds);
			const context = JSON.stringify({ round, catalogue, statuses: [...statuses], profiles, got });

			expect(r.todo.reachable, context).toBe(expected.reachable);
			expect(r.todo.unreachableReasons.length === 0, context).toBe(expected.reachable);
			const match = expected.best.find((b) => b.ids.join() === got.join());
			expect(match, context).toBeDefined();
			if (expected.best.length === 1) expect(got, context).toEqual(expected.best[0].ids);
			expect(r.todo.pointsAdded).toBe(r.todo.criteria.reduce((n, c) => n + c.points, 0));
			if (got.length > 0) withPlan++;
			if (!expected.reachable) unreachable++;
		}
		// The random mix must exercise the interesting cases, not only empty plans.
		expect(withPlan).toBeGreaterThan(300);
		expect(unreachable).toBeGreaterThan(20);
	});

	it('gives the same plan whatever the order of the criteria in the catalogue', () => {
		const rng = seededRandom(7);
		for (let round = 0; round < 100; round++) {
			const catalogue = randomCatalogue(rng, 13);
			const statuses = randomStatuses(rng, catalogue);
			const shuffled = { ...catalogue, criteria: [...catalogue.criteria].sort(() => rng() - 0.5) };
			const a = computeReadiness({ catalogue, statuses, chosenProfileAreas: [] });
			const b = computeReadiness({ catalogue: shuffled, statuses, chosenProfileAreas: [] });
			expect(b.todo.criteria.map((c) => c.id).sort(compareIds)).toEqual(
				a.todo.criteria.map((c) => c.id).sort(compareIds)
			);
		}
	});
});
