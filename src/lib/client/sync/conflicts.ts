import {
	isSyncedTable,
	putRecord,
	syncedTable,
	updateRecord,
	type SyncedTableName
} from '$lib/client/db/changes';
import { db } from '$lib/client/db';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import type { SyncConflict } from '$lib/domain/sync/conflict';
import { bothTextsOf } from '$lib/domain/sync/keepBoth';

/** The Leitung's choice: the server's value, the other device's, or (for text) both joined. */
export type ConflictChoice = 'kept' | 'other' | 'both';

export interface ConflictView {
	conflict: SyncConflict;
	/** The record the conflict is about, as this device has it now (undefined if not here). */
	record: Record<string, unknown> | undefined;
}

/**
 * Conflicts waiting for the Leitung, oldest first, each with the record it is about; one per record
 * and field (the server keeps one; conflicts stored before it did are folded here, the latest shown).
 */
export async function readOpenConflicts(target: WorkspaceDb = db): Promise<ConflictView[]> {
	const open = latestOpen(await target.syncConflicts.toArray());
	return Promise.all(
		open.map(async (conflict) => ({
			conflict,
			record: isSyncedTable(conflict.table)
				? await syncedTable(target, conflict.table).get(conflict.recordId)
				: undefined
		}))
	);
}

/**
 * The open conflicts about one record (any table when `table` is left out: record ids are unique),
 * for the marker where the record is edited.
 */
export async function readRecordConflicts(
	recordId: string,
	table?: string,
	target: WorkspaceDb = db
): Promise<SyncConflict[]> {
	const about = await target.syncConflicts.where('recordId').equals(recordId).toArray();
	return latestOpen(about.filter((c) => table === undefined || c.table === table));
}

/** Open conflicts, one per record and field (the latest), oldest first. */
function latestOpen(conflicts: SyncConflict[]): SyncConflict[] {
	const latest = new Map<string, SyncConflict>();
	for (const conflict of conflicts) {
		if (conflict.resolved || conflict.deleted) continue;
		const key = `${conflict.table}\u0000${conflict.recordId}\u0000${conflict.field}`;
		const seen = latest.get(key);
		if (!seen || seen.updatedAt < conflict.updatedAt) latest.set(key, conflict);
	}
	return [...latest.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * The Leitung's choice. „kept“ leaves the record as the server has it; „other“ writes the other
 * value as an ordinary change on the current revision; „both“ writes both texts joined under
 * their authors' names. Either way the conflict is marked resolved, in the same transaction, and
 * both sync to every device of the centre.
 */
export async function resolveConflict(conflict: SyncConflict, choice: ConflictChoice): Promise<void> {
	const table = conflict.table;
	if (choice !== 'kept' && !isSyncedTable(table)) {
		throw new Error('Diesen Eintrag kennt diese Version der App nicht; bitte zuerst aktualisieren.');
	}
	const target = db;
	const scope = [target.syncConflicts, target.outbox, target.meta];
	if (isSyncedTable(table)) scope.push(syncedTable(target, table) as unknown as (typeof scope)[number]);
	await target.transaction('rw', scope, async () => {
		if (choice !== 'kept') {
			const current = await syncedTable(target, table as SyncedTableName).get(conflict.recordId);
			if (!current) throw new Error('Der Eintrag ist auf diesem Gerät nicht (mehr) vorhanden.');
			const value = choice === 'both' ? bothTextsOf(conflict) : conflict.otherValue;
			await putRecord(table as SyncedTableName, { ...current, [conflict.field]: value } as never);
		}
		await updateRecord('syncConflicts', conflict.id, { resolved: true, resolution: choice });
	});
}
