import { describe, expect, it } from 'vitest';
import { calendarYear } from '$lib/domain/periods';
import { emptyRegisterData } from '$lib/domain/registers/registerData';
import { makeQualification } from '$fixtures/registers';
import { evaluateCriterionRules } from './evaluate';
import { criterionRuleSchema } from './schema';
import { evaluateQualificationsRule, qualificationsRuleSchema } from './qualifications';

const cy2026 = calendarYear('2026-01-01');
const AFTER = '2027-03-01';
const trainings = qualificationsRuleSchema.parse({
	kind: 'qualifications',
	min: 2,
	qualificationKinds: ['fortbildung'],
	minHours: 6,
	maxAgeYears: 7
});

describe('the qualifications rule', () => {
	it('counts a training of exactly 6 hours and not one of 5.5', () => {
		const six = makeQualification({ hours: 6, endDate: '2026-03-02' });
		const less = makeQualification({ hours: 5.5, endDate: '2026-03-02' });
		expect(evaluateQualificationsRule(trainings, [six, six], cy2026, AFTER)).toEqual({
			met: true,
			reason: '2 Fortbildungen mit mindestens 6 Stunden, nicht älter als 7 Jahre (mindestens 2)'
		});
		expect(evaluateQualificationsRule(trainings, [six, less], cy2026, AFTER)).toEqual({
			met: false,
			reason:
				'1 Fortbildung mit mindestens 6 Stunden, nicht älter als 7 Jahre (mindestens 2); nicht gezählt: 1 mit weniger Stunden'
		});
	});

	it('counts a course exactly 7 years old at the end of the period, not one a day older', () => {
		const exactly = makeQualification({ startDate: '2019-12-31', endDate: '2019-12-31' });
		const dayOlder = makeQualification({ startDate: '2019-12-30', endDate: '2019-12-30' });
		const one = qualificationsRuleSchema.parse({ kind: 'qualifications', maxAgeYears: 7 });
		expect(evaluateQualificationsRule(one, [exactly], cy2026, AFTER).met).toBe(true);
		expect(evaluateQualificationsRule(one, [dayOlder], cy2026, AFTER)).toEqual({
			met: false,
			reason: '0 Qualifikationen nicht älter als 7 Jahre (mindestens 1); nicht gezählt: 1 zu alt'
		});
	});

	it('measures the age at today while the period runs, and leaves out courses not yet ended', () => {
		const one = qualificationsRuleSchema.parse({ kind: 'qualifications', maxAgeYears: 7 });
		const course = makeQualification({ startDate: '2019-06-15', endDate: '2019-06-15' });
		// On 15 June 2026 the course is exactly seven years old; a day later it is older.
		expect(evaluateQualificationsRule(one, [course], cy2026, '2026-06-15').met).toBe(true);
		expect(evaluateQualificationsRule(one, [course], cy2026, '2026-06-16').met).toBe(false);
		const later = makeQualification({ startDate: '2026-06-10', endDate: '2026-06-20' });
		expect(evaluateQualificationsRule(one, [later], cy2026, '2026-06-16').met).toBe(false);
		expect(evaluateQualificationsRule(one, [later], cy2026, '2026-06-20').met).toBe(true);
	});

	it('keeps 29 February apart from common years', () => {
		const one = qualificationsRuleSchema.parse({ kind: 'qualifications', maxAgeYears: 7 });
		const leap = calendarYear('2028-01-01');
		const course = makeQualification({ startDate: '2021-02-28', endDate: '2021-02-28' });
		expect(evaluateQualificationsRule(one, [course], leap, '2028-02-29').met).toBe(true);
		expect(evaluateQualificationsRule(one, [course], leap, '2028-03-01').met).toBe(false);
	});

	it('asks for one Qualifizierung of at least 30 hours, in the singular', () => {
		const rule = qualificationsRuleSchema.parse({
			kind: 'qualifications',
			qualificationKinds: ['qualifikation'],
			minHours: 30
		});
		const q = makeQualification({
			kind: 'qualifikation',
			hours: 30,
			startDate: '2024-01-10',
			endDate: '2024-06-30'
		});
		const training = makeQualification({ kind: 'fortbildung', hours: 40 });
		expect(evaluateQualificationsRule(rule, [q], cy2026, AFTER)).toEqual({
			met: true,
			reason: '1 Qualifizierung mit mindestens 30 Stunden (mindestens 1)'
		});
		expect(evaluateQualificationsRule(rule, [training], cy2026, AFTER).reason).toBe(
			'0 Qualifizierungen mit mindestens 30 Stunden (mindestens 1)'
		);
	});

	it('leaves out online courses only when the rule says so, and deleted entries always', () => {
		const inPerson = qualificationsRuleSchema.parse({ kind: 'qualifications', onlineCounts: false });
		const online = makeQualification({ online: true });
		expect(evaluateQualificationsRule(inPerson, [online], cy2026, AFTER).reason).toBe(
			'0 Qualifikationen in Präsenz (mindestens 1); nicht gezählt: 1 online'
		);
		const any = qualificationsRuleSchema.parse({ kind: 'qualifications' });
		expect(evaluateQualificationsRule(any, [online], cy2026, AFTER).met).toBe(true);
		expect(evaluateQualificationsRule(any, [makeQualification({ deleted: true })], cy2026, AFTER).met).toBe(
			false
		);
	});

	it('names several kinds with „oder“', () => {
		const rule = qualificationsRuleSchema.parse({
			kind: 'qualifications',
			min: 3,
			qualificationKinds: ['fortbildung', 'zusatzqualifikation']
		});
		expect(evaluateQualificationsRule(rule, [makeQualification()], cy2026, AFTER).reason).toBe(
			'1 Fortbildung oder Zusatzqualifikation (mindestens 3)'
		);
	});

	it('is a criterion rule like the others, and refuses unknown kinds in German', () => {
		const rules = [criterionRuleSchema.parse({ kind: 'qualifications', minHours: 6 })];
		const data = { ...emptyRegisterData(), qualifications: [makeQualification()] };
		expect(evaluateCriterionRules({ rules }, data, cy2026, AFTER)).toMatchObject({
			suggestion: 'erfuellt',
			reasons: ['1 Qualifikation mit mindestens 6 Stunden (mindestens 1)']
		});
		const bad = criterionRuleSchema.safeParse({ kind: 'qualifications', qualificationKinds: ['kurs'] });
		expect(bad.success).toBe(false);
		expect(bad.error?.issues[0].message).toContain('Unbekannte Art einer Qualifikation');
	});
});
