import { createHash } from 'node:crypto';
import type { SessionUser } from '$lib/domain/accounts';
import { citedAttachments } from '$lib/domain/sync/attachments';
import type { SyncConflict } from '$lib/domain/sync/conflict';
import { tableDefaults } from '$lib/domain/sync/defaults';
import { mergeChange, type MergeOutcome } from '$lib/domain/sync/merge';
import type { ClientChange, FieldConflict } from '$lib/domain/sync/protocol';
import { isSyncedTableName } from '$lib/domain/sync/tables';
import { checkTableRules, checkWritePermission, ownerOf, type Rejection } from './policies';
import type { RevisionCounter } from './revisions';
import { recordKey, type ServerRecord } from './store';
import { checkRecord } from './validation';

/** What one push works on: records loaded up front, and everything it changes, written at the end. */
export interface PushBatch {
	user: SessionUser;
	deviceId: string;
	now: Date;
	counter: RevisionCounter;
	/** Stored records the batch touches (as they stand after its earlier changes). */
	records: Map<string, ServerRecord>;
	/** Records to write when the batch is done. */
	dirty: Map<string, ServerRecord>;
	/** Files cited by accepted records, by `${sha}:${facility}`. */
	citations: Map<string, { sha256: string; facilityId: string }>;
	hasBlob(sha256: string): Promise<boolean>;
	/** Reads a stored record the batch did not load up front (a conflict record, rarely needed). */
	loadRecord(table: string, recordId: string): Promise<ServerRecord | null>;
}

export type ChangeOutcome =
	| { status: 'accepted'; facilityId: string; revision: number; conflicts: FieldConflict[] }
	| ({ status: 'rejected'; facilityId: string | null } & Rejection);

/** Checks, merges and stores one change of a push. Never throws for bad input: it rejects it. */
export async function applyChange(batch: PushBatch, change: ClientChange): Promise<ChangeOutcome> {
	if (!isSyncedTableName(change.table)) {
		return reject(null, 'unknown_table', `Einträge der Art „${change.table}“ kennt der Server nicht.`);
	}
	const key = recordKey(change.table, change.recordId);
	const stored = batch.records.get(key) ?? null;
	const owner = ownerOf(stored, change);
	if (typeof owner !== 'string') return { status: 'rejected', facilityId: null, ...owner };
	const refused =
		checkWritePermission(batch.user, owner) ?? checkTableRules(batch.user, owner, stored, change);
	if (refused) return { status: 'rejected', facilityId: owner, ...refused };
	if (!stored && change.values.id !== undefined && change.values.id !== change.recordId) {
		return reject(owner, 'validation', 'Die Kennung des Eintrags stimmt nicht mit der Änderung überein.');
	}

	const revision = batch.counter.value + 1;
	const merged = mergeChange(stored, change, {
		revision,
		deviceId: batch.deviceId,
		changedBy: batch.user.displayName,
		defaults: tableDefaults(change.table)
	});
	if (!stored) Object.assign(merged.record, { id: change.recordId, facilityId: owner });

	let current = stored;
	if (!stored || merged.applied.length > 0) {
		const checked = checkRecord(change.table, merged.record);
		if (!checked.ok) return reject(owner, 'validation', checked.reason);
		const missing = await findMissingFile(batch, checked.record, stored);
		if (missing) return reject(owner, 'missing_attachment', missing);
		batch.counter.next();
		current = withRecord(change.table, change.recordId, owner, merged, checked.record, revision);
		batch.records.set(key, current);
		batch.dirty.set(key, current);
		for (const file of citedAttachments(checked.record)) {
			batch.citations.set(`${file.sha256}:${owner}`, { sha256: file.sha256, facilityId: owner });
		}
	}

	// A clash over the resolution of a conflict is not itself a conflict: the first resolution holds.
	const conflicts = change.table === 'syncConflicts' ? [] : merged.conflicts;
	for (const conflict of conflicts) await storeConflict(batch, owner, change, conflict);
	return { status: 'accepted', facilityId: owner, revision: current!.revision, conflicts };
}

function reject(facilityId: string | null, code: Rejection['code'], reason: string): ChangeOutcome {
	return { status: 'rejected', facilityId, code, reason };
}

/** The stored record after a merge: the parsed record, with per-field bookkeeping for its fields. */
function withRecord(
	table: string,
	recordId: string,
	facilityId: string,
	merged: MergeOutcome,
	record: Record<string, unknown>,
	revision: number
): ServerRecord {
	const fieldRevisions: Record<string, number> = {};
	const fieldWriters: Record<string, string> = {};
	for (const field of Object.keys(record)) {
		// Fields the schema filled in with defaults were set by nobody (revision 0): another tablet
		// creating the same record may set them without a conflict.
		fieldRevisions[field] = merged.fieldRevisions[field] ?? 0;
		const writer = merged.fieldWriters[field];
		if (writer !== undefined) fieldWriters[field] = writer;
	}
	return {
		table,
		recordId,
		facilityId,
		record,
		revision,
		fieldRevisions,
		fieldWriters,
		deleted: record.deleted === true
	};
}

/** A German reason when the record cites a file the server does not have (the client uploads first). */
async function findMissingFile(
	batch: PushBatch,
	record: Record<string, unknown>,
	stored: ServerRecord | null
): Promise<string | null> {
	const before = new Set(stored ? citedAttachments(stored.record).map((f) => f.sha256) : []);
	for (const file of citedAttachments(record)) {
		if (before.has(file.sha256) || (await batch.hasBlob(file.sha256))) continue;
		return `Die Datei „${file.fileName}“ ist noch nicht auf dem Server. Bitte erneut synchronisieren, sobald sie hochgeladen ist.`;
	}
	return null;
}

/**
 * A conflict becomes a record of the facility, so every device of the centre shows it. There is one
 * conflict record per record and field (its id is derived from them): a later clash on the same
 * field updates the open one, or opens the resolved one again, so devices never list a field twice.
 */
async function storeConflict(
	batch: PushBatch,
	facilityId: string,
	change: ClientChange,
	conflict: FieldConflict
): Promise<void> {
	const id = conflictId(change.table, change.recordId, conflict.field);
	const key = recordKey('syncConflicts', id);
	const earlier = batch.records.get(key) ?? (await batch.loadRecord('syncConflicts', id));
	const revision = batch.counter.next();
	const now = batch.now.toISOString();
	const record: SyncConflict = {
		id,
		facilityId,
		createdAt: typeof earlier?.record.createdAt === 'string' ? earlier.record.createdAt : now,
		updatedAt: now,
		updatedBy: batch.user.displayName,
		deleted: false,
		table: change.table,
		recordId: change.recordId,
		...conflict,
		changedFields: conflict.changedFields ?? [],
		resolved: false,
		resolution: null
	};
	const fieldRevisions = Object.fromEntries(Object.keys(record).map((field) => [field, revision]));
	const fieldWriters = Object.fromEntries(Object.keys(record).map((field) => [field, 'server']));
	const stored: ServerRecord = {
		table: 'syncConflicts',
		recordId: id,
		facilityId,
		record,
		revision,
		fieldRevisions,
		fieldWriters,
		deleted: false
	};
	batch.records.set(key, stored);
	batch.dirty.set(key, stored);
}

/** The id of the one conflict record of a record's field (hashed: record ids may be 120 characters). */
export function conflictId(table: string, recordId: string, field: string): string {
	const digest = createHash('sha256').update(`${table}\u0000${recordId}\u0000${field}`).digest('hex');
	return `conflict-${digest.slice(0, 40)}`;
}
