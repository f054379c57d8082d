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
	const latest = new Map<string, SyncConflict>();
	for (const conflict of await target.syncConflicts.toArray()) {
		if (conflict.resolved || conflict.deleted) continue;
		const key = `${conflict.table}\u0000${conflict.recordId}\u0000${conflict.field}`;
		const seen = latest.get(key);
		if (!seen || seen.updatedAt < conflict.updatedAt) latest.set(key, conflict);
	}
	const open = [...latest.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
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
 * The Leitung's choice. „kept“ leaves the record as the server has it; „other“ writes the other
 * value as an ordinary change on the current revision. Either way the conflict is marked resolved,
 * in the same transaction, and both sync to every device of the centre.
 */
export async function resolveConflict(conflict: SyncConflict, choice: 'kept' | 'other'): Promise<void> {
	const table = conflict.table;
	if (choice === 'other' && !isSyncedTable(table)) {
		throw new Error('Diesen Eintrag kennt diese Version der App nicht; bitte zuerst aktualisieren.');
	}
	const target = db;
	const scope = [target.syncConflicts, target.outbox, target.meta];
	if (isSyncedTable(table)) scope.push(syncedTable(target, table) as unknown as (typeof scope)[number]);
	await target.transaction('rw', scope, async () => {
		if (choice === 'other') {
			const current = await syncedTable(target, table as SyncedTableName).get(conflict.recordId);
			if (!current) throw new Error('Der Eintrag ist auf diesem Gerät nicht (mehr) vorhanden.');
			await putRecord(
				table as SyncedTableName,
				{ ...current, [conflict.field]: conflict.otherValue } as never
			);
		}
		await updateRecord('syncConflicts', conflict.id, { resolved: true, resolution: choice });
	});
}
