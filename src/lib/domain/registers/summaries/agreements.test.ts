import { describe, expect, it } from 'vitest';
import { makePartner, makePreventionProfile } from '$fixtures/registers';
import { agreementStatus, agreementValidOn, expiringAgreements, summarisePartners } from './agreements';

const TODAY = '2026-11-21';
const SEAL = '2028-07-31';
const agreement = (validUntil: string | null, signedOn = '2024-01-10') => ({
	signedOn,
	validUntil,
	attachment: null
});

describe('partner agreements', () => {
	it('are valid, expiring within 90 days, expiring before the re-certification or expired', () => {
		expect(agreementStatus(null, TODAY, SEAL)).toBe('none');
		expect(agreementStatus(agreement(null), TODAY, SEAL)).toBe('valid');
		expect(agreementStatus(agreement('2029-01-01'), TODAY, SEAL)).toBe('valid');
		expect(agreementStatus(agreement('2028-07-31'), TODAY, SEAL)).toBe('valid');
		expect(agreementStatus(agreement('2028-07-30'), TODAY, SEAL)).toBe('expiresBeforeRecertification');
		expect(agreementStatus(agreement('2027-02-20'), TODAY, SEAL)).toBe('expiresBeforeRecertification');
		expect(agreementStatus(agreement('2027-02-19'), TODAY, SEAL)).toBe('expiringSoon'); // 90 days
		expect(agreementStatus(agreement(TODAY), TODAY, SEAL)).toBe('expiringSoon');
		expect(agreementStatus(agreement('2026-11-20'), TODAY, SEAL)).toBe('expired');
		expect(agreementStatus(agreement('2027-06-01'), TODAY, null)).toBe('valid');
	});

	it('count as in force from the day of signing to the last valid day', () => {
		const a = agreement('2026-07-31', '2025-08-01');
		expect(agreementValidOn(a, '2025-07-31')).toBe(false);
		expect(agreementValidOn(a, '2025-08-01')).toBe(true);
		expect(agreementValidOn(a, '2026-07-31')).toBe(true);
		expect(agreementValidOn(a, '2026-08-01')).toBe(false);
		expect(agreementValidOn(null, '2026-01-01')).toBe(false);
	});

	it('are summed by status, deleted partners left out', () => {
		const s = summarisePartners(
			[
				makePartner({ agreement: agreement(null) }),
				makePartner({ agreement: null }),
				makePartner({ agreement: agreement('2026-12-01') }),
				makePartner({ agreement: agreement('2020-01-01'), deleted: true })
			],
			TODAY,
			SEAL
		);
		expect(s.partners).toBe(3);
		expect(s.inForce).toBe(2);
		expect(s.byStatus).toEqual({
			none: 1,
			valid: 1,
			expiresBeforeRecertification: 0,
			expiringSoon: 1,
			expired: 0
		});
		expect(s.rows[2].daysLeft).toBe(10);
	});

	it('feed the Übersicht with what needs attention, soonest first, including the municipal agreement', () => {
		const eb = makePartner({ name: 'EB Nord', agreement: agreement('2027-01-15') });
		const fbs = makePartner({
			name: 'FBS',
			kind: 'familienbildungsstaette',
			agreement: agreement('2026-10-01')
		});
		const fine = makePartner({ agreement: agreement(null) });
		const profile = makePreventionProfile({ agreement: agreement('2027-12-31') });
		const alerts = expiringAgreements(
			{ partners: [eb, fbs, fine], preventionProfile: profile, sealValidUntil: SEAL },
			TODAY
		);
		expect(alerts.map((a) => [a.title, a.status, a.daysLeft])).toEqual([
			['FBS', 'expired', -51],
			['EB Nord', 'expiringSoon', 55],
			['Präventionskette Musterstadt', 'expiresBeforeRecertification', 405]
		]);
		expect(alerts[0].kindLabel).toBe('Familienbildungsstätte');
		expect(alerts[2].source).toBe('praevention');
	});
});
