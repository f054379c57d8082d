import { describe, expect, it } from 'vitest';
import type { Catalogue, Criterion, RequirementExpression } from '../catalogue/schema';
import { calendarYear } from '../periods';
import { emptyRegisterData } from '../registers/registerData';
import { makeThreshold } from '../requirements/testFactories';
import type { CriterionStatusValue } from '../records';
import { compareIds } from './compareIds';
import { computeReadiness } from './computeReadiness';
import { randomCatalogue, randomStatuses, seededRandom } from '$fixtures/catalogues';
import { makeOfficeHourSession } from '$fixtures/registers';

/**
 * An independent, deliberately naive model of the to-do list: try every subset of the open
 * criteria, keep those that reach every minimum (capped at what all open criteria could reach),
 * and order them by (count, points, id ranks, sorted ids).
 */
function bruteForce(
	catalogue: Catalogue,
	statuses: Map<string, CriterionStatusValue>,
	chosen: string[],
	/** Format 2: whether a criterion counts, is met by its parts, and how many steps it lacks. */
	model: {
		counts?: (c: Criterion) => boolean;
		metByParts?: (c: Criterion) => boolean;
		steps?: (c: Criterion) => number;
	} = {}
) {
	const areas = catalogue.areas.filter((a) => a.kind !== 'profil' || chosen.includes(a.id));
	const kindOf = new Map(areas.map((a) => [a.id, a.kind]));
	const counted = catalogue.criteria.filter((c) => kindOf.has(c.areaId) && (model.counts?.(c) ?? true));
	const metByParts = (c: Criterion) => model.metByParts?.(c) ?? false;
	const steps = (c: Criterion) => model.steps?.(c) ?? 1;
	const status = (id: string) => statuses.get(id) ?? 'offen';
	const open = counted
		.filter((c) => (status(c.id) === 'offen' || status(c.id) === 'in_arbeit') && !metByParts(c))
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

	const met = counted.filter(
		(c) => status(c.id) === 'erfuellt' || (status(c.id) !== 'nicht_zutreffend' && metByParts(c))
	);
	const most = [...met, ...open];
	const reachable = constraints.every(([m, req]) => m(most) >= req);
	const targets = constraints.map(([m, req]) => Math.min(req, m(most)));

	let best: { ids: string[]; key: number[] }[] = [];
	for (let mask = 0; mask < 1 << open.length; mask++) {
		const pick = open.filter((_, i) => mask & (1 << i));
		const set = [...met, ...pick];
		if (!constraints.every(([m], i) => m(set) >= targets[i])) continue;
		const key = [
			pick.reduce((n, c) => n + steps(c), 0),
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

/** Test-side UND/ODER, independent of the engine: an expression as nested arrays. */
function holdsNaive(expr: RequirementExpression, met: ReadonlySet<string>): boolean {
	if (typeof expr === 'string') return met.has(expr);
	return 'und' in expr
		? expr.und.every((e) => holdsNaive(e, met))
		: expr.oder.some((e) => holdsNaive(e, met));
}

/** Fewest parts to add so the expression holds, by trying every subset of the unmet parts. */
function stepsNaive(parts: string[], expr: RequirementExpression, met: ReadonlySet<string>): number {
	const unmet = parts.filter((p) => !met.has(p));
	let best = Infinity;
	for (let mask = 0; mask < 1 << unmet.length; mask++) {
		const extra = unmet.filter((_, i) => mask & (1 << i));
		if (extra.length < best && holdsNaive(expr, new Set([...met, ...extra]))) best = extra.length;
	}
	return best;
}

function randomExpression(rng: () => number, parts: string[]): RequirementExpression {
	if (parts.length === 1) return parts[0];
	const cut = 1 + Math.floor(rng() * (parts.length - 1));
	const left = randomExpression(rng, parts.slice(0, cut));
	const right = randomExpression(rng, parts.slice(cut));
	return rng() < 0.5 ? { und: [left, right] } : { oder: [left, right] };
}

/**
 * A random catalogue whose criteria have sub-items, thresholds (office-hour sessions in the period,
 * reached when the registers hold `sessions` of them) and UND/ODER expressions over them, and
 * criteria for one questionnaire variant only.
 */
function randomFormat2(rng: () => number) {
	const base = randomCatalogue(rng, 12);
	const sessions = Math.floor(rng() * 4);
	const statuses = randomStatuses(rng, base);
	const criteria = base.criteria.map((c): Criterion => {
		const extra: Partial<Criterion> = {};
		if (rng() < 0.25) extra.appliesTo = rng() < 0.5 ? { forms: ['verbund'] } : { kinds: ['neu'] };
		if (rng() < 0.6) {
			const items = Array.from({ length: Math.floor(rng() * 3) }, (_, i) => ({
				id: `${c.id}.i${i}`,
				title: `Teil ${i}`
			}));
			const thresholds = Array.from({ length: Math.floor(rng() * 3) }, (_, i) =>
				makeThreshold({
					id: `t${i}`,
					label: `Schwelle ${i}`,
					source: 'officeHourSessions',
					per: 'period',
					min: 1 + Math.floor(rng() * 4)
				})
			);
			const parts = [...items.map((i) => i.id), ...thresholds.map((t) => t.id)];
			if (parts.length > 0) {
				Object.assign(extra, { items, thresholds });
				if (rng() < 0.7) extra.requires = randomExpression(rng, parts);
				for (const item of items)
					if (rng() < 0.4) statuses.set(item.id, rng() < 0.8 ? 'erfuellt' : 'in_arbeit');
			}
		}
		return { ...c, ...extra };
	});
	const catalogue: Catalogue = { ...base, format: 'guetesiegel-katalog/2', criteria };
	const data = {
		...emptyRegisterData(),
		officeHourSessions: Array.from({ length: sessions }, (_, i) =>
			makeOfficeHourSession({ date: `2027-0${i + 1}-10` })
		)
	};
	const registers = { data, period: calendarYear('2027-01-01'), today: '2027-12-31' };
	const variant = { form: rng() < 0.5 ? 'einzel' : 'verbund', kind: rng() < 0.5 ? 'neu' : 're' } as const;

	const partsOf = (c: Criterion) => [
		...(c.items ?? []).map((i) => i.id),
		...(c.thresholds ?? []).map((t) => t.id)
	];
	const metParts = (c: Criterion) =>
		new Set([
			...(c.items ?? []).filter((i) => statuses.get(i.id) === 'erfuellt').map((i) => i.id),
			...(c.thresholds ?? []).filter((t) => sessions >= t.min).map((t) => t.id)
		]);
	const exprOf = (c: Criterion): RequirementExpression => c.requires ?? { und: partsOf(c) };
	const model = {
		counts: (c: Criterion) =>
			(!c.appliesTo?.forms || c.appliesTo.forms.includes(variant.form)) &&
			(!c.appliesTo?.kinds || c.appliesTo.kinds.includes(variant.kind)),
		metByParts: (c: Criterion) => partsOf(c).length > 0 && holdsNaive(exprOf(c), metParts(c)),
		steps: (c: Criterion) => (partsOf(c).length > 0 ? stepsNaive(partsOf(c), exprOf(c), metParts(c)) : 1)
	};
	return { catalogue, statuses, registers, variant, model };
}

describe('to-do list with UND/ODER, thresholds and variants against brute force', () => {
	it('is the plan with the fewest missing steps for 400 random format-2 catalogues', () => {
		const rng = seededRandom(20271301);
		let withSteps = 0;
		for (let round = 0; round < 400; round++) {
			const { catalogue, statuses, registers, variant, model } = randomFormat2(rng);
			const profiles = catalogue.areas.filter((a) => a.kind === 'profil' && rng() < 0.6).map((a) => a.id);
			const r = computeReadiness({ catalogue, statuses, chosenProfileAreas: profiles, registers, variant });
			const expected = bruteForce(catalogue, statuses, profiles, model);
			const got = r.todo.criteria.map((c) => c.id).sort(compareIds);
			const context = JSON.stringify({ round, catalogue, statuses: [...statuses], profiles, variant, got });

			expect(r.todo.reachable, context).toBe(expected.reachable);
			expect(
				expected.best.find((b) => b.ids.join() === got.join()),
				context
			).toBeDefined();
			expect(r.todo.steps, context).toBe(r.todo.criteria.reduce((n, c) => n + model.steps(c), 0));
			for (const c of r.todo.criteria)
				expect(r.todo.missingParts[c.id], context).toHaveLength(c.items || c.thresholds ? model.steps(c) : 0);
			const countedAreas = new Set(
				catalogue.areas.filter((a) => a.kind !== 'profil' || profiles.includes(a.id)).map((a) => a.id)
			);
			const byParts = catalogue.criteria.filter(
				(c) =>
					countedAreas.has(c.areaId) &&
					model.counts(c) &&
					!['erfuellt', 'nicht_zutreffend'].includes(statuses.get(c.id) ?? 'offen') &&
					model.metByParts(c)
			);
			expect(r.metByParts, context).toEqual(byParts.map((c) => c.id));
			if (r.todo.steps > r.todo.criteria.length) withSteps++;
		}
		// Plans where some criterion lacks more than one part must be common, or the test says little.
		expect(withSteps).toBeGreaterThan(50);
	});
});
