import { describe, expect, it } from 'vitest';
import { computeReadiness } from './computeReadiness';
import { makeCatalogue, statusMap } from '$fixtures/catalogues';
import type { CriterionStatusValue } from '../records';

const ids = (r: ReturnType<typeof computeReadiness>) => r.todo.criteria.map((c) => c.id);

function run(
	catalogue: ReturnType<typeof makeCatalogue>,
	statuses: Record<string, CriterionStatusValue> = {},
	chosenProfileAreas: string[] = []
) {
	return computeReadiness({ catalogue, statuses: statusMap(statuses), chosenProfileAreas });
}

const small = makeCatalogue(
	[
		{
			kind: 'leistung',
			title: 'Beratung',
			minimum: { points: 4, basisCount: 1 },
			criteria: ['B1', 'B2', 'A3']
		},
		{
			kind: 'struktur',
			title: 'Kommunikation',
			minimum: { points: 3, basisCount: 1 },
			criteria: ['B1', 'A2', 'A2']
		},
		{ id: 'P', kind: 'profil', title: 'Prävention', minimum: { points: 2 }, criteria: ['B1', 'A2'] }
	],
	{ points: 7, basisLeistung: 1, basisStruktur: 1 }
);

describe('readiness', () => {
	it('passes with nothing to do when every criterion is met', () => {
		const all = Object.fromEntries(small.criteria.map((c) => [c.id, 'erfuellt' as const]));
		const r = run(small, all);
		expect(r.passes).toBe(true);
		expect(r.explanations).toEqual([]);
		expect(r.todo).toEqual({
			reachable: true,
			criteria: [],
			pointsAdded: 0,
			steps: 0,
			missingParts: {},
			unreachableReasons: []
		});
		expect(
			r.areas.map((a) => [a.areaId, a.points, a.basisMet, a.metCount, a.criteriaCount, a.passes])
		).toEqual([
			['1', 6, 2, 3, 3, true],
			['2', 5, 1, 3, 3, true]
		]);
		expect(r.overall).toMatchObject({ points: 11, basisLeistung: 2, basisStruktur: 1, passes: true });
	});

	it('explains in German what is missing when nothing is met, and plans the smallest to-do list', () => {
		const r = run(small);
		expect(r.passes).toBe(false);
		expect(r.explanations).toEqual([
			'Beratung: noch 4 Punkte',
			'Beratung: noch 1 Basiskriterium',
			'Kommunikation: noch 3 Punkte',
			'Kommunikation: Basis 2.1 fehlt',
			'Gesamt: noch 7 Punkte',
			'Gesamt: noch 1 Basisleistung',
			'Gesamt: noch 1 Basisstruktur'
		]);
		// Beratung: B1+A3 (2 criteria, 4 points) beats B2+A3 (5 points); Kommunikation: B1+A2.
		expect(ids(r)).toEqual(['1.1', '1.3', '2.1', '2.2']);
		expect(r.todo).toMatchObject({ reachable: true, pointsAdded: 7, unreachableReasons: [] });
	});

	it('counts criteria without a status and in Arbeit as open', () => {
		const r = run(small, { '1.1': 'in_arbeit', '2.1': 'offen' });
		expect(ids(r)).toEqual(['1.1', '1.3', '2.1', '2.2']);
	});

	it('ignores a Profilbereich the centre has not chosen', () => {
		const r = run(small, { 'P.1': 'erfuellt', 'P.2': 'erfuellt' });
		expect(r.areas.map((a) => a.areaId)).toEqual(['1', '2']);
		expect(r.overall.points).toBe(0);
		expect(ids(r)).not.toContain('P.1');
	});

	it('counts a chosen Profilbereich with its own minimum, but not toward the overall minimums', () => {
		const r = run(small, { 'P.1': 'erfuellt', 'P.2': 'erfuellt' }, ['P']);
		expect(r.areas.map((a) => a.areaId)).toEqual(['1', '2', 'P']);
		expect(r.areas[2]).toMatchObject({
			points: 3,
			pointsRequired: 2,
			basisMet: 1,
			passes: true,
			missing: []
		});
		expect(r.overall).toMatchObject({ points: 0, basisLeistung: 0, basisStruktur: 0 });

		const unmet = run(small, {}, ['P']);
		expect(unmet.explanations).toContain('Prävention: noch 2 Punkte');
		expect(ids(unmet)).toEqual(['1.1', '1.3', '2.1', '2.2', 'P.2']);
	});

	it('gives no points for nicht zutreffend and never suggests such a criterion', () => {
		const r = run(small, { '1.1': 'nicht_zutreffend', '1.2': 'nicht_zutreffend' });
		expect(r.areas[0]).toMatchObject({ points: 0, basisMet: 0, metCount: 0, criteriaCount: 3 });
		expect(ids(r)).not.toContain('1.1');
		expect(ids(r)).not.toContain('1.2');
		expect(r.todo.reachable).toBe(false);
		expect(r.todo.unreachableReasons).toEqual([
			'Beratung: höchstens 3 von 4 Punkten erreichbar (nicht zutreffende Kriterien zählen nicht)',
			'Beratung: höchstens 0 von 1 Basiskriterium erreichbar (nicht zutreffende Kriterien zählen nicht)',
			'Gesamt: höchstens 0 von 1 Basisleistung erreichbar (nicht zutreffende Kriterien zählen nicht)'
		]);
		// It still plans everything that can be reached (7 points overall need 2.3 as well).
		expect(ids(r)).toEqual(['1.3', '2.1', '2.2', '2.3']);
	});

	it('says which minimums cannot be reached at all and still gets as close as it can', () => {
		const c = makeCatalogue(
			[
				{ kind: 'leistung', title: 'Familienbildung', minimum: { points: 10 }, criteria: ['B2', 'A3', 'A1'] },
				{ kind: 'struktur', title: 'Sozialraum', minimum: { basisCount: 3 }, criteria: ['B1', 'B1', 'A1'] }
			],
			{ points: 20, basisStruktur: 2 }
		);
		const r = run(c, { '1.3': 'erfuellt' });
		expect(r.todo.reachable).toBe(false);
		expect(r.todo.unreachableReasons).toEqual([
			'Familienbildung: höchstens 6 von 10 Punkten erreichbar',
			'Sozialraum: höchstens 2 von 3 Basiskriterien erreichbar',
			'Gesamt: höchstens 9 von 20 Punkten erreichbar'
		]);
		expect(ids(r)).toEqual(['1.1', '1.2', '2.1', '2.2', '2.3']);
		expect(r.todo.pointsAdded).toBe(8);
		expect(r.explanations).toContain('Sozialraum: noch 3 Basiskriterien');
	});

	it('breaks ties between equal criteria by id, reading ids like people do', () => {
		const c = makeCatalogue([
			{
				kind: 'leistung',
				minimum: { points: 2 },
				criteria: [
					{ id: '1.10', level: 'aufbau', points: 2 },
					{ id: '1.9', level: 'aufbau', points: 2 },
					{ id: '1.11', level: 'aufbau', points: 2 }
				]
			}
		]);
		expect(ids(run(c))).toEqual(['1.9']);
		expect(ids(run(c, { '1.9': 'nicht_zutreffend' }))).toEqual(['1.10']);
	});

	it('prefers fewer criteria over fewer points, and fewer points among equally short lists', () => {
		const c = makeCatalogue([
			{ kind: 'leistung', minimum: { points: 4 }, criteria: ['A3', 'A2', 'A5', 'A4', 'A2'] }
		]);
		expect(ids(run(c))).toEqual(['1.4']);
		expect(ids(run(c, { '1.4': 'nicht_zutreffend' }))).toEqual(['1.3']);
		// Two criteria either way: 2 + 2 points beat 3 + 2, although 1.1 comes first.
		expect(ids(run(c, { '1.4': 'nicht_zutreffend', '1.3': 'nicht_zutreffend' }))).toEqual(['1.2', '1.5']);
	});

	it('adds criteria beyond the area minimums when an overall minimum needs them', () => {
		const c = makeCatalogue(
			[
				{ kind: 'leistung', title: 'Beratung', minimum: { points: 2 }, criteria: ['B1', 'A2', 'B1', 'A3'] },
				{ kind: 'struktur', title: 'Kommunikation', minimum: { points: 1 }, criteria: ['B1', 'A4', 'B1'] }
			],
			{ points: 9, basisLeistung: 2 }
		);
		const r = run(c);
		// Area minimums alone: 1.2 and 2.1. The overall 2 Basisleistungen and 9 points need more.
		expect(r.areas.every((a) => a.missing.length > 0)).toBe(true);
		expect(ids(r)).toEqual(['1.1', '1.3', '1.4', '2.2']);
		expect(r.todo.pointsAdded).toBe(9);
		expect(r.explanations).toEqual([
			'Beratung: noch 2 Punkte',
			'Kommunikation: noch 1 Punkt',
			'Gesamt: noch 9 Punkte',
			'Gesamt: noch 2 Basisleistungen'
		]);
	});

	it('handles an area that asks for Basis criteria but no points', () => {
		const c = makeCatalogue([
			{
				kind: 'struktur',
				title: 'Leistungsentwicklung',
				minimum: { basisCount: 2 },
				criteria: ['A5', 'B1', 'B3', 'B1']
			}
		]);
		const r = run(c, { '1.1': 'erfuellt' });
		expect(r.areas[0]).toMatchObject({ points: 5, pointsRequired: 0, basisRequired: 2, passes: false });
		expect(r.explanations).toEqual(['Leistungsentwicklung: noch 2 Basiskriterien']);
		expect(ids(r)).toEqual(['1.2', '1.4']);
		expect(r.todo.pointsAdded).toBe(2);
	});

	it('names the missing Basis criteria when every open one is needed', () => {
		const c = makeCatalogue([
			{
				id: '6',
				kind: 'struktur',
				title: 'Kommunikation',
				minimum: { basisCount: 2 },
				criteria: ['B1', 'B1', 'A2']
			}
		]);
		const r = run(c, { '6.1': 'erfuellt' });
		expect(r.explanations).toEqual(['Kommunikation: Basis 6.2 fehlt']);
		expect(r.areas[0].missing).toEqual(['Basis 6.2 fehlt']);
		expect(ids(r)).toEqual(['6.2']);
	});

	it('uses singular forms for one', () => {
		const c = makeCatalogue(
			[{ kind: 'struktur', title: 'Kommunikation', minimum: { points: 1 }, criteria: ['B1', 'B1'] }],
			{ basisStruktur: 1, points: 1 }
		);
		expect(run(c).explanations).toEqual([
			'Kommunikation: noch 1 Punkt',
			'Gesamt: noch 1 Punkt',
			'Gesamt: noch 1 Basisstruktur'
		]);
	});

	it('needs every area to pass even when the overall minimums are reached', () => {
		const c = makeCatalogue(
			[
				{ kind: 'leistung', minimum: { points: 1 }, criteria: ['A5'] },
				{ kind: 'struktur', minimum: { points: 1 }, criteria: ['A1'] }
			],
			{ points: 5 }
		);
		const r = run(c, { '1.1': 'erfuellt' });
		expect(r.overall.passes).toBe(true);
		expect(r.passes).toBe(false);
		expect(ids(r)).toEqual(['2.1']);
	});
});
