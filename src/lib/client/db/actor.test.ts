import { describe, expect, it } from 'vitest';
import { localActorSchema } from './actor';
import { readStoredActor } from './meta';

describe('the actor stored on the device', () => {
	it('is read by hand exactly as its schema reads it', () => {
		const samples: unknown[] = [
			{ displayName: 'Frau Kaya' },
			{ displayName: '  Leitung Anna  ', userId: 'anna' },
			{ displayName: 'Lea', userId: null },
			{ displayName: 'Lea', userId: undefined },
			{ displayName: 'Lea', userId: '' },
			{ displayName: 'Lea', userId: 7 },
			{ displayName: 'Lea', extra: true },
			{ displayName: '   ' },
			{ displayName: '' },
			{ displayName: 'x'.repeat(120) },
			{ displayName: ` ${'x'.repeat(120)} ` },
			{ displayName: 'x'.repeat(121) },
			{ displayName: 42 },
			{},
			null,
			undefined,
			'Frau Kaya',
			['Frau Kaya']
		];
		for (const sample of samples) {
			const parsed = localActorSchema.safeParse(sample);
			expect(readStoredActor(sample), JSON.stringify(sample)).toEqual(parsed.success ? parsed.data : null);
		}
	});
});
