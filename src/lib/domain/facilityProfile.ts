import type { FacilityProfile } from './records';

/**
 * A new facility profile, complete with every default `facilityProfileSchema` fills in and in the
 * schema's field order. Built without zod because the very first start creates one before the
 * Übersicht can show, and that must not wait for the validation library; the unit test checks the
 * result against the schema.
 */
export function newFacilityProfile(
	fields: Pick<FacilityProfile, 'id' | 'name' | 'catalogueId' | 'catalogueVersion'>,
	stamp: { now: string; updatedBy: string }
): FacilityProfile {
	return {
		id: fields.id,
		facilityId: fields.id,
		createdAt: stamp.now,
		updatedAt: stamp.now,
		updatedBy: stamp.updatedBy,
		deleted: false,
		name: fields.name,
		traeger: '',
		jugendamt: '',
		street: '',
		postalCode: '',
		city: '',
		verbundMembers: [],
		sealValidUntil: null,
		chosenProfileAreas: [],
		catalogueId: fields.catalogueId,
		catalogueVersion: fields.catalogueVersion
	};
}
