import { createHash } from 'node:crypto';
import type { SessionUser } from '$lib/domain/accounts';
import { citedAttachments } from '$lib/domain/sync/attachments';
import type { SyncConflict } from '$lib/domain/sync/conflict';
import { tableDefaults } from '$lib/domain/sync/defaults';
import { mergeChange, sameValue, type MergeOutcome } from '$lib/domain/sync/merge';
import type { ClientChange, FieldConflict } from '$lib/domain/sync/protocol';
import { isSyncedTableName, type SyncedTableName } from '$lib/domain/sync/tables';
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
	/** Whether the facility may cite the file: it owns it (uploaded the bytes) and the server has them. */
	hasFile(sha256: string, facilityId: string): Promise<boolean>;
	/** Reads a stored record the batch did not load up front (a conflict record, rarely needed). */
	loadRecord(table: string, recordId: string): Promise<ServerRecord | null>;
	/** Display name of the user of a device (who wrote a conflict's kept value), or null. */
	writerName(deviceId: string): Promise<string | null>;
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
	const owner = ownerOf(batch.user, stored, change);
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

	const checked = !stored || merged.applied.length > 0 ? checkRecord(change.table, merged.record) : null;
	if (checked && !checked.ok) return reject(owner, 'validation', checked.reason);
	// A clash over the resolution of a conflict is not itself a conflict: the first resolution holds.
	const conflicts =
		change.table === 'syncConflicts'
			? []
			: checkConflicts(change.table, checked?.record ?? stored!.record, merged.conflicts);
	if (!Array.isArray(conflicts)) return reject(owner, 'validation', conflicts.reason);

	let current = stored;
	// Only a change of what is stored takes a revision: not one whose values the schema dropped.
	if (checked && (!stored || changesContent(stored.record, checked.record))) {
		const missing = await findMissingFile(batch, owner, checked.record, stored);
		if (missing) return reject(owner, 'missing_attachment', missing);
		batch.counter.next();
		current = withRecord(change.table, change.recordId, owner, merged, checked.record, revision);
		batch.records.set(key, current);
		batch.dirty.set(key, current);
	}

	for (const conflict of conflicts) {
		Object.assign(conflict, await keptAuthor(batch, stored, conflict.field));
		await storeConflict(batch, owner, change, conflict);
	}
	return { status: 'accepted', facilityId: owner, revision: current!.revision, conflicts };
}

/**
 * Who wrote the value the server kept, and when: the record's last change when that set the field
 * (its `updatedBy`/`updatedAt` are then the field's), else the user of the device that set it last
 * (the time is not kept per field).
 */
async function keptAuthor(
	batch: PushBatch,
	stored: ServerRecord | null,
	field: string
): Promise<{ keptBy: string; keptAt: string | null }> {
	if (!stored) return { keptBy: '', keptAt: null };
	const { record, fieldRevisions, fieldWriters } = stored;
	const revision = fieldRevisions[field] ?? 0;
	if (revision > 0 && revision === fieldRevisions.updatedBy && typeof record.updatedBy === 'string') {
		return {
			keptBy: record.updatedBy,
			keptAt: typeof record.updatedAt === 'string' ? record.updatedAt : null
		};
	}
	const writer = fieldWriters[field];
	const name = writer && writer !== 'server' ? await batch.writerName(writer) : null;
	return { keptBy: name ?? '', keptAt: null };
}

/** Fields that follow any applied change; they alone do not make one. */
const BOOKKEEPING_FIELDS = ['updatedAt', 'updatedBy'];

function changesContent(stored: Record<string, unknown>, parsed: Record<string, unknown>): boolean {
	const content = (record: Record<string, unknown>) =>
		Object.fromEntries(Object.entries(record).filter(([field]) => !BOOKKEEPING_FIELDS.includes(field)));
	return !sameValue(content(stored), content(parsed));
}

/**
 * The conflicts of a change with the other value as the schema reads it, so that only valid values
 * reach the centre's devices; a German reason when one is not valid in the record.
 */
function checkConflicts(
	table: SyncedTableName,
	record: Record<string, unknown>,
	conflicts: FieldConflict[]
): FieldConflict[] | { reason: string } {
	const checked: FieldConflict[] = [];
	for (const conflict of conflicts) {
		const withOther = checkRecord(table, { ...record, [conflict.field]: conflict.otherValue });
		if (!withOther.ok) {
			return {
				reason: `Der abweichende Wert für „${conflict.field}“ wurde nicht übernommen. ${withOther.reason}`
			};
		}
		// A field the schema does not know is dropped from the record, and so is its conflict.
		if (!Object.hasOwn(withOther.record, conflict.field)) continue;
		checked.push({ ...conflict, otherValue: withOther.record[conflict.field] ?? null });
	}
	return checked;
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

/**
 * A German reason when the record cites a file its facility has not uploaded (the client uploads
 * first). A file only another facility owns is refused in the same words as a missing one: knowing
 * a hash must neither give a centre the file nor tell it that the server has it.
 */
async function findMissingFile(
	batch: PushBatch,
	facilityId: string,
	record: Record<string, unknown>,
	stored: ServerRecord | null
): Promise<string | null> {
	// The record was accepted citing these before: its facility owns them (or their bytes are lost
	// since, which must not block edits of its other fields).
	const before = new Set(stored ? citedAttachments(stored.record).map((f) => f.sha256) : []);
	for (const file of citedAttachments(record)) {
		if (before.has(file.sha256) || (await batch.hasFile(file.sha256, facilityId))) continue;
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
		keptBy: conflict.keptBy ?? '',
		keptAt: conflict.keptAt ?? null,
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
