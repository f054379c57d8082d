import { validateRecord } from '$lib/client/db/changes';
import { RecordValidationError } from '$lib/client/db/errors';
import { newId, nowIso } from '$lib/client/db/ids';
import type { WrittenAgreementInput } from '$lib/domain/registers/common';
import type { CooperationPartner } from '$lib/domain/registers/partners';
import { agreementFileRef, tryStoreAgreementFile, type AgreementFile } from './agreementFile';
import { registerEntries, type RegisterFields } from './entries';

/** Kooperationspartner and their written agreements (with the signed file). */
const partners = registerEntries('cooperationPartners');

export const deletePartner = partners.remove;

export interface PartnerSaveResult {
	partner: CooperationPartner;
	/** null when the file (if any) was stored; otherwise why not, in German. The record is saved. */
	attachmentError: string | null;
}

/**
 * Adds (no `id`) or changes a partner. A new agreement file replaces the old reference; if its bytes
 * cannot be stored the partner is still saved with the previous file (or none) and the message says why.
 */
export async function savePartner(
	facilityId: string,
	fields: RegisterFields<'cooperationPartners'>,
	options: { id?: string; file?: AgreementFile | null } = {}
): Promise<PartnerSaveResult> {
	const { agreement, attachmentError } = await withAgreementFile(
		'cooperationPartners',
		facilityId,
		fields,
		options.file ?? null
	);
	const input = { ...fields, agreement };
	const partner = options.id
		? await partners.update(options.id, input)
		: await partners.add(facilityId, input);
	return { partner, attachmentError };
}

/**
 * Checks the record first (so a refused form leaves no file behind), then stores the file and puts
 * its reference into the agreement. Shared with the prevention profile's municipal agreement.
 */
export async function withAgreementFile<T extends 'cooperationPartners' | 'preventionProfiles'>(
	table: T,
	facilityId: string,
	fields: { agreement?: WrittenAgreementInput | null },
	file: AgreementFile | null
): Promise<{ agreement: WrittenAgreementInput | null; attachmentError: string | null }> {
	const agreement = fields.agreement ?? null;
	if (!file) return { agreement, attachmentError: null };
	if (!agreement) {
		throw new RecordValidationError(table, [
			{ path: 'agreement', message: 'Für die Datei bitte zuerst das Datum der Unterschrift angeben.' }
		]);
	}
	const ref = await agreementFileRef(file, table);
	const now = nowIso();
	validateRecord(table, {
		...fields,
		agreement: { ...agreement, attachment: ref },
		id: newId(),
		facilityId,
		createdAt: now,
		updatedAt: now,
		updatedBy: ''
	});
	const attachmentError = await tryStoreAgreementFile(file, ref);
	return { agreement: attachmentError ? agreement : { ...agreement, attachment: ref }, attachmentError };
}
