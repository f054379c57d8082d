import { describe, expect, it } from 'vitest';
import { calendarYear, kindergartenYear } from '../../periods';
import { makeFamilyEducationOffer } from '$fixtures/registers';
import { offersInPeriod, summariseFamilyEducation } from './familyEducation';

const kj2025 = kindergartenYear('2025-08-01');
const cy2026 = calendarYear('2026-01-01');

describe('Familienbildung per review period', () => {
	it('is empty but complete for a period without offers', () => {
		const s = summariseFamilyEducation([], kj2025);
		expect(s.months).toHaveLength(12);
		expect(s).toMatchObject({ offers: 0, sessions: 0, participants: 0, freeShare: null });
		expect(s.phasesCovered).toEqual([]);
		expect(s.phasesNotCovered).toHaveLength(7);
	});

	it('counts offers, sessions and participants of the period only', () => {
		const course = makeFamilyEducationOffer({
			kind: 'elternkurs',
			sessions: [
				{ date: '2026-07-28', participants: 10 },
				{ date: '2026-07-31', participants: 9 },
				{ date: '2026-08-01', participants: 8 }
			]
		});
		const cafe = makeFamilyEducationOffer({
			kind: 'elterncafe',
			free: false,
			location: 'im_sozialraum',
			sessions: [{ date: '2025-08-01', participants: 12 }]
		});
		const later = makeFamilyEducationOffer({ sessions: [{ date: '2026-09-01', participants: 5 }] });
		const s = summariseFamilyEducation([course, cafe, later], kj2025);
		expect(s.offers).toBe(2);
		expect(s.sessions).toBe(3);
		expect(s.participants).toBe(31);
		expect(s.months[0]).toEqual({ month: '2025-08', sessions: 1, participants: 12 });
		expect(s.months[11]).toEqual({ month: '2026-07', sessions: 2, participants: 19 });
		expect(s.offersByKind).toMatchObject({ elternkurs: 1, elterncafe: 1, sprachkurs: 0 });
		expect(s.freeOffers).toBe(1);
		expect(s.freeShare).toBe(0.5);
		expect(s.offersInCentre).toBe(1);
		expect(s.offersInNeighbourhood).toBe(1);
		// The course runs across 31 Jul / 1 Aug: it counts in both Kindergartenjahre.
		expect(summariseFamilyEducation([course], kindergartenYear('2026-08-01'))).toMatchObject({
			offers: 1,
			sessions: 1,
			participants: 8
		});
	});

	it('splits 31 December and 1 January between calendar years', () => {
		const offer = makeFamilyEducationOffer({
			sessions: [
				{ date: '2025-12-31', participants: 4 },
				{ date: '2026-01-01', participants: 6 },
				{ date: '2026-12-31', participants: 7 },
				{ date: '2027-01-01', participants: 3 }
			]
		});
		const s = summariseFamilyEducation([offer], cy2026);
		expect(s.sessions).toBe(2);
		expect(s.participants).toBe(13);
		expect(s.months[0].participants).toBe(6);
		expect(s.months[11].participants).toBe(7);
	});

	it('keeps sessions on daylight-saving Sundays in their month', () => {
		const offer = makeFamilyEducationOffer({
			sessions: [
				{ date: '2026-03-29', participants: 5 },
				{ date: '2026-10-25', participants: 6 }
			]
		});
		const s = summariseFamilyEducation([offer], cy2026);
		expect(s.months[2]).toEqual({ month: '2026-03', sessions: 1, participants: 5 });
		expect(s.months[9]).toEqual({ month: '2026-10', sessions: 1, participants: 6 });
	});

	it('lists the phases of the Präventionskette covered and not covered, in chain order', () => {
		const offers = [
			makeFamilyEducationOffer({ phases: ['uebergang_kita_grundschule', 'null_bis_drei'] }),
			makeFamilyEducationOffer({ phases: ['schwangerschaft'] }),
			makeFamilyEducationOffer({
				phases: ['grundschule'],
				sessions: [{ date: '2020-01-01', participants: 1 }]
			})
		];
		const s = summariseFamilyEducation(offers, cy2026);
		expect(s.phasesCovered).toEqual(['schwangerschaft', 'null_bis_drei', 'uebergang_kita_grundschule']);
		expect(s.phasesNotCovered).toEqual([
			'drei_bis_sechs',
			'grundschule',
			'weiterfuehrende_schule',
			'uebergang_schule_beruf'
		]);
	});

	it('leaves out deleted offers', () => {
		const offers = [makeFamilyEducationOffer({ deleted: true }), makeFamilyEducationOffer()];
		expect(summariseFamilyEducation(offers, cy2026).offers).toBe(1);
		expect(offersInPeriod(offers, cy2026)).toHaveLength(1);
	});
});
