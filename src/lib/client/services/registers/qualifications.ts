import { validateRecord } from '$lib/client/db/changes';
import { newId, nowIso } from '$lib/client/db/ids';
import type { Qualification } from '$lib/domain/registers/qualifications';
import { agreementFileRef, tryStoreAgreementFile, type AgreementFile } from './agreementFile';
import { registerEntries, type RegisterFields } from './entries';

/** Qualifikationen des Teams, each with an optional certificate file. */
export const qualifications = registerEntries('qualifications');

export const deleteQualification = qualifications.remove;

export interface QualificationSaveResult {
	qualification: Qualification;
	/** null when the file (if any) was stored; otherwise why not, in German. The entry is saved. */
	attachmentError: string | null;
}

/**
 * Adds (no `id`) or changes a qualification. A new certificate replaces the old reference; the
 * record is checked first, so a refused form leaves no file behind, and if the bytes cannot be
 * stored the entry is still saved with the previous certificate (or none) and the message says why.
 */
export async function saveQualification(
	facilityId: string,
	fields: RegisterFields<'qualifications'>,
	options: { id?: string; file?: AgreementFile | null } = {}
): Promise<QualificationSaveResult> {
	let certificate = fields.certificate ?? null;
	let attachmentError: string | null = null;
	const file = options.file ?? null;
	if (file) {
		const ref = await agreementFileRef(file, 'qualifications', {
			path: 'certificate',
			fallbackName: 'Bescheinigung'
		});
		const now = nowIso();
		validateRecord('qualifications', {
			...fields,
			certificate: ref,
			id: newId(),
			facilityId,
			createdAt: now,
			updatedAt: now,
			updatedBy: ''
		});
		attachmentError = await tryStoreAgreementFile(file, ref);
		if (!attachmentError) certificate = ref;
	}
	const input = { ...fields, certificate };
	const qualification = options.id
		? await qualifications.update(options.id, input)
		: await qualifications.add(facilityId, input);
	return { qualification, attachmentError };
}
