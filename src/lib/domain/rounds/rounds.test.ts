import { describe, expect, it } from 'vitest';
import { currentRound, roundPeriod } from './current';
import { roundDefaults, suggestedRoundYear } from './defaults';
import { periodLabelWithDays, roundSummary } from './labels';
import { certificationRoundSchema } from './schema';
import { makeRound } from '$fixtures/rounds';
import { checkRoundDates, validateRoundFields } from './validate';

describe('roundDefaults', () => {
	it('sets the usual calendar of a re-certification for a calendar year', () => {
		expect(roundDefaults(2027)).toEqual({
			kind: 're',
			form: 'einzel',
			periodKind: 'kalenderjahr',
			periodStart: '2027-01-01',
			periodEnd: '2027-12-31',
			registrationDate: '2026-08-31',
			documentsDue: '2026-11-30',
			siteVisitDate: '2028-06-15',
			sealValidUntil: '2032-07-31',
			note: ''
		});
	});

	it('shifts the steps for a Kindergartenjahr and passes its own checks', () => {
		const kj = roundDefaults(2025, { periodKind: 'kindergartenjahr', kind: 'neu', form: 'verbund' });
		expect(kj).toMatchObject({
			periodStart: '2025-08-01',
			periodEnd: '2026-07-31',
			kind: 'neu',
			form: 'verbund'
		});
		expect(checkRoundDates(kj)).toEqual({});
		expect(checkRoundDates(roundDefaults(2027))).toEqual({});
	});

	it('suggests the year four years after the latest round, else next year', () => {
		expect(suggestedRoundYear([makeRound()], '2026-12-05')).toBe(2031);
		expect(suggestedRoundYear([makeRound({ deleted: true })], '2026-12-05')).toBe(2027);
		expect(suggestedRoundYear([], '2026-12-05')).toBe(2027);
	});
});

describe('validateRoundFields', () => {
	const fields = roundDefaults(2027);

	it('refuses a period that ends before it begins, in German', () => {
		const result = validateRoundFields({ ...fields, periodEnd: '2026-12-31' });
		expect(result).toMatchObject({
			ok: false,
			errors: { periodEnd: 'Das Ende des Prüfzeitraums liegt vor seinem Beginn' }
		});
	});

	it('accepts a period of one day and empty key dates', () => {
		const result = validateRoundFields({
			...fields,
			periodStart: '2027-01-01',
			periodEnd: '2027-01-01',
			registrationDate: '',
			documentsDue: '',
			siteVisitDate: '',
			sealValidUntil: ''
		});
		expect(result).toMatchObject({ ok: true, value: { registrationDate: null, sealValidUntil: null } });
	});

	it('names key dates in an odd order', () => {
		const result = validateRoundFields({
			...fields,
			documentsDue: '2026-08-01',
			siteVisitDate: '2026-12-31',
			sealValidUntil: '2027-06-30'
		});
		expect(result).toEqual({
			ok: false,
			errors: {
				documentsDue: 'Die Frist für die Unterlagen liegt vor der Anmeldung',
				siteVisitDate: 'Der Besuch vor Ort liegt vor dem Beginn des Prüfzeitraums',
				sealValidUntil: 'Das Gütesiegel endet vor dem Ende des Prüfzeitraums'
			}
		});
		expect(
			validateRoundFields({ ...fields, registrationDate: '2028-01-01', documentsDue: null })
		).toMatchObject({
			errors: { registrationDate: 'Die Anmeldung liegt nach dem Ende des Prüfzeitraums' }
		});
	});

	it('asks for missing or impossible period days', () => {
		const result = validateRoundFields({ ...fields, periodStart: '', periodEnd: '2027-02-30' });
		expect(result).toMatchObject({
			ok: false,
			errors: {
				periodStart: 'Bitte den Beginn des Prüfzeitraums angeben',
				periodEnd: 'Bitte ein gültiges Datum angeben'
			}
		});
	});
});

describe('labels', () => {
	it('sums a round up in one line', () => {
		expect(roundSummary(makeRound({ form: 'verbund' }))).toBe(
			'Rezertifizierung · Verbund · Prüfzeitraum Kalenderjahr 2027'
		);
		expect(
			roundSummary(
				makeRound({
					kind: 'neu',
					periodKind: 'kindergartenjahr',
					periodStart: '2025-08-01',
					periodEnd: '2026-07-31'
				})
			)
		).toBe('Erstzertifizierung · Einzeleinrichtung · Prüfzeitraum Kindergartenjahr 2025/26');
		expect(roundSummary(makeRound({ periodStart: '2027-03-01', periodEnd: '2028-02-29' }))).toBe(
			'Rezertifizierung · Einzeleinrichtung · Prüfzeitraum 01.03.2027 – 29.02.2028'
		);
	});

	it('writes the period with its days', () => {
		expect(periodLabelWithDays(makeRound())).toBe('Prüfzeitraum 2027 (1. Jan – 31. Dez)');
		expect(periodLabelWithDays(makeRound({ periodStart: '2027-03-01', periodEnd: '2029-02-28' }))).toBe(
			'Prüfzeitraum 2027–2029 (1. Mär 2027 – 28. Feb 2029)'
		);
	});

	it('labels the review period only as a year when its days are one', () => {
		expect(roundPeriod(makeRound())).toMatchObject({ label: 'Kalenderjahr 2027', key: 'cy-2027' });
		expect(roundPeriod(makeRound({ periodEnd: '2027-07-31' })).label).toBe(
			'Prüfzeitraum 01.01.2027 – 31.07.2027'
		);
	});
});

describe('currentRound', () => {
	const r2023 = makeRound({
		id: 'r2023',
		periodStart: '2023-01-01',
		periodEnd: '2023-12-31',
		siteVisitDate: '2024-06-15'
	});
	const r2027 = makeRound({ id: 'r2027' });

	it('is the round whose period contains today, from its first to its last day', () => {
		expect(currentRound([r2023, r2027], '2027-01-01')?.id).toBe('r2027');
		expect(currentRound([r2023, r2027], '2027-12-31')?.id).toBe('r2027');
	});

	it('stays with a round until its site visit, then goes to the next one', () => {
		expect(currentRound([r2023, r2027], '2024-06-15')?.id).toBe('r2023');
		expect(currentRound([r2023, r2027], '2024-06-16')?.id).toBe('r2027');
	});

	it('falls back to the round that ended last, and ignores deleted rounds', () => {
		expect(currentRound([r2023, r2027], '2029-01-01')?.id).toBe('r2027');
		expect(currentRound([r2023, { ...r2027, deleted: true }], '2026-01-01')?.id).toBe('r2023');
		expect(currentRound([], '2026-01-01')).toBeNull();
	});

	it('keeps the defaults valid for the synced schema', () => {
		expect(certificationRoundSchema.safeParse({ ...r2027, ...roundDefaults(2031) }).success).toBe(true);
	});
});
