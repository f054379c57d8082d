import { isSyncedTable, syncedTable, syncedTableNames, type SyncedTableName } from '$lib/client/db/changes';
import { nowIso } from '$lib/client/db/ids';
import type { OutboxEntry, WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { citedAttachments } from '$lib/domain/sync/attachments';
import { MAX_PUSH_BATCH, type ClientChange, type PushResponse } from '$lib/domain/sync/protocol';
import { readNumber, SYNC_META_KEYS, writeMeta } from './syncMeta';

/** An outbox entry as read back: stored entries always have their `seq`. */
export type StoredOutboxEntry = OutboxEntry & { seq: number };

export function isPending(entry: OutboxEntry): boolean {
	return entry.status !== 'rejected';
}

/** The fields a change touched, with the record's values for them (a missing field is left out). */
export function pickValues(
	record: Record<string, unknown> | undefined,
	fields: string[]
): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	if (!record) return values;
	for (const field of fields) if (record[field] !== undefined) values[field] = record[field];
	return values;
}

async function currentValues(target: WorkspaceDb, entry: OutboxEntry): Promise<Record<string, unknown>> {
	if (!isSyncedTable(entry.table)) return {};
	return pickValues(await syncedTable(target, entry.table).get(entry.recordId), entry.fields);
}

/** Every table a sync transaction over the outbox may have to read or write. */
export function syncScope(target: WorkspaceDb) {
	return [
		target.outbox,
		target.meta,
		target.syncRevisions,
		target.uploadedAttachments,
		target.attachments,
		...syncedTableNames.map((name) => syncedTable(target, name))
	];
}

/** One batch on its way to the server: the changes, and which outbox entry each came from. */
export interface OutgoingBatch {
	changes: ClientChange[];
	/** Outbox key (`seq`) of each change, by its push sequence number. */
	entryKeys: Map<number, number>;
	/** False when the numbers were given in memory only (full device): its answer is not stored. */
	persisted: boolean;
}

/**
 * The outbox as one push run reads it (see docs/sync.md, "Outbox"): the whole outbox is read once,
 * then each batch is taken from memory and only its own entries are fixed and written, so a run over
 * n changes costs O(n) instead of a full re-read per batch. Entries added while the run goes on
 * (the user keeps working) are read by key range after the ones seen at the start. This holds
 * because nothing but sync changes or removes a pending entry, and one tab syncs at a time.
 *
 * Changes already numbered by an earlier run whose answer was lost come first, unchanged, in push
 * order; then the pending ones in the order they were made. A change is fixed (values, base
 * revision, push sequence number) the first time it is listed. A change citing a file the server
 * does not have yet waits, and with it the later changes of the same record; other records' changes
 * go ahead, so one large file holds nothing else back.
 */
export class PushQueue {
	readonly #target: WorkspaceDb;
	readonly #limit: number;
	#started = false;
	/** Numbered in an earlier run and not answered: sent again first, in push order. */
	#resend: StoredOutboxEntry[] = [];
	/** Pending, not numbered, not yet looked at: in the order they were made. */
	#unnumbered: StoredOutboxEntry[] = [];
	/** Highest outbox key read so far: later entries are new since. */
	#highestKey = 0;
	/** Records whose changes wait for a file upload (`table\0recordId`). */
	readonly #waiting = new Set<string>();
	#uploaded = new Set<string>();
	/**
	 * False on a full device: numbers are given in memory only, the same way as they would be
	 * stored (the same entries get the same numbers until stored), so a resend is a duplicate.
	 */
	#persist: boolean;
	/** The last number given in memory, when numbers cannot be stored. */
	#lastPushSeq: number | null = null;

	constructor(target: WorkspaceDb, limit = MAX_PUSH_BATCH, { persist = true }: { persist?: boolean } = {}) {
		this.#target = target;
		this.#limit = limit;
		this.#persist = persist;
	}

	/** Whether the numbers of the batches given so far are stored on the device. */
	get persisted(): boolean {
		return this.#persist;
	}

	/** From now on numbers are given in memory only (the device's storage is full). */
	keepInMemory(): void {
		this.#persist = false;
	}

	/** The next batch (at most `limit` changes, in push order), or null when nothing more can go. */
	async next(): Promise<OutgoingBatch | null> {
		if (!this.#started) await this.#readOutbox();
		const entries = this.#resend.splice(0, this.#limit);
		if (entries.length < this.#limit) entries.push(...(await this.#numberMore(this.#limit - entries.length)));
		if (entries.length === 0) return null;
		return {
			changes: entries.map(toClientChange),
			entryKeys: new Map(entries.map((entry) => [entry.pushSeq!, entry.seq])),
			persisted: this.#persist
		};
	}

	/** One read of the whole outbox (a single getAll) and of the files the server has confirmed. */
	async #readOutbox(): Promise<void> {
		const target = this.#target;
		await target.transaction('r', target.outbox, target.uploadedAttachments, async () => {
			const entries = (await target.outbox.toArray()) as StoredOutboxEntry[];
			this.#uploaded = new Set(await target.uploadedAttachments.toCollection().primaryKeys());
			this.#take(entries);
		});
		this.#resend.sort((a, b) => a.pushSeq! - b.pushSeq!);
		this.#started = true;
	}

	#take(entries: StoredOutboxEntry[]): void {
		for (const entry of entries) {
			this.#highestKey = Math.max(this.#highestKey, entry.seq);
			if (!isPending(entry)) continue;
			if (entry.pushSeq === undefined) this.#unnumbered.push(entry);
			else this.#resend.push(entry);
		}
	}

	/**
	 * Fixes and numbers up to `wanted` more changes in one transaction: the records and revisions they
	 * need are read in bulk, the numbered entries written in one bulkPut.
	 */
	async #numberMore(wanted: number): Promise<StoredOutboxEntry[]> {
		const taken: StoredOutboxEntry[] = [];
		try {
			return await this.#numberInTransaction(wanted, taken);
		} catch (error) {
			// Nothing of the failed transaction is stored: the entries it took are looked at again.
			for (const entry of taken) delete entry.pushSeq;
			this.#unnumbered.unshift(...taken);
			throw error;
		}
	}

	async #numberInTransaction(wanted: number, taken: StoredOutboxEntry[]): Promise<StoredOutboxEntry[]> {
		const target = this.#target;
		return target.transaction(this.#persist ? 'rw' : 'r', syncScope(target), async () => {
			const listed: StoredOutboxEntry[] = [];
			let lastPushSeq = this.#lastPushSeq ?? (await readNumber(target, SYNC_META_KEYS.lastPushSeq));
			for (;;) {
				if (listed.length >= wanted) break;
				if (this.#unnumbered.length === 0) {
					// Changes made since the run started (or since the last look).
					const added = await target.outbox.where(':id').above(this.#highestKey).toArray();
					this.#take(added as StoredOutboxEntry[]);
					if (this.#unnumbered.length === 0) break;
				}
				// As many as are still wanted; those that wait for a file make the loop take more.
				const candidates = this.#unnumbered.splice(0, wanted - listed.length);
				taken.push(...candidates);
				await fixValues(target, candidates);
				const toUpload = await filesToUpload(target, candidates, this.#uploaded);
				for (const entry of candidates) {
					const key = `${entry.table}\u0000${entry.recordId}`;
					if (this.#waiting.has(key) || citedAttachments(entry.values).some((f) => toUpload.has(f.sha256))) {
						this.#waiting.add(key);
						continue;
					}
					entry.pushSeq = ++lastPushSeq;
					listed.push(entry);
				}
			}
			if (!this.#persist) this.#lastPushSeq = lastPushSeq;
			else if (listed.length > 0) {
				await target.outbox.bulkPut(listed);
				await writeMeta(target, SYNC_META_KEYS.lastPushSeq, lastPushSeq);
			}
			return listed;
		});
	}
}

/**
 * Fills in the values and base revisions not fixed yet, reading the records (one bulkGet per table)
 * and their revisions (one bulkGet) the entries need. Must run inside a transaction over syncScope.
 */
async function fixValues(target: WorkspaceDb, entries: StoredOutboxEntry[]): Promise<void> {
	const byTable = new Map<SyncedTableName, StoredOutboxEntry[]>();
	for (const entry of entries) {
		if (entry.values !== undefined) continue;
		if (!isSyncedTable(entry.table)) {
			entry.values = {};
			continue;
		}
		if (!byTable.has(entry.table)) byTable.set(entry.table, []);
		byTable.get(entry.table)!.push(entry);
	}
	for (const [table, waiting] of byTable) {
		const records = await syncedTable(target, table).bulkGet(waiting.map((e) => e.recordId));
		waiting.forEach((entry, i) => (entry.values = pickValues(records[i], entry.fields)));
	}
	const unbased = entries.filter((entry) => entry.baseRevision === undefined);
	if (unbased.length === 0) return;
	const revisions = await target.syncRevisions.bulkGet(unbased.map((e) => [e.table, e.recordId]));
	unbased.forEach((entry, i) => (entry.baseRevision = revisions[i]?.revision ?? 0));
}

/**
 * The changes to push next, in order, at most `limit` (what the first batch of a push run would
 * send); they are numbered and resent unchanged until the server answers.
 */
export async function listClientChanges(
	target: WorkspaceDb,
	limit = MAX_PUSH_BATCH,
	{ persist = true }: { persist?: boolean } = {}
): Promise<ClientChange[]> {
	return (await new PushQueue(target, limit, { persist }).next())?.changes ?? [];
}

/**
 * The files the entries cite that are on this device but not confirmed by the server: changes
 * citing them wait until they are uploaded. A file without local bytes is not among them: there is
 * nothing to upload, so the change goes, and the server says whether it has the file (from another
 * device) or rejects the change with the reason. One query for all the entries.
 */
async function filesToUpload(
	target: WorkspaceDb,
	entries: StoredOutboxEntry[],
	uploaded: Set<string>
): Promise<Set<string>> {
	const cited = new Set<string>();
	for (const entry of entries) {
		for (const file of citedAttachments(entry.values)) if (!uploaded.has(file.sha256)) cited.add(file.sha256);
	}
	if (cited.size === 0) return cited;
	return new Set(
		await target.attachments
			.where('sha256')
			.anyOf([...cited])
			.primaryKeys()
	);
}

function toClientChange(entry: StoredOutboxEntry): ClientChange {
	return {
		seq: entry.pushSeq!,
		table: entry.table,
		recordId: entry.recordId,
		op: entry.op,
		values: entry.values ?? {},
		baseRevision: entry.baseRevision ?? 0,
		changedAt: entry.createdAt
	};
}

/**
 * Applies the server's answer in one transaction: accepted and duplicate changes leave the outbox
 * (one bulkDelete); rejected ones stay, marked with the reason, and are not sent again. `entryKeys`
 * (from the batch that was sent) says which entries the answer is about; without it they are found
 * by reading the outbox. Returns the push sequence numbers the answer did not settle.
 */
export async function recordPushResults(
	target: WorkspaceDb,
	response: PushResponse,
	entryKeys?: Map<number, number>
): Promise<number[]> {
	return target.transaction('rw', target.outbox, async () => {
		const keys = entryKeys ?? (await numberedEntryKeys(target));
		const at = nowIso();
		const settled: number[] = [];
		const rejected: { key: number; changes: Partial<OutboxEntry> }[] = [];
		const answered = new Set<number>();
		for (const result of response.results) {
			const key = keys.get(result.seq);
			if (key === undefined) continue;
			answered.add(result.seq);
			if (result.status !== 'rejected') settled.push(key);
			else {
				const rejection = { code: result.code ?? 'validation', reason: result.reason ?? 'Abgelehnt.', at };
				rejected.push({ key, changes: { status: 'rejected', rejection } });
			}
		}
		await target.outbox.bulkDelete(settled);
		if (rejected.length > 0) await target.outbox.bulkUpdate(rejected);
		return entryKeys ? [...entryKeys.keys()].filter((seq) => !answered.has(seq)) : [];
	});
}

/** Outbox keys of the numbered pending entries, by push sequence number (one read of the outbox). */
async function numberedEntryKeys(target: WorkspaceDb): Promise<Map<number, number>> {
	const keys = new Map<number, number>();
	for (const entry of (await target.outbox.toArray()) as StoredOutboxEntry[]) {
		if (isPending(entry) && entry.pushSeq !== undefined) keys.set(entry.pushSeq, entry.seq);
	}
	return keys;
}

/**
 * After the server refused a gap: it has lost changes this device sent before (say, restored from
 * a backup). Those are gone from the outbox, so the pending changes are numbered again from where
 * the server stands, and sync goes on.
 */
export async function renumberPendingChanges(target: WorkspaceDb, expectedSeq: number): Promise<void> {
	await target.transaction('rw', target.outbox, target.meta, async () => {
		const numbered = (
			await target.outbox.filter((e) => isPending(e) && e.pushSeq !== undefined).toArray()
		).sort((a, b) => a.pushSeq! - b.pushSeq!);
		let next = expectedSeq;
		for (const entry of numbered) await target.outbox.update(entry.seq!, { pushSeq: next++ });
		await writeMeta(target, SYNC_META_KEYS.lastPushSeq, next - 1);
	});
}

/**
 * Marks the waiting changes citing a file the server refused (wrong type, too large) as rejected
 * with its reason: they could never be sent, and the user must see why.
 */
export async function rejectChangesCiting(
	target: WorkspaceDb,
	sha256: string,
	reason: string
): Promise<void> {
	await target.transaction('rw', syncScope(target), async () => {
		const waiting = (await target.outbox.toArray()).filter(
			(e) => isPending(e) && e.pushSeq === undefined
		) as StoredOutboxEntry[];
		const at = nowIso();
		for (const entry of waiting) {
			const values = entry.values ?? (await currentValues(target, entry));
			if (!citedAttachments(values).some((f) => f.sha256 === sha256)) continue;
			await target.outbox.update(entry.seq, {
				values,
				status: 'rejected',
				rejection: { code: 'upload_refused', reason, at }
			});
		}
	});
}

export async function countPendingChanges(target: WorkspaceDb): Promise<number> {
	return (await countOutboxEntries(target)).pending;
}

export interface OutboxCounts {
	pending: number;
	rejected: number;
	/** The highest outbox key (0 for an empty outbox): entries are keyed in the order they are made. */
	highestKey: number;
}

/**
 * Pending and rejected changes, from one read of the outbox: one getAll costs a fraction of a
 * filtering cursor, which Chromium answers entry by entry.
 */
export async function countOutboxEntries(target: WorkspaceDb): Promise<OutboxCounts> {
	const entries = (await target.outbox.toArray()) as StoredOutboxEntry[];
	const rejected = entries.filter((entry) => !isPending(entry)).length;
	const highestKey = entries.reduce((highest, entry) => Math.max(highest, entry.seq), 0);
	return { pending: entries.length - rejected, rejected, highestKey };
}
