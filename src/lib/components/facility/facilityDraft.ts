import type { z } from 'zod';
import { facilityProfileSchema, type FacilityProfile, type VerbundMember } from '$lib/domain/records';

/** The fields of the facility profile the leader edits in the Einrichtung form. */
export type FacilityDraft = Pick<
	FacilityProfile,
	| 'name'
	| 'traeger'
	| 'jugendamt'
	| 'street'
	| 'postalCode'
	| 'city'
	| 'sealValidUntil'
	| 'chosenProfileAreas'
> & {
	verbundMembers: VerbundMember[];
	/** Verbund roles; null: the profile's own Kita (see domain/verbund/checks.ts). */
	grantRecipientSiteId: string | null;
	contactSiteId: string | null;
};

export const MAX_VERBUND_MEMBERS = 4;

export function draftFromProfile(profile: FacilityProfile): FacilityDraft {
	return {
		name: profile.name,
		traeger: profile.traeger,
		jugendamt: profile.jugendamt,
		street: profile.street,
		postalCode: profile.postalCode,
		city: profile.city,
		sealValidUntil: profile.sealValidUntil,
		chosenProfileAreas: [...profile.chosenProfileAreas],
		verbundMembers: profile.verbundMembers.map((m) => ({ ...m })),
		grantRecipientSiteId: profile.grantRecipientSiteId ?? null,
		contactSiteId: profile.contactSiteId ?? null
	};
}

/** The draft as it will be saved: surrounding blanks dropped (the form itself keeps them). */
export function cleanDraft(draft: FacilityDraft): FacilityDraft {
	return {
		name: draft.name.trim(),
		traeger: draft.traeger.trim(),
		jugendamt: draft.jugendamt.trim(),
		street: draft.street.trim(),
		postalCode: draft.postalCode.trim(),
		city: draft.city.trim(),
		sealValidUntil: draft.sealValidUntil || null,
		chosenProfileAreas: [...draft.chosenProfileAreas],
		verbundMembers: draft.verbundMembers.map((m) => ({
			...m,
			name: m.name.trim(),
			address: m.address.trim()
		})),
		grantRecipientSiteId: draft.grantRecipientSiteId ?? null,
		contactSiteId: draft.contactSiteId ?? null
	};
}

/** Field-by-field equality, independent of the order in which an object's keys were written. */
export function sameDraft(a: FacilityDraft, b: FacilityDraft): boolean {
	const key = (d: FacilityDraft) =>
		JSON.stringify([
			d.name,
			d.traeger,
			d.jugendamt,
			d.street,
			d.postalCode,
			d.city,
			d.sealValidUntil,
			[...d.chosenProfileAreas].sort(),
			d.verbundMembers.map((m) => [m.id, m.name, m.address]),
			d.grantRecipientSiteId ?? null,
			d.contactSiteId ?? null
		]);
	return key(a) === key(b);
}

/**
 * Validates the draft against the one schema of the facility profile. Returns the cleaned draft or
 * German messages keyed by field path ("postalCode", "verbundMembers.0.name").
 */
export function validateDraft(
	profile: FacilityProfile,
	draft: FacilityDraft
): { ok: true; value: FacilityDraft } | { ok: false; errors: Record<string, string> } {
	const value = cleanDraft(draft);
	const result = facilityProfileSchema.safeParse({ ...profile, ...value });
	if (result.success) return { ok: true, value };
	const errors: Record<string, string> = {};
	for (const issue of result.error.issues) {
		const key = issue.path.join('.');
		errors[key] ??= germanMessage(issue);
	}
	return { ok: false, errors };
}

/**
 * The schema carries German messages for what a user typically gets wrong (name missing, postal
 * code, more than four other Kitas); length limits and date formats keep zod's English defaults
 * there, so they are put into German here.
 */
function germanMessage(issue: z.core.$ZodIssue): string {
	if (issue.code === 'too_big' && issue.origin === 'string')
		return `Bitte höchstens ${issue.maximum} Zeichen`;
	if (issue.code === 'invalid_format' && issue.format === 'date') return 'Bitte ein gültiges Datum angeben';
	return issue.message;
}
