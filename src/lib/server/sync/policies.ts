import type { SessionUser } from '$lib/domain/accounts';
import type { ClientChange } from '$lib/domain/sync/protocol';
import {
	facilityOfDerivedId,
	isSyncedTableName,
	serverWrittenTables,
	type SyncedTableName
} from '$lib/domain/sync/tables';
import { canLeadFacility, canWriteFacility, facilitiesVisibleTo } from '$lib/server/auth/permissions';
import type { ServerRecord } from './store';

/** Why a change is refused; the reason is German and shown on the device next to the change. */
export interface Rejection {
	code: 'validation' | 'permission' | 'unknown_table' | 'missing_attachment';
	reason: string;
}

/**
 * The facility a change belongs to. For a table whose ids are made from the facility id, the
 * facility the id names (if it is one of the user's), decided before the stored record is looked
 * at, so a refusal never tells whether another centre has the record. Otherwise a stored record's
 * owner, never what the change says; for a new record the facility it names, which must be one of
 * the user's own (checked next).
 */
export function ownerOf(
	user: SessionUser,
	stored: ServerRecord | null,
	change: ClientChange
): string | Rejection {
	// Conflict ids are derived from what they are about, so anyone can name another centre's: one
	// refusal whether the conflict is new or another centre's, or the answer tells that it exists.
	if (change.table === 'syncConflicts' && (!stored || !canWriteFacility(user, stored.facilityId))) {
		return user.role === 'fachberatung' ? refusedForeign(user) : CONFLICTS_BY_SERVER;
	}
	const claimed = change.values.facilityId;
	const derived = isSyncedTableName(change.table)
		? facilityOfDerivedId(change.table, change.recordId, facilitiesVisibleTo(user))
		: undefined;
	if (derived === null) return refusedForeign(user);
	if (derived !== undefined) {
		if (claimed !== undefined && claimed !== derived) {
			return {
				code: 'validation',
				reason: 'Die Kennung des Eintrags gehört zu einem anderen Familienzentrum als der Eintrag.'
			};
		}
		// Only a record taken by another centre before ids were checked (see the migration that
		// removes those): the same refusal as for any foreign id.
		if (stored && stored.facilityId !== derived) return refusedForeign(user);
		return derived;
	}
	if (stored) return stored.facilityId;
	if (typeof claimed !== 'string' || claimed === '') {
		return { code: 'validation', reason: 'Dem Eintrag fehlt die Zuordnung zu einem Familienzentrum.' };
	}
	return claimed;
}

/** The refusal for a facility the user may not write, by role only: it reveals nothing of the facility. */
function refusedForeign(user: SessionUser): Rejection {
	return checkWritePermission(user, '') ?? FOREIGN;
}

export function checkWritePermission(user: SessionUser, facilityId: string): Rejection | null {
	if (canWriteFacility(user, facilityId)) return null;
	if (user.role === 'fachberatung') {
		return {
			code: 'permission',
			reason: 'Als Fachberatung können Sie die Daten eines Familienzentrums ansehen, aber nicht ändern.'
		};
	}
	// Same words whether or not the record exists, so nothing of another centre is revealed.
	return FOREIGN;
}

const FOREIGN: Rejection = {
	code: 'permission',
	reason: 'Sie dürfen die Daten dieses Familienzentrums nicht ändern.'
};

const CONFLICTS_BY_SERVER: Rejection = {
	code: 'permission',
	reason: 'Konflikte legt nur der Server an; sie werden aufgelöst, nicht gelöscht.'
};

/** Fields a leader may change on a conflict record: the resolution (bookkeeping follows). */
const CONFLICT_RESOLUTION_FIELDS = new Set(['resolved', 'resolution', 'updatedAt', 'updatedBy']);

function isServerWrittenTable(table: string): boolean {
	return serverWrittenTables.has(table as SyncedTableName);
}

/** Rules of particular tables, on top of the facility's write permission. */
export function checkTableRules(
	user: SessionUser,
	facilityId: string,
	stored: ServerRecord | null,
	change: ClientChange
): Rejection | null {
	// The advisor's feedback is written through /api/review only; a device may read it, never change it.
	if (isServerWrittenTable(change.table)) {
		return { code: 'permission', reason: 'Rückmeldungen der Fachberatung kann nur die Fachberatung ändern.' };
	}
	if (change.table === 'feedbackMessages') return checkFeedbackMessage(stored, change);
	if (change.table === 'facilities' && !stored && change.recordId !== facilityId) {
		return { code: 'validation', reason: 'Das Profil muss die Kennung seines Familienzentrums tragen.' };
	}
	if (change.table === 'syncConflicts') {
		if (!stored || change.op === 'delete') return CONFLICTS_BY_SERVER;
		if (!canLeadFacility(user, facilityId)) {
			return { code: 'permission', reason: 'Nur die Leitung kann Konflikte auflösen.' };
		}
		if (Object.keys(change.values).some((field) => !CONFLICT_RESOLUTION_FIELDS.has(field))) {
			return { code: 'validation', reason: 'An einem Konflikt lässt sich nur die Auflösung ändern.' };
		}
	}
	return null;
}

/**
 * A thread message from a device is the centre's answer, new, and nothing else: the advisor's
 * messages come through /api/review, and no message is changed or deleted once written, so the
 * history of a review stays as it was (issue 15). The facility was checked before (own centre only).
 */
function checkFeedbackMessage(stored: ServerRecord | null, change: ClientChange): Rejection | null {
	if (stored || change.op === 'delete') {
		return {
			code: 'permission',
			reason: 'Nachrichten im Verlauf einer Rückmeldung lassen sich nicht ändern oder löschen.'
		};
	}
	if (change.values.author !== 'einrichtung' || change.values.kind !== 'antwort') {
		return {
			code: 'permission',
			reason: 'Vom Familienzentrum kommen nur Antworten; Rückmeldungen schreibt die Fachberatung.'
		};
	}
	return null;
}
