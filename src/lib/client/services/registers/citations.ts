import { softDeleteRecord, updateRecord } from '$lib/client/db/changes';
import {
	registerCitationId,
	type CitableRegisterTable,
	type RegisterCitation
} from '$lib/domain/registers/citations';

/**
 * A criterion cites a register entry as evidence. The citation is a synced record of its own; its
 * id comes from criterion and entry, so citing twice (or again after removing) is one record.
 */
export async function citeRegisterEntry(
	facilityId: string,
	criterionId: string,
	registerTable: CitableRegisterTable,
	entryId: string
): Promise<RegisterCitation> {
	const id = registerCitationId(criterionId, registerTable, entryId);
	const fields = { facilityId, criterionId, registerTable, entryId };
	return updateRecord('registerCitations', id, fields, { createWith: { id, ...fields } });
}

/** Removes a citation (soft, so sync ships it); the register entry itself stays. */
export function removeRegisterCitation(id: string): Promise<RegisterCitation> {
	return softDeleteRecord('registerCitations', id);
}

// A read for the workspace views, so it lives with them (and needs no zod).
export { readRegisterCitations } from '$lib/client/db/queries';
