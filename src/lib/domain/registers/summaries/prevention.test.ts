import { describe, expect, it } from 'vitest';
import { calendarYear, kindergartenYear } from '../../periods';
import { makePreventionOffer, makePreventionProfile } from '$fixtures/registers';
import { summarisePrevention } from './prevention';

const kj2025 = kindergartenYear('2025-08-01');

describe('Profilbereich Prävention per period', () => {
	it('shows nothing covered without a profile or offers', () => {
		const s = summarisePrevention(null, [], kj2025, '2026-01-01', null);
		expect(s.profile).toBeNull();
		expect(s.agreementStatus).toBe('none');
		expect(s.agreementValidInPeriod).toBe(false);
		expect(s.phasesNotCovered).toHaveLength(7);
		expect(s.kindsNotCovered).toHaveLength(6);
	});

	it('maps the offers running in the period to phases and kinds', () => {
		const offers = [
			makePreventionOffer({ phases: ['null_bis_drei'], offerKinds: ['information'], validTo: '2025-08-01' }),
			makePreventionOffer({ phases: ['grundschule'], offerKinds: ['bildung'], validTo: '2025-07-31' }),
			makePreventionOffer({ phases: ['schwangerschaft'], offerKinds: ['beratung'], validFrom: '2026-08-01' })
		];
		const s = summarisePrevention(makePreventionProfile(), offers, kj2025, '2026-01-01', null);
		expect(s.offersActive).toEqual([offers[0]]);
		expect(s.phasesCovered).toEqual(['null_bis_drei']);
		expect(s.kindsCovered).toEqual(['information']);
	});

	it('checks the municipal agreement on the last day of a past period, or today in a running one', () => {
		const profile = makePreventionProfile({
			agreement: { signedOn: '2025-01-01', validUntil: '2025-12-31', attachment: null }
		});
		const cy2025 = calendarYear('2025-01-01');
		expect(summarisePrevention(profile, [], cy2025, '2026-03-01', null).agreementValidInPeriod).toBe(true);
		expect(summarisePrevention(profile, [], kj2025, '2025-11-01', null).agreementValidInPeriod).toBe(true);
		expect(summarisePrevention(profile, [], kj2025, '2026-03-01', null).agreementValidInPeriod).toBe(false);
	});
});
