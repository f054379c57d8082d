import { isSyncedTable, syncedTable } from '$lib/client/db/changes';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import type { RecordBase } from '$lib/domain/records';
import { citedAttachments } from '$lib/domain/sync/attachments';
import { overlayPendingChanges } from '$lib/domain/sync/merge';
import type { ClientChange, PulledRecord, PushResponse } from '$lib/domain/sync/protocol';
import { fixPendingChanges, pendingByRecord } from './applyServerChanges';
import { syncScope } from './outbox';
import { readStrings, SYNC_META_KEYS, writeMeta } from './syncMeta';

const keyOf = (table: string, recordId: string) => `${table}\u0000${recordId}`;

/**
 * After a push: where the server did not take a change as sent (it refused it, or a conflict kept
 * the server's value), the device shows the record as the server holds it, from the push's answer;
 * the refused change stays listed in „Zu klären“ and the conflict goes to the Leitung. A pull could
 * not do this: the record's revision may lie behind the cursor. A refused new record the server has
 * no copy of is taken off this device (its values stay with the refused change, to be sent again).
 * Still pending changes are laid on top, as after a pull; the cursor does not move.
 */
export async function showServerCopies(
	target: WorkspaceDb,
	sent: readonly ClientChange[],
	response: PushResponse
): Promise<void> {
	const changes = new Map(sent.map((change) => [change.seq, change]));
	const copies = new Map<string, PulledRecord>();
	const refusedNew: ClientChange[] = [];
	for (const result of response.results) {
		const change = changes.get(result.seq);
		if (result.current) copies.set(keyOf(result.current.table, result.current.recordId), result.current);
		else if (result.status === 'rejected' && change?.baseRevision === 0) refusedNew.push(change);
	}
	if (copies.size === 0 && refusedNew.length === 0) return;

	await target.transaction('rw', syncScope(target), async () => {
		const pending = await pendingByRecord(target);
		const wanted = new Set(await readStrings(target, SYNC_META_KEYS.wantedAttachments));
		for (const [key, copy] of copies) {
			if (!isSyncedTable(copy.table)) continue;
			const known = await target.syncRevisions.get([copy.table, copy.recordId]);
			if (known && known.revision > copy.revision) continue;
			const entries = pending.get(key) ?? [];
			if (entries.length > 0) await fixPendingChanges(target, copy, entries);
			const record = overlayPendingChanges(
				{ ...copy.record, deleted: copy.deleted },
				entries.map((entry) => ({ op: entry.op, values: entry.values ?? {} }))
			);
			await syncedTable(target, copy.table).put(record as RecordBase & Record<string, unknown>);
			await target.syncRevisions.put({ table: copy.table, recordId: copy.recordId, revision: copy.revision });
			if (!copy.deleted) for (const file of citedAttachments(copy.record)) wanted.add(file.sha256);
		}
		for (const change of refusedNew) {
			const key = keyOf(change.table, change.recordId);
			if (!isSyncedTable(change.table) || copies.has(key) || pending.has(key)) continue;
			// A record this device ever pulled exists on the server: keep it as it is.
			if (await target.syncRevisions.get([change.table, change.recordId])) continue;
			await syncedTable(target, change.table).delete(change.recordId);
		}
		await writeMeta(target, SYNC_META_KEYS.wantedAttachments, [...wanted]);
	});
}
