import { updateRecord } from '$lib/client/db/changes';
import { preventionProfileId, type PreventionProfile } from '$lib/domain/registers/prevention';
import type { AgreementFile } from './agreementFile';
import { registerEntries, type RegisterFields } from './entries';
import { withAgreementFile } from './partners';

/** Profilbereich Prävention: one profile per facility, and its offers. */
export const preventionOffers = registerEntries('preventionOffers');

export const addPreventionOffer = preventionOffers.add;
export const updatePreventionOffer = preventionOffers.update;
export const deletePreventionOffer = preventionOffers.remove;

/**
 * Creates or changes the facility's prevention profile. Its id is derived from the facility, so two
 * devices that fill it in offline meet in one record when they sync.
 */
export async function savePreventionProfile(
	facilityId: string,
	fields: RegisterFields<'preventionProfiles'>,
	file: AgreementFile | null = null
): Promise<{ profile: PreventionProfile; attachmentError: string | null }> {
	const { agreement, attachmentError } = await withAgreementFile(
		'preventionProfiles',
		facilityId,
		fields,
		file
	);
	const id = preventionProfileId(facilityId);
	const input = { ...fields, agreement };
	const profile = await updateRecord('preventionProfiles', id, input, {
		createWith: { ...input, id, facilityId }
	});
	return { profile, attachmentError };
}
