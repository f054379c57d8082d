import { addDaysTo } from '../dates';
import { PREVENTION_PHASES } from './common';
import { FAMILY_EDUCATION_KINDS } from './familyEducation';
import type { RegisterData } from './registerData';
import {
	makeChildminderArrangement,
	makeChildminderContact,
	makeFamilyEducationOffer,
	makeOfficeHourPlan,
	makeOfficeHourSession,
	makePartner,
	makePreventionOffer,
	makePreventionProfile
} from './testFactories';

/**
 * A centre with five years of registers (1 Aug 2021 – 31 Jul 2026), the size the benchmark asks
 * for: 2,000 office-hour sessions, 500 courses with 4,000 sessions, 1,000 Tagespflege contacts.
 * Deterministic, so runs compare.
 */
export const BENCH_FIRST_DAY = '2021-08-01';
const DAYS = 1826;

export function makeFiveYearRegisterData(): RegisterData {
	const day = (i: number) => addDaysTo(BENCH_FIRST_DAY, i % DAYS);
	const topics = ['erziehungsfragen', 'entwicklung', 'kita_schule', 'sonstiges'] as const;
	const plan = makeOfficeHourPlan({ validFrom: BENCH_FIRST_DAY });
	return {
		officeHourPlans: [
			plan,
			makeOfficeHourPlan({ weekday: 4, validFrom: '2023-01-01', validTo: '2024-12-31' })
		],
		officeHourSessions: Array.from({ length: 2000 }, (_, i) =>
			makeOfficeHourSession({
				date: day(Math.floor((i * DAYS) / 2000)),
				durationMinutes: 60 + (i % 4) * 30,
				contacts: i % 7,
				topic: topics[i % topics.length],
				planId: i % 5 === 0 ? null : plan.id
			})
		),
		familyEducationOffers: Array.from({ length: 500 }, (_, i) =>
			makeFamilyEducationOffer({
				title: `Angebot ${i + 1}`,
				kind: FAMILY_EDUCATION_KINDS[i % FAMILY_EDUCATION_KINDS.length],
				free: i % 3 !== 0,
				location: i % 4 === 0 ? 'im_sozialraum' : 'im_zentrum',
				phases: [PREVENTION_PHASES[i % PREVENTION_PHASES.length]],
				sessions: Array.from({ length: 8 }, (_, k) => ({
					date: day(Math.floor((i * DAYS) / 500) + k * 7),
					participants: 4 + ((i + k) % 10)
				}))
			})
		),
		childminderContacts: Array.from({ length: 1000 }, (_, i) =>
			makeChildminderContact({
				date: day(Math.floor((i * DAYS) / 1000)),
				kind: (['beratung', 'vermittlung', 'infoveranstaltung'] as const)[i % 3],
				count: 1 + (i % 4)
			})
		),
		childminderArrangements: Array.from({ length: 12 }, (_, i) =>
			makeChildminderArrangement({
				label: `Tagespflegeperson ${String.fromCharCode(65 + i)}`,
				validFrom: day(i * 150)
			})
		),
		partners: Array.from({ length: 25 }, (_, i) =>
			makePartner({
				name: `Partner ${i + 1}`,
				agreement: { signedOn: day(i * 30), validUntil: day(i * 30 + 1400), attachment: null }
			})
		),
		preventionProfile: makePreventionProfile(),
		preventionOffers: Array.from({ length: 20 }, (_, i) =>
			makePreventionOffer({ title: `Präventionsangebot ${i + 1}`, validFrom: day(i * 90) })
		),
		sealValidUntil: '2028-07-31'
	};
}
