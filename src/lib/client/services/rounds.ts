import { db } from '$lib/client/db';
import { putRecord, softDeleteRecord, updateRecord } from '$lib/client/db/changes';
import { RecordValidationError, StorageFullError, isQuotaExceeded } from '$lib/client/db/errors';
import { newId } from '$lib/client/db/ids';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import type { CertificationRound, CertificationRoundFields } from '$lib/domain/rounds/schema';
import { validateRoundFields } from '$lib/domain/rounds/validate';

/**
 * The centre's certification rounds: written through the synced write helpers, so every change is
 * checked against the round schema and gets its outbox entry in the same transaction (rounds sync
 * like every other table).
 */

/** The facility's rounds (not deleted), latest Prüfzeitraum first. A plain read `liveQuery` can watch. */
export async function readRounds(
	facilityId: string,
	target: WorkspaceDb = db
): Promise<CertificationRound[]> {
	const rows = await target.certificationRounds.where('facilityId').equals(facilityId).toArray();
	return rows
		.filter((r) => !r.deleted)
		.sort((a, b) => b.periodStart.localeCompare(a.periodStart) || a.createdAt.localeCompare(b.createdAt));
}

/** The form's fields, checked like the form checks them (German messages, odd date orders). */
function checked(fields: Record<string, unknown>): CertificationRoundFields {
	const result = validateRoundFields(fields);
	if (result.ok) return result.value;
	const issues = Object.entries(result.errors).map(([path, message]) => ({ path, message: String(message) }));
	throw new RecordValidationError('certificationRounds', issues);
}

/** Adds a round. Throws `RecordValidationError` (German) before anything is written. */
export async function addRound(
	facilityId: string,
	fields: CertificationRoundFields
): Promise<CertificationRound> {
	return putRecord('certificationRounds', { ...checked(fields), id: newId(), facilityId });
}

/** Saves the edited fields of a round. Throws `RecordValidationError` or `RecordNotFoundError`. */
export async function updateRound(id: string, fields: CertificationRoundFields): Promise<CertificationRound> {
	return updateRecord('certificationRounds', id, checked(fields));
}

/**
 * Deletes a round softly. Evidence that was carried into it keeps the round's id: it names a round
 * that no longer counts, which is harmless, and sync need not touch every such evidence record.
 */
export async function deleteRound(id: string): Promise<void> {
	await softDeleteRecord('certificationRounds', id);
}

/**
 * Carries long-lived evidence into a round in one step: adds the round's id to each item's
 * `carriedIntoRounds`, all in one transaction (all or none), each with its outbox entry. Items
 * deleted meanwhile (e.g. on another tablet) are skipped. Returns how many were carried over.
 */
export async function carryOverEvidence(roundId: string, evidenceIds: readonly string[]): Promise<number> {
	const target = db;
	try {
		return await target.transaction('rw', [target.evidence, target.outbox, target.meta], async () => {
			let carried = 0;
			for (const id of new Set(evidenceIds)) {
				const evidence = await target.evidence.get(id);
				if (!evidence || evidence.deleted) continue;
				const rounds = evidence.carriedIntoRounds ?? [];
				if (rounds.includes(roundId)) continue;
				await updateRecord('evidence', id, { carriedIntoRounds: [...rounds, roundId] });
				carried += 1;
			}
			return carried;
		});
	} catch (error) {
		if (isQuotaExceeded(error)) throw new StorageFullError(error);
		throw error;
	}
}
