import { describe, expect, it } from 'vitest';
import { evidenceCountsForRound, isFromEarlierRound, roundMarkers } from './evidence';
import { makeRound, makeRoundEvidence as ev } from '$fixtures/rounds';

const round = makeRound();

describe('evidenceCountsForRound', () => {
	it('counts evidence dated on the first and the last day of the Prüfzeitraum', () => {
		expect(evidenceCountsForRound(ev({ date: '2027-01-01' }), round)).toEqual({ counts: true, reason: null });
		expect(evidenceCountsForRound(ev({ date: '2027-12-31' }), round)).toEqual({ counts: true, reason: null });
	});

	it('does not count evidence from 31 Dec before or 1 Jan after the period, and says why', () => {
		expect(evidenceCountsForRound(ev({ date: '2026-12-31' }), round)).toEqual({
			counts: false,
			reason: 'Datum 31.12.2026 liegt vor dem Prüfzeitraum 2027 (1. Jan – 31. Dez)'
		});
		expect(evidenceCountsForRound(ev({ date: '2028-01-01' }), round)).toEqual({
			counts: false,
			reason: 'Datum 01.01.2028 liegt nach dem Prüfzeitraum 2027 (1. Jan – 31. Dez)'
		});
		expect(evidenceCountsForRound(ev({ date: '2025-05-03' }), round).reason).toBe(
			'Datum 03.05.2025 liegt vor dem Prüfzeitraum 2027 (1. Jan – 31. Dez)'
		);
	});

	it('counts long-lived evidence carried into the round while it is valid during the period', () => {
		const carried = { date: '2024-03-01', carriedIntoRounds: ['runde-2027'] };
		expect(evidenceCountsForRound(ev({ ...carried, validUntil: null }), round).counts).toBe(true);
		expect(evidenceCountsForRound(ev({ ...carried, validUntil: '2027-01-01' }), round).counts).toBe(true);
		expect(evidenceCountsForRound(ev({ ...carried, validUntil: '2026-12-31' }), round)).toEqual({
			counts: false,
			reason: 'Übernommen, aber nur gültig bis 31.12.2026 – vor dem Prüfzeitraum 2027 (1. Jan – 31. Dez)'
		});
	});

	it('does not count long-lived evidence that was carried into another round only', () => {
		const other = ev({ date: '2024-03-01', validUntil: null, carriedIntoRounds: ['runde-2023'] });
		expect(evidenceCountsForRound(other, round).counts).toBe(false);
	});

	it('names a Kindergartenjahr with its years', () => {
		const kj = makeRound({
			periodKind: 'kindergartenjahr',
			periodStart: '2025-08-01',
			periodEnd: '2026-07-31'
		});
		expect(evidenceCountsForRound(ev({ date: '2025-07-31' }), kj).reason).toBe(
			'Datum 31.07.2025 liegt vor dem Prüfzeitraum 2025/26 (1. Aug 2025 – 31. Jul 2026)'
		);
		expect(evidenceCountsForRound(ev({ date: '2025-08-01' }), kj).counts).toBe(true);
	});
});

describe('isFromEarlierRound', () => {
	it('is true for evidence dated before the round began, even when carried over', () => {
		expect(isFromEarlierRound(ev({ date: '2026-08-30' }), round)).toBe(true);
		expect(isFromEarlierRound(ev({ date: '2023-05-01', carriedIntoRounds: [round.id] }), round)).toBe(true);
	});

	it('is false for evidence prepared since the registration or dated in the period', () => {
		expect(isFromEarlierRound(ev({ date: '2026-08-31' }), round)).toBe(false);
		expect(isFromEarlierRound(ev({ date: '2026-11-12' }), round)).toBe(false);
		expect(isFromEarlierRound(ev({ date: '2027-01-01' }), round)).toBe(false);
	});

	it('takes the period’s first day when the round has no registration date', () => {
		const noRegistration = makeRound({ registrationDate: null });
		expect(isFromEarlierRound(ev({ date: '2026-12-31' }), noRegistration)).toBe(true);
		expect(isFromEarlierRound(ev({ date: '2027-01-01' }), noRegistration)).toBe(false);
	});
});

describe('roundMarkers', () => {
	const newEachRound = {
		evidenceRequirements: [
			{ id: 'q', kind: 'qualifikation' as const, label: 'Fortbildung', newEachRound: true }
		]
	};
	const longLived = {
		evidenceRequirements: [{ id: 'v', kind: 'vereinbarung' as const, label: 'Vertrag', newEachRound: false }]
	};

	it('flags evidence of an earlier round only where the criterion wants it new each round', () => {
		const old = ev({ date: '2023-04-01', carriedIntoRounds: [round.id] });
		expect(roundMarkers(old, round, newEachRound)).toEqual({ notCounting: null, mustResubmit: true });
		expect(roundMarkers(old, round, longLived)).toEqual({ notCounting: null, mustResubmit: false });
		// Criteria of a format-1 catalogue have no evidence requirements: no flag.
		expect(roundMarkers(old, round, { evidenceRequirements: undefined }).mustResubmit).toBe(false);
		expect(roundMarkers(old, round, undefined).mustResubmit).toBe(false);
	});

	it('shows nothing without a round', () => {
		expect(roundMarkers(ev({ date: '2000-01-01' }), null, newEachRound)).toEqual({
			notCounting: null,
			mustResubmit: false
		});
	});
});
