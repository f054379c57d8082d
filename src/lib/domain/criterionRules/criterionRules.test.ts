import { describe, expect, it } from 'vitest';
import { kindergartenYear } from '$lib/domain/periods';
import { emptyRegisterData, type RegisterData } from '$lib/domain/registers/registerData';
import { evaluateCriterionRules } from './evaluate';
import { criterionRuleSchema, type CriterionRule } from './schema';
import {
	makeChildminderArrangement,
	makeChildminderContact,
	makeFamilyEducationOffer,
	makeOfficeHourSession,
	makePartner,
	makePreventionOffer,
	makePreventionProfile
} from '$fixtures/registers';

const period = kindergartenYear('2025-08-01');
const AFTER = '2026-09-01';

function data(overrides: Partial<RegisterData>): RegisterData {
	return { ...emptyRegisterData(), ...overrides };
}
function rules(...r: unknown[]): { rules: CriterionRule[] } {
	return { rules: r.map((x) => criterionRuleSchema.parse(x)) };
}
const monthly = (months: string[]) => months.map((m) => makeOfficeHourSession({ date: `${m}-10` }));

describe('criterion rules against the registers', () => {
	it('suggest nothing for a criterion without rules', () => {
		expect(evaluateCriterionRules({}, emptyRegisterData(), period, AFTER)).toEqual({
			suggestion: null,
			reasons: [],
			results: []
		});
	});

	it('count the months with office hours held and say so in German', () => {
		const eleven = monthly([
			'2025-08',
			'2025-09',
			'2025-10',
			'2025-11',
			'2025-12',
			'2026-01',
			'2026-02',
			'2026-03',
			'2026-04',
			'2026-05',
			'2026-07'
		]);
		const r = evaluateCriterionRules(
			rules({ kind: 'officeHoursMonthly', minMonths: 10 }),
			data({ officeHourSessions: eleven }),
			period,
			AFTER
		);
		expect(r.suggestion).toBe('erfuellt');
		expect(r.reasons).toEqual(['Sprechstunden in 11 von 12 Monaten gehalten (mindestens 10)']);
		const nine = evaluateCriterionRules(
			rules({ kind: 'officeHoursMonthly' }),
			data({ officeHourSessions: eleven.slice(2) }),
			period,
			AFTER
		);
		expect(nine.suggestion).toBeNull();
		expect(nine.reasons).toEqual(['Sprechstunden in 9 von 12 Monaten gehalten (mindestens 10)']);
	});

	it('count Familienbildung offers of the period, optionally only of some kinds', () => {
		const offers = [
			makeFamilyEducationOffer({ kind: 'elternkurs' }),
			makeFamilyEducationOffer({ kind: 'elterncafe', sessions: [{ date: '2026-07-31', participants: 3 }] }),
			makeFamilyEducationOffer({ kind: 'elternkurs', sessions: [{ date: '2026-08-01', participants: 3 }] }),
			makeFamilyEducationOffer({ kind: 'sprachkurs' })
		];
		const all = evaluateCriterionRules(
			rules({ kind: 'familyEducationOffers', min: 3 }),
			data({ familyEducationOffers: offers }),
			period,
			AFTER
		);
		expect(all.suggestion).toBe('erfuellt');
		expect(all.reasons).toEqual(['3 Familienbildungsangebote im Zeitraum (mindestens 3)']);
		const some = evaluateCriterionRules(
			rules({ kind: 'familyEducationOffers', min: 3, offerKinds: ['elternkurs', 'elterncafe'] }),
			data({ familyEducationOffers: offers }),
			period,
			AFTER
		);
		expect(some.suggestion).toBeNull();
		expect(some.reasons).toEqual([
			'2 Angebote der Art Elternkurs oder Elterncafé im Zeitraum (mindestens 3)'
		]);
	});

	it('want a written agreement with a partner of the kind, in force at the end of the period', () => {
		const expiredEarly = makePartner({
			name: 'EB Alt',
			agreement: { signedOn: '2020-01-01', validUntil: '2026-06-30', attachment: null }
		});
		const rule = rules({ kind: 'partnerAgreement', partnerKind: 'erziehungsberatungsstelle' });
		const missing = evaluateCriterionRules(rule, data({ partners: [expiredEarly] }), period, AFTER);
		expect(missing.suggestion).toBeNull();
		expect(missing.reasons).toEqual([
			'Keine gültige schriftliche Vereinbarung mit einem Partner der Art Erziehungsberatungsstelle'
		]);
		// While the period still runs, "in force" means today.
		expect(
			evaluateCriterionRules(rule, data({ partners: [expiredEarly] }), period, '2026-03-01').suggestion
		).toBe('erfuellt');
		const good = makePartner({
			name: 'EB Nord',
			agreement: { signedOn: '2024-01-01', validUntil: '2027-07-31', attachment: null }
		});
		const met = evaluateCriterionRules(rule, data({ partners: [expiredEarly, good] }), period, AFTER);
		expect(met.suggestion).toBe('erfuellt');
		expect(met.reasons).toEqual([
			'Gültige Vereinbarung mit Erziehungsberatungsstelle: EB Nord (bis 31.07.2027)'
		]);
		const noPaper = makePartner({ agreement: null });
		expect(evaluateCriterionRules(rule, data({ partners: [noPaper] }), period, AFTER).suggestion).toBeNull();
	});

	it('sum Kindertagespflege contacts and find arrangements of a kind', () => {
		const contacts = [
			makeChildminderContact({ date: '2025-09-01', count: 6 }),
			makeChildminderContact({ date: '2026-07-31', kind: 'vermittlung', count: 4 }),
			makeChildminderContact({ date: '2026-08-01', count: 40 })
		];
		const r = evaluateCriterionRules(
			rules(
				{ kind: 'childminderContacts', min: 10 },
				{ kind: 'childminderArrangement', arrangementKind: 'raum_fuer_tagespflege' }
			),
			data({
				childminderContacts: contacts,
				childminderArrangements: [makeChildminderArrangement({ label: 'Tagespflegeperson B' })]
			}),
			period,
			AFTER
		);
		expect(r.suggestion).toBe('erfuellt');
		expect(r.reasons).toEqual([
			'10 Kontakte zur Kindertagespflege im Zeitraum (mindestens 10)',
			'Raum für Tagespflege im Zeitraum: Tagespflegeperson B'
		]);
	});

	it('suggest erfüllt only when every rule of the criterion is met', () => {
		const r = evaluateCriterionRules(
			rules({ kind: 'childminderContacts', min: 1 }, { kind: 'officeHoursMonthly', minMonths: 1 }),
			data({ childminderContacts: [makeChildminderContact({ date: '2025-09-01' })] }),
			period,
			AFTER
		);
		expect(r.suggestion).toBeNull();
		expect(r.results.map((x) => x.met)).toEqual([true, false]);
		expect(r.reasons[0]).toBe('1 Kontakt zur Kindertagespflege im Zeitraum (mindestens 1)');
	});

	it('check the prevention network: profile, municipal agreement and offers', () => {
		const rule = rules({ kind: 'preventionNetwork' });
		expect(evaluateCriterionRules(rule, emptyRegisterData(), period, AFTER).reasons).toEqual([
			'Prävention: kein Netzwerk oder Programm eingetragen; keine gültige Vereinbarung mit der Kommune; keine Präventionsangebote im Zeitraum'
		]);
		const r = evaluateCriterionRules(
			rule,
			data({ preventionProfile: makePreventionProfile(), preventionOffers: [makePreventionOffer()] }),
			period,
			AFTER
		);
		expect(r.suggestion).toBe('erfuellt');
		expect(r.reasons).toEqual([
			'Prävention: Präventionskette Musterstadt, Vereinbarung mit der Kommune gültig, 1 Angebot im Zeitraum'
		]);
	});

	it('reject unknown partner or offer kinds in a catalogue with a German message', () => {
		const bad = criterionRuleSchema.safeParse({
			kind: 'partnerAgreement',
			partnerKind: 'erziehungsberatung'
		});
		expect(bad.success).toBe(false);
		expect(bad.error?.issues[0].message).toMatch(/^Unbekannte Art eines Kooperationspartners/);
		expect(
			criterionRuleSchema.safeParse({ kind: 'familyEducationOffers', min: 2, offerKinds: ['kurs'] }).success
		).toBe(false);
		expect(criterionRuleSchema.parse({ kind: 'officeHoursMonthly' })).toEqual({
			kind: 'officeHoursMonthly',
			minMonths: 10
		});
	});
});
