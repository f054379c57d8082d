import { describe, expect, it } from 'vitest';
import {
	makeChildminderContact,
	makeFamilyEducationOffer,
	makeOfficeHourSession,
	makePreventionOffer
} from '$fixtures/registers';
import { statusMap } from '$fixtures/catalogues';
import { calendarYear, kindergartenYear } from '../periods';
import { emptyRegisterData, type RegisterData } from '../registers/registerData';
import { evaluateCriterionRequirement, formatRequirement } from './evaluate';
import { makeCriterion, makeQualification, makeThreshold } from './testFactories';

const course = (...dates: string[]) =>
	makeFamilyEducationOffer({ sessions: dates.map((date) => ({ date, participants: 5 })) });
const eight = (first: string) => {
	const d = new Date(`${first}T12:00:00Z`);
	return course(
		...Array.from({ length: 8 }, (_, i) =>
			new Date(d.getTime() + i * 7 * 86_400_000).toISOString().slice(0, 10)
		)
	);
};
const data = (extra: Partial<RegisterData>): RegisterData => ({ ...emptyRegisterData(), ...extra });
const year2027 = (d: Partial<RegisterData>, today = '2027-12-31') => ({
	data: data(d),
	period: calendarYear('2027-01-01'),
	today
});

const courseThreshold = makeThreshold({ id: 'kurs', where: { minSessions: 8 } });
const oderCriterion = makeCriterion({
	id: '1.3',
	items: [
		{ id: '1.3.a', title: 'Beratung im Zentrum' },
		{ id: '1.3.1', title: 'Vermittlung' }
	],
	thresholds: [courseThreshold],
	requires: { oder: ['1.3.a', { und: ['1.3.1', 'kurs'] }] }
});

describe('UND / ODER', () => {
	it('writes the expression in words with brackets and threshold labels', () => {
		expect(formatRequirement(oderCriterion)).toBe('1.3.a ODER (1.3.1 UND Kurs mit mindestens 8 Terminen)');
		expect(formatRequirement(makeCriterion({ id: 'x' }))).toBe('');
	});

	it('is met by either branch of an ODER', () => {
		const none = evaluateCriterionRequirement(oderCriterion, { statuses: new Map() });
		expect(none.met).toBe(false);
		expect(none.cost).toBe(1);
		expect(none.missing).toEqual(['1.3.a Beratung im Zentrum']);
		expect(
			evaluateCriterionRequirement(oderCriterion, { statuses: statusMap({ '1.3.a': 'erfuellt' }) }).met
		).toBe(true);
		const registers = year2027({ familyEducationOffers: [eight('2027-02-01'), eight('2027-09-01')] });
		const right = evaluateCriterionRequirement(oderCriterion, {
			statuses: statusMap({ '1.3.1': 'erfuellt' }),
			registers
		});
		expect(right).toMatchObject({ met: true, cost: 0, missing: [], suggestion: 'erfuellt' });
	});

	it('needs every part of an UND, and an item in Arbeit or nicht zutreffend is not met', () => {
		const und = makeCriterion({
			id: '2.1',
			items: [
				{ id: '2.1.1', title: 'A' },
				{ id: '2.1.2', title: 'B' }
			]
		});
		const r = evaluateCriterionRequirement(und, {
			statuses: statusMap({ '2.1.1': 'in_arbeit', '2.1.2': 'nicht_zutreffend' })
		});
		expect(r).toMatchObject({
			met: false,
			cost: 2,
			text: '2.1.1 UND 2.1.2',
			missing: ['2.1.1 A', '2.1.2 B']
		});
		expect(
			evaluateCriterionRequirement(und, { statuses: statusMap({ '2.1.1': 'erfuellt', '2.1.2': 'erfuellt' }) })
				.met
		).toBe(true);
	});

	it('costs 1 without parts and never counts as met by its parts', () => {
		expect(evaluateCriterionRequirement(makeCriterion({ id: '3.1' }), { statuses: new Map() })).toMatchObject(
			{
				hasParts: false,
				met: false,
				cost: 1
			}
		);
	});

	it('names the missing half-year of a threshold', () => {
		const registers = year2027({ familyEducationOffers: [eight('2027-02-01')] });
		const r = evaluateCriterionRequirement(makeCriterion({ id: '4B1', thresholds: [courseThreshold] }), {
			statuses: new Map(),
			registers
		});
		expect(r.met).toBe(false);
		expect(r.suggestion).toBeNull();
		expect(r.missing).toEqual([
			'2. Halbjahr 2027 (1. Aug – 31. Dez): 0 von 1 Kurs mit mindestens 8 Terminen'
		]);
		expect(r.thresholds[0].windows.map((w) => [w.count, w.met])).toEqual([
			[1, true],
			[0, false]
		]);
	});
});

describe('thresholds at the boundaries', () => {
	const perHalf = (t = courseThreshold) => makeCriterion({ id: 'h', thresholds: [t] });
	const counts = (criterion: ReturnType<typeof perHalf>, registers: ReturnType<typeof year2027>) =>
		evaluateCriterionRequirement(criterion, { statuses: new Map(), registers }).thresholds[0].windows.map(
			(w) => w.count
		);

	it('puts 31 Jul in the first and 1 Aug in the second half of a calendar year', () => {
		const t = makeThreshold({ id: 's', source: 'officeHourSessions' });
		const r = year2027({
			officeHourSessions: [
				makeOfficeHourSession({ date: '2027-07-31' }),
				makeOfficeHourSession({ date: '2027-08-01' })
			]
		});
		expect(counts(perHalf(t), r)).toEqual([1, 1]);
	});

	it('leaves out 31 Dec before and 1 Jan after the calendar year', () => {
		const t = makeThreshold({ id: 's', source: 'officeHourSessions', per: 'period' });
		const r = year2027({
			officeHourSessions: ['2026-12-31', '2027-01-01', '2027-12-31', '2028-01-01'].map((date) =>
				makeOfficeHourSession({ date })
			)
		});
		expect(counts(perHalf(t), r)).toEqual([2]);
	});

	it('splits a Kindergartenjahr at 31 Jan / 1 Feb', () => {
		const t = makeThreshold({ id: 's', source: 'officeHourSessions' });
		const registers = {
			data: data({
				officeHourSessions: [
					'2026-07-31',
					'2026-08-01',
					'2027-01-31',
					'2027-02-01',
					'2027-07-31',
					'2027-08-01'
				].map((date) => makeOfficeHourSession({ date }))
			}),
			period: kindergartenYear('2026-08-01'),
			today: '2027-07-31'
		};
		expect(counts(perHalf(t), registers)).toEqual([2, 2]);
	});

	it('counts weekend offers on the DST change Sundays', () => {
		const t = makeThreshold({ id: 'we', label: 'Wochenendangebot', where: { weekend: true } });
		const r = year2027({
			familyEducationOffers: [course('2027-03-26', '2027-03-28'), course('2027-10-29'), course('2027-10-31')]
		});
		expect(counts(perHalf(t), r)).toEqual([1, 1]);
	});

	it('counts per month with `months`, including the leap day', () => {
		const t = makeThreshold({
			id: 'm',
			source: 'officeHourSessions',
			per: 'month',
			months: 2,
			label: 'Sprechstunde'
		});
		const criterion = perHalf(t);
		const leap = {
			data: data({ officeHourSessions: [makeOfficeHourSession({ date: '2028-02-29' })] }),
			period: calendarYear('2028-01-01'),
			today: '2028-12-31'
		};
		const one = evaluateCriterionRequirement(criterion, { statuses: new Map(), registers: leap });
		expect(one.thresholds[0].windows[1].count).toBe(1);
		expect(one.met).toBe(false);
		expect(one.missing).toEqual(['Sprechstunde: in 1 von 2 Monaten erreicht']);
		// Register data is never changed in place (counts are remembered per data object).
		leap.data = {
			...leap.data,
			officeHourSessions: [...leap.data.officeHourSessions, makeOfficeHourSession({ date: '2028-03-01' })]
		};
		expect(evaluateCriterionRequirement(criterion, { statuses: new Map(), registers: leap }).met).toBe(true);
		const every = perHalf({ ...t, months: undefined });
		expect(evaluateCriterionRequirement(every, { statuses: new Map(), registers: leap }).met).toBe(false);
	});

	it('never counts deleted entries and applies the filters', () => {
		const r = year2027({
			familyEducationOffers: [
				{ ...eight('2027-02-01'), deleted: true },
				{ ...eight('2027-02-01'), kind: 'elterncafe' },
				eight('2027-09-01')
			],
			childminderContacts: [
				makeChildminderContact({ date: '2027-03-03', count: 4, kind: 'beratung' }),
				makeChildminderContact({ date: '2027-03-03', count: 9, kind: 'vermittlung' })
			],
			preventionOffers: [makePreventionOffer({ validFrom: '2026-01-01', validTo: '2027-07-31' })],
			qualifications: [
				makeQualification({ endDate: '2019-12-30', hours: 40 }),
				makeQualification({ endDate: '2021-01-10', hours: 40 }),
				makeQualification({ endDate: '2027-09-10', hours: 4 })
			]
		});
		const kurs = makeThreshold({ id: 'k', where: { minSessions: 8, offerKinds: ['elternkurs'] } });
		expect(counts(perHalf(kurs), r)).toEqual([0, 1]);
		const contacts = makeThreshold({
			id: 'c',
			source: 'childminderContacts',
			per: 'period',
			where: { contactKinds: ['beratung'] }
		});
		expect(counts(perHalf(contacts), r)).toEqual([4]);
		expect(counts(perHalf(makeThreshold({ id: 'p', source: 'preventionOffers' })), r)).toEqual([1, 0]);
		const quali = makeThreshold({
			id: 'q',
			source: 'qualifications',
			per: 'period',
			where: { minHours: 30, maxAgeYears: 7 }
		});
		expect(counts(perHalf(quali), r)).toEqual([1]);
	});

	it('reaches nothing without registers', () => {
		const r = evaluateCriterionRequirement(perHalf(), { statuses: new Map() });
		expect(r).toMatchObject({
			met: false,
			cost: 1,
			missing: ['Kurs mit mindestens 8 Terminen: keine Registerdaten']
		});
	});
});

describe('per site', () => {
	const sites = [
		{ id: 'fz-test', name: 'Kita Sonne' },
		{ id: 'kita-mond', name: 'Kita Mond' }
	];
	const t = makeThreshold({ id: 's', source: 'officeHourSessions', per: 'period', label: 'Sprechstunde' });
	const registers = year2027({
		officeHourSessions: [
			makeOfficeHourSession({ date: '2027-03-03' }),
			makeOfficeHourSession({ date: '2027-03-04', siteId: 'kita-mond' })
		]
	});

	it('counts entries without a site for the first site (the own Kita)', () => {
		const criterion = makeCriterion({ id: '5.1', perSite: true, thresholds: [t] });
		const r = evaluateCriterionRequirement(criterion, { statuses: new Map(), registers, sites });
		expect(r.met).toBe(true);
		expect(r.sites.map((s) => [s.name, s.met])).toEqual([
			['Kita Sonne', true],
			['Kita Mond', true]
		]);
	});

	it('is met only when every site reaches the minimum', () => {
		const two = { ...t, min: 2 };
		const criterion = makeCriterion({ id: '5.1', perSite: true, thresholds: [two] });
		const r = evaluateCriterionRequirement(criterion, { statuses: new Map(), registers, sites });
		expect(r.met).toBe(false);
		expect(r.missing).toEqual([
			'Kita Sonne: Kalenderjahr 2027: 1 von 2 Sprechstunde',
			'Kita Mond: Kalenderjahr 2027: 1 von 2 Sprechstunde'
		]);
		// Jointly the two sessions would do.
		expect(evaluateCriterionRequirement(criterion, { statuses: new Map(), registers }).met).toBe(true);
		// A shared sub-item missing at both sites is named once.
		const withItem = makeCriterion({ ...criterion, items: [{ id: '5.1.1', title: 'Aushang' }] });
		expect(evaluateCriterionRequirement(withItem, { statuses: new Map(), registers, sites }).missing).toEqual(
			[
				'5.1.1 Aushang',
				'Kita Sonne: Kalenderjahr 2027: 1 von 2 Sprechstunde',
				'Kita Mond: Kalenderjahr 2027: 1 von 2 Sprechstunde'
			]
		);
		// A threshold asked per site in a criterion that is not.
		const perSiteThreshold = makeCriterion({ id: '5.2', thresholds: [{ ...two, perSite: true }] });
		expect(
			evaluateCriterionRequirement(perSiteThreshold, { statuses: new Map(), registers, sites }).met
		).toBe(false);
	});
});
