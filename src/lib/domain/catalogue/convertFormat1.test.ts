import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeReadiness } from '../readiness/computeReadiness';
import type { Readiness } from '../readiness/types';
import type { CriterionStatusValue } from '../records';
import { toFormat2 } from './convertFormat1';
import { parseCatalogue } from './parseCatalogue';
import { catalogueSchema, type Catalogue, type CatalogueInput } from './schema';

const format1Text = readFileSync(
	new URL('./familienzentrum-nrw-arbeitsfassung.json', import.meta.url),
	'utf8'
);

const small: CatalogueInput = {
	format: 'guetesiegel-katalog/1',
	id: 'probe',
	version: '1',
	title: 'Probe',
	official: false,
	reviewPeriod: 'kalenderjahr',
	areas: [{ id: 'L1', kind: 'leistung', title: 'Beratung', minimum: { points: 2 } }],
	criteria: [
		{
			id: '1.1',
			areaId: 'L1',
			level: 'basis',
			points: 2,
			title: 'Sprechstunde',
			explanation: 'x',
			rules: [{ kind: 'officeHoursMonthly', minMonths: 10 }]
		},
		{
			id: '1.2',
			areaId: 'L1',
			level: 'basis',
			points: 1,
			title: 'Kurse und Vereinbarung',
			explanation: 'x',
			rules: [
				{ kind: 'familyEducationOffers', min: 2, offerKinds: ['elternkurs'] },
				{ kind: 'partnerAgreement', partnerKind: 'jugendamt' },
				{ kind: 'childminderContacts', min: 1 }
			]
		},
		{ id: '1.3', areaId: 'L1', level: 'aufbau', points: 2, title: 'Ohne Regeln', explanation: 'x' }
	],
	overallMinimum: {}
};

/** The to-do list names whole criteria, whose rules were converted: compare them by id. */
// The plan's words differ on purpose: a converted rule is a threshold, which the plan names as the
// missing part; the choice of criteria, points and steps must not.
const comparable = (readiness: Readiness) => ({
	...readiness,
	todo: { ...readiness.todo, criteria: readiness.todo.criteria.map((c) => c.id), missingParts: undefined }
});

describe('format 1 → format 2', () => {
	it('turns counting rules into exact thresholds and keeps the others as rules', () => {
		const converted = toFormat2(catalogueSchema.parse(small));
		const expected: Catalogue = catalogueSchema.parse({
			...small,
			format: 'guetesiegel-katalog/2',
			criteria: [
				{
					...small.criteria[0],
					rules: undefined,
					thresholds: [
						{
							id: 'R1',
							label: 'Sprechstunde der Erziehungsberatung in 10 Monaten',
							source: 'officeHourSessions',
							min: 1,
							per: 'month',
							months: 10
						}
					]
				},
				{
					...small.criteria[1],
					rules: [{ kind: 'partnerAgreement', partnerKind: 'jugendamt' }],
					thresholds: [
						{
							id: 'R1',
							label: 'Mindestens 2 Familienbildungsangebote',
							source: 'familyEducationOffers',
							min: 2,
							per: 'period',
							where: { offerKinds: ['elternkurs'] }
						},
						{
							id: 'R2',
							label: 'Mindestens 1 Kontakt zur Kindertagespflege',
							source: 'childminderContacts',
							min: 1,
							per: 'period'
						}
					]
				},
				small.criteria[2]
			]
		});
		// parse() keeps an explicit `rules: undefined`; the conversion leaves the key out.
		expect(JSON.parse(JSON.stringify(converted))).toEqual(JSON.parse(JSON.stringify(expected)));
		expect(converted.criteria[0]).not.toHaveProperty('rules');
		expect(catalogueSchema.safeParse(converted).success).toBe(true);
	});

	it('leaves a format-2 catalogue as it is', () => {
		const format2 = toFormat2(catalogueSchema.parse(small));
		expect(toFormat2(format2)).toBe(format2);
	});

	it('happens on import: a format-1 file comes back in format 2', () => {
		const result = parseCatalogue(format1Text);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(result.catalogue.format).toBe('guetesiegel-katalog/2');
		const c11 = result.catalogue.criteria.find((c) => c.id === '1.1');
		expect(c11?.thresholds).toEqual([expect.objectContaining({ source: 'officeHourSessions', months: 10 })]);
		expect(c11?.rules).toBeUndefined();
		const c12 = result.catalogue.criteria.find((c) => c.id === '1.2');
		expect(c12?.rules).toEqual([{ kind: 'partnerAgreement', partnerKind: 'erziehungsberatungsstelle' }]);
	});

	it('gives a centre the same readiness from its statuses alone', () => {
		const before = catalogueSchema.parse(JSON.parse(format1Text));
		const after = toFormat2(before);
		const values: CriterionStatusValue[] = ['erfuellt', 'offen', 'in_arbeit', 'nicht_zutreffend'];
		for (let seed = 0; seed < 20; seed++) {
			const statuses = new Map<string, CriterionStatusValue>(
				before.criteria.map((c, i) => [c.id, values[(i * 7 + seed * 3 + (seed % 5) * i) % values.length]])
			);
			const input = { statuses, chosenProfileAreas: seed % 2 === 0 ? ['P1'] : [] };
			expect(comparable(computeReadiness({ ...input, catalogue: after }))).toEqual(
				comparable(computeReadiness({ ...input, catalogue: before }))
			);
		}
	});
});
