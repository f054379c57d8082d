import { describe, expect, it } from 'vitest';
import {
	daysUntilSealExpiry,
	expiringEvidence,
	formatDaysLeft,
	sealExpirySentence,
	sealExpiryState
} from './deadlines';

describe('seal expiry', () => {
	it('counts calendar days to the last valid day, across the autumn DST switch', () => {
		expect(daysUntilSealExpiry('2026-10-26', '2026-10-24')).toBe(2);
		expect(daysUntilSealExpiry('2026-11-21', '2026-11-21')).toBe(0);
		expect(daysUntilSealExpiry('2026-11-21', '2026-11-24')).toBe(-3);
		expect(daysUntilSealExpiry(null, '2026-11-24')).toBeNull();
	});

	it('turns to soon 180 days before and to expired the day after the last valid day', () => {
		expect(sealExpiryState(null, '2026-01-01')).toBe('none');
		expect(sealExpiryState('2026-12-31', '2026-07-03')).toBe('ok'); // 181 days
		expect(sealExpiryState('2026-12-31', '2026-07-04')).toBe('soon'); // 180 days
		expect(sealExpiryState('2026-12-31', '2026-12-31')).toBe('soon');
		expect(sealExpiryState('2026-12-31', '2027-01-01')).toBe('expired');
	});

	it('says in a sentence how long the seal is still valid', () => {
		expect(sealExpirySentence('2026-11-21', '2026-11-20')).toBe(
			'Das Gütesiegel gilt noch 1 Tag (bis 21.11.2026).'
		);
		expect(sealExpirySentence('2026-11-21', '2026-11-21')).toBe(
			'Das Gütesiegel gilt nur noch heute (21.11.2026).'
		);
		expect(sealExpirySentence('2026-11-21', '2026-11-24')).toBe(
			'Das Gütesiegel ist seit 3 Tagen abgelaufen (gültig bis 21.11.2026).'
		);
		expect(sealExpirySentence(null, '2026-11-24')).toMatch(/kein Ablaufdatum/);
	});
});

describe('days left in words', () => {
	it('uses singular and plural German forms', () => {
		expect(formatDaysLeft(23)).toBe('noch 23 Tage');
		expect(formatDaysLeft(1)).toBe('noch 1 Tag');
		expect(formatDaysLeft(0)).toBe('heute');
		expect(formatDaysLeft(-1)).toBe('seit 1 Tag abgelaufen');
		expect(formatDaysLeft(-3)).toBe('seit 3 Tagen abgelaufen');
	});
});

describe('expiring evidence', () => {
	const base = { deleted: false, criterionIds: ['1.1'] };
	const evidence = [
		{ ...base, id: 'e1', title: 'Kooperationsvertrag EB', validUntil: '2026-12-01' },
		{ ...base, id: 'e2', title: 'Erste-Hilfe-Kurs', validUntil: '2026-11-01' },
		{ ...base, id: 'e3', title: 'Ohne Ablauf', validUntil: null },
		{ ...base, id: 'e4', title: 'Gelöscht', validUntil: '2026-11-02', deleted: true },
		{ ...base, id: 'e5', title: 'Alt abgelaufen', validUntil: '2025-01-01' },
		{ ...base, id: 'e6', title: 'Gerade abgelaufen', validUntil: '2026-10-24' },
		{ ...base, id: 'e7', title: 'Weit weg', validUntil: '2027-06-01' },
		{ ...base, id: 'e0', title: 'Heute letzter Tag', validUntil: '2026-10-25' },
		{ ...base, id: 'e8', title: 'Gleicher Tag wie e2', validUntil: '2026-11-01' }
	];

	it('lists soon-expiring evidence soonest first and expired evidence separately', () => {
		const { expiringSoon, expired } = expiringEvidence(evidence, '2026-10-25');
		expect(expiringSoon.map((e) => [e.id, e.daysLeft])).toEqual([
			['e0', 0],
			['e2', 7],
			['e8', 7],
			['e1', 37]
		]);
		expect(expired.map((e) => [e.id, e.daysLeft])).toEqual([
			['e6', -1],
			['e5', -662]
		]);
		expect(expiringSoon[0].title).toBe('Heute letzter Tag');
	});

	it('respects a custom window', () => {
		const { expiringSoon } = expiringEvidence(evidence, '2026-10-25', 7);
		expect(expiringSoon.map((e) => e.id)).toEqual(['e0', 'e2', 'e8']);
	});
});
