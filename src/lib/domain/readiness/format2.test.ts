import { describe, expect, it } from 'vitest';
import { makeCatalogue, statusMap } from '$fixtures/catalogues';
import { makeOfficeHourSession } from '$fixtures/registers';
import type { Catalogue } from '../catalogue/schema';
import { calendarYear } from '../periods';
import { emptyRegisterData } from '../registers/registerData';
import { makeCriterion, makeThreshold } from '../requirements/testFactories';
import { computeReadiness } from './computeReadiness';

const sessions = makeThreshold({
	id: 'eb',
	label: 'Sprechstunde',
	source: 'officeHourSessions',
	per: 'period',
	min: 2
});
const catalogue: Catalogue = makeCatalogue(
	[{ kind: 'leistung', minimum: { points: 3 }, criteria: [] }],
	{},
	{
		format: 'guetesiegel-katalog/2',
		criteria: [
			makeCriterion({ id: '1.1', points: 1, thresholds: [sessions], perSite: true }),
			makeCriterion({
				id: '1.2',
				points: 2,
				items: [
					{ id: '1.2.1', title: 'Aushang' },
					{ id: '1.2.2', title: 'Flyer' }
				]
			}),
			makeCriterion({ id: '1.3', points: 2, appliesTo: { forms: ['verbund'] } }),
			makeCriterion({ id: '1.4', points: 5, appliesTo: { kinds: ['neu'] } })
		]
	}
);
const registersWith = (...siteIds: (string | null)[]) => ({
	data: {
		...emptyRegisterData(),
		officeHourSessions: siteIds.map((siteId) => makeOfficeHourSession({ date: '2027-03-03', siteId }))
	},
	period: calendarYear('2027-01-01'),
	today: '2027-12-31'
});
const einzelRe = { form: 'einzel', kind: 're' } as const;

describe('readiness with format-2 criteria', () => {
	it('leaves out criteria of other questionnaire variants everywhere', () => {
		const r = computeReadiness({ catalogue, statuses: new Map(), chosenProfileAreas: [], variant: einzelRe });
		expect(r.areas[0].criteriaCount).toBe(2);
		expect(r.todo.criteria.map((c) => c.id)).toEqual(['1.1', '1.2']);
		const all = computeReadiness({ catalogue, statuses: new Map(), chosenProfileAreas: [] });
		expect(all.areas[0].criteriaCount).toBe(4);
		expect(all.todo.criteria.map((c) => c.id)).toEqual(['1.4']);
	});

	it('counts a criterion met when its parts are, without a mark', () => {
		const statuses = statusMap({ '1.2.1': 'erfuellt', '1.2.2': 'erfuellt' });
		const r = computeReadiness({
			catalogue,
			statuses,
			chosenProfileAreas: [],
			variant: einzelRe,
			registers: registersWith(null, null)
		});
		expect(r.areas[0]).toMatchObject({ points: 3, metCount: 2, passes: true });
		expect(r.metByParts).toEqual(['1.1', '1.2']);
		expect(r.passes).toBe(true);
	});

	it('plans the criterion with fewer missing parts and says what is missing', () => {
		const r = computeReadiness({
			catalogue,
			statuses: statusMap({ '1.2.1': 'erfuellt' }),
			chosenProfileAreas: [],
			variant: einzelRe,
			registers: registersWith(null)
		});
		// 1.1 lacks one threshold (1 step), 1.2 one item (1 step): both are needed for 3 points.
		expect(r.todo.criteria.map((c) => c.id)).toEqual(['1.1', '1.2']);
		expect(r.todo.steps).toBe(2);
		expect(r.todo.missingParts).toEqual({
			'1.1': ['Kalenderjahr 2027: 1 von 2 Sprechstunde'],
			'1.2': ['1.2.2 Flyer']
		});
	});

	it('fills the per-site results only for a Verbund of more than one site', () => {
		const sites = [
			{ id: 'fz-test', name: 'Kita Sonne' },
			{ id: 'kita-mond', name: 'Kita Mond' }
		];
		const input = {
			catalogue,
			statuses: new Map(),
			chosenProfileAreas: [],
			variant: einzelRe,
			registers: registersWith(null, null, 'kita-mond')
		};
		expect(computeReadiness(input).perSite).toEqual([]);
		const r = computeReadiness({ ...input, sites });
		expect(r.perSite).toEqual([
			{
				criterionId: '1.1',
				sites: [
					{ siteId: 'fz-test', name: 'Kita Sonne', met: true, missing: [] },
					{
						siteId: 'kita-mond',
						name: 'Kita Mond',
						met: false,
						missing: ['Kita Mond: Kalenderjahr 2027: 1 von 2 Sprechstunde']
					}
				]
			}
		]);
		// Jointly three sessions would reach it; per site it is not met, so it stays open.
		expect(r.todo.criteria.map((c) => c.id)).toContain('1.1');
		const marked = computeReadiness({ ...input, sites, statuses: statusMap({ '1.1': 'erfuellt' }) });
		expect(marked.perSite[0].sites.every((s) => s.met)).toBe(true);
	});
});
