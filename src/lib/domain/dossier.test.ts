import { describe, expect, it } from 'vitest';
import {
	dossierPeriodSchema,
	evidenceCountsForPeriod,
	feedbackRequestSchema,
	registerKeyFigures
} from './dossier';
import { periodFromKey } from './periods';

const kj2025 = periodFromKey('kj-2025')!;

describe('evidence that counts for a review period', () => {
	it.each([
		['dated inside the period', { date: '2025-10-01', validUntil: null }, true],
		['dated before it and still valid', { date: '2023-05-01', validUntil: null }, true],
		['dated before it and valid into it', { date: '2023-05-01', validUntil: '2025-08-01' }, true],
		['expired before it began', { date: '2023-05-01', validUntil: '2025-07-31' }, false],
		['dated after it ended', { date: '2026-08-01', validUntil: null }, false]
	])('%s', (_name, evidence, counts) => {
		expect(evidenceCountsForPeriod(evidence, kj2025)).toBe(counts);
	});
});

describe('a period in a handed-in dossier', () => {
	it('must match its key', () => {
		expect(dossierPeriodSchema.safeParse(kj2025).success).toBe(true);
		expect(dossierPeriodSchema.safeParse({ ...kj2025, end: '2026-06-30' }).success).toBe(false);
		expect(dossierPeriodSchema.safeParse({ ...kj2025, kind: 'kalenderjahr' }).success).toBe(false);
	});
});

describe('the advisor’s feedback', () => {
	it('needs words when the criterion is to be improved, not when it fits', () => {
		expect(feedbackRequestSchema.safeParse({ verdict: 'passt', text: '' }).success).toBe(true);
		const missing = feedbackRequestSchema.safeParse({ verdict: 'nachbessern', text: '   ' });
		expect(missing.error?.issues[0]).toMatchObject({
			path: ['text'],
			message: 'Bitte kurz schreiben, was nachgebessert werden soll.'
		});
	});
});

describe('register key figures of a dossier', () => {
	it('reads the sums it knows and leaves out what an older app did not send', () => {
		expect(
			registerKeyFigures({
				officeHours: { sessionsHeld: 10, minutes: 900, contacts: 25 },
				familyEducation: { offers: 3, sessions: 12, participants: 80 },
				partners: { partners: 4, byStatus: { valid: 3 } },
				prevention: { offersActive: [{}, {}] }
			})
		).toEqual([
			'Sprechstunden: 10 gehalten, 15 Std., 25 Kontakte',
			'Familienbildung: 3 Angebote, 12 Termine, 80 Teilnahmen',
			'Kooperationspartner: 4, davon 3 mit gültiger Vereinbarung',
			'Prävention: 2 laufende Angebote'
		]);
		expect(registerKeyFigures({ officeHours: 'kaputt' })).toEqual([]);
		expect(registerKeyFigures(null)).toEqual([]);
	});
});
