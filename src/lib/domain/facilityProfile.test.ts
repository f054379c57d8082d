import { describe, expect, it } from 'vitest';
import { newFacilityProfile } from './facilityProfile';
import { facilityProfileSchema } from './records';

describe('a new facility profile', () => {
	it('is exactly what the schema makes of it: every default filled, fields in the schema’s order', () => {
		const profile = newFacilityProfile(
			{
				id: 'f-1',
				name: 'Unser Familienzentrum',
				catalogueId: 'familienzentrum-nrw',
				catalogueVersion: '2026.1'
			},
			{ now: '2026-11-21T09:30:00.000Z', updatedBy: 'Dieses Gerät' }
		);
		const parsed = facilityProfileSchema.parse(profile);
		expect(profile).toStrictEqual(parsed);
		expect(Object.keys(profile)).toEqual(Object.keys(parsed));
		expect(profile.facilityId).toBe('f-1');
	});
});
