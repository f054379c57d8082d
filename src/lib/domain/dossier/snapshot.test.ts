import { describe, expect, it } from 'vitest';
import { periodFromKey } from '../periods';
import { dossierPeriodSchema } from './snapshot';

const kj2025 = periodFromKey('kj-2025')!;

describe('a period in a handed-in dossier', () => {
	it('must match its key', () => {
		expect(dossierPeriodSchema.safeParse(kj2025).success).toBe(true);
		expect(dossierPeriodSchema.safeParse({ ...kj2025, end: '2026-06-30' }).success).toBe(false);
		expect(dossierPeriodSchema.safeParse({ ...kj2025, kind: 'kalenderjahr' }).success).toBe(false);
	});
});
