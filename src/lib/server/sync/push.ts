import type { SessionUser } from '$lib/domain/accounts';
import type { PushRequest, PushResponse, PushResult } from '$lib/domain/sync/protocol';
import { writeAudit } from '../audit';
import type { ServerContext } from '../context';
import { ApiError, badRequest } from '../http/errors';
import { applyChange, type ChangeOutcome, type PushBatch } from './applyChange';
import { claimRevisions, lockRecords, RevisionCounter } from './revisions';
import { syncDb, type SyncDatabase } from './schema';
import { loadRecords, recordKey, saveCitations, saveRecords, type ServerRecord } from './store';
import type { Kysely } from 'kysely';

export type PushOutcome = { kind: 'done'; response: PushResponse } | { kind: 'gap'; expectedSeq: number };

/**
 * Processes one pushed batch in one transaction (see docs/sync.md): locks the device and the records
 * the batch touches, refuses a gap in the device's sequence, acknowledges what it processed before
 * and applies the rest in order; the revision counter is taken only for the final write of the
 * records (see revisions.ts). Nothing of a batch is stored unless all of it is.
 */
export async function pushChanges(
	ctx: ServerContext,
	user: SessionUser,
	request: PushRequest
): Promise<PushOutcome> {
	const first = request.changes[0].seq;
	if (request.changes.some((change, i) => change.seq !== first + i)) {
		throw badRequest('Die Änderungen müssen lückenlos und in Reihenfolge gesendet werden.');
	}
	return syncDb(ctx.db)
		.transaction()
		.execute(async (trx) => {
			const now = ctx.now();
			const lastSeq = await lockDevice(trx, request.deviceId, user, now);
			if (first > lastSeq + 1) return { kind: 'gap', expectedSeq: lastSeq + 1 };

			await lockRecords(trx, request.changes);
			const batch: PushBatch = {
				user,
				deviceId: request.deviceId,
				now,
				counter: new RevisionCounter(),
				records: await loadRecords(trx, request.changes),
				dirty: new Map(),
				citations: new Map(),
				hasBlob: cachedLookup((sha) => ctx.blobs.has(sha))
			};
			const replayed = request.changes.filter((c) => c.seq <= lastSeq);
			const fresh = request.changes.filter((c) => c.seq > lastSeq);
			const results: PushResult[] = await answerReplayed(trx, batch, replayed);
			const outcomes: ChangeOutcome[] = [];
			for (const change of fresh) outcomes.push(await applyChange(batch, change));

			await saveCitations(trx, batch.citations.values());
			const newLastSeq = Math.max(lastSeq, request.changes.at(-1)!.seq);
			if (newLastSeq > lastSeq) await saveDeviceSeq(trx, request.deviceId, newLastSeq);
			await saveRejections(trx, request.deviceId, fresh, outcomes);
			await auditPush(trx, user, request.deviceId, fresh, outcomes, now);

			// Last: the counter stays taken until the commit (see revisions.ts).
			const base = batch.counter.count > 0 ? await claimRevisions(trx, batch.counter.count) : 0;
			for (const record of batch.dirty.values()) resolveRevisions(record, base);
			await saveRecords(trx, batch.dirty.values());
			fresh.forEach((change, i) => results.push(toResult(change.seq, outcomes[i], base)));
			return { kind: 'done', response: { results, lastSeq: newLastSeq } };
		});
}

/**
 * Registers a new device for the user, or locks a known one until the transaction ends (so two
 * pushes of one device never run at once), and returns its processed seq. A device pushes for one
 * user only: a shared tablet has one device id per user.
 */
async function lockDevice(
	trx: Kysely<SyncDatabase>,
	deviceId: string,
	user: SessionUser,
	now: Date
): Promise<number> {
	const device = await trx
		.insertInto('sync_devices')
		.values({ device_id: deviceId, user_id: user.id, last_seq: 0, updated_at: now.toISOString() })
		.onConflict((oc) =>
			oc.column('device_id').doUpdateSet((eb) => ({ updated_at: eb.ref('excluded.updated_at') }))
		)
		.returning(['user_id', 'last_seq'])
		.executeTakeFirstOrThrow();
	if (device.user_id !== user.id) {
		throw new ApiError(
			403,
			'device_of_other_user',
			'Diese Änderungen stammen von einer anderen Anmeldung auf diesem Gerät und werden nicht übertragen.'
		);
	}
	return Number(device.last_seq);
}

/** Replaces the provisional revisions of a record the batch wrote by the claimed real ones. */
function resolveRevisions(record: ServerRecord, base: number): void {
	record.revision = RevisionCounter.resolve(record.revision, base);
	for (const [field, revision] of Object.entries(record.fieldRevisions)) {
		record.fieldRevisions[field] = RevisionCounter.resolve(revision, base);
	}
}

/** Changes processed before: acknowledged again, with their rejection if they were rejected. */
async function answerReplayed(
	trx: Kysely<SyncDatabase>,
	batch: PushBatch,
	replayed: PushRequest['changes']
): Promise<PushResult[]> {
	if (replayed.length === 0) return [];
	const rejections = await trx
		.selectFrom('sync_rejections')
		.select(['seq', 'code', 'reason'])
		.where('device_id', '=', batch.deviceId)
		.where('seq', '>=', replayed[0].seq)
		.where('seq', '<=', replayed.at(-1)!.seq)
		.execute();
	const rejected = new Map(rejections.map((r) => [Number(r.seq), r]));
	return replayed.map((change): PushResult => {
		const rejection = rejected.get(change.seq);
		if (rejection) {
			return {
				seq: change.seq,
				status: 'rejected',
				code: rejection.code as PushResult['code'],
				reason: rejection.reason
			};
		}
		const stored = batch.records.get(recordKey(change.table, change.recordId));
		return { seq: change.seq, status: 'duplicate', ...(stored ? { revision: stored.revision } : {}) };
	});
}

function toResult(seq: number, outcome: ChangeOutcome, base: number): PushResult {
	if (outcome.status === 'rejected')
		return { seq, status: 'rejected', code: outcome.code, reason: outcome.reason };
	const revision = RevisionCounter.resolve(outcome.revision, base);
	const result: PushResult = { seq, status: 'accepted', revision };
	if (outcome.conflicts.length > 0) result.conflicts = outcome.conflicts;
	return result;
}

async function saveDeviceSeq(trx: Kysely<SyncDatabase>, deviceId: string, lastSeq: number): Promise<void> {
	await trx
		.updateTable('sync_devices')
		.set({ last_seq: lastSeq })
		.where('device_id', '=', deviceId)
		.execute();
}

async function saveRejections(
	trx: Kysely<SyncDatabase>,
	deviceId: string,
	changes: PushRequest['changes'],
	outcomes: ChangeOutcome[]
): Promise<void> {
	const rows = outcomes.flatMap((outcome, i) =>
		outcome.status === 'rejected'
			? [{ device_id: deviceId, seq: changes[i].seq, code: outcome.code, reason: outcome.reason }]
			: []
	);
	if (rows.length > 0) await trx.insertInto('sync_rejections').values(rows).execute();
}

/** One audit entry per facility a push touched: who, from which device, how many changes of which kind. */
async function auditPush(
	trx: Kysely<SyncDatabase>,
	user: SessionUser,
	deviceId: string,
	changes: PushRequest['changes'],
	outcomes: ChangeOutcome[],
	now: Date
): Promise<void> {
	const byFacility = new Map<
		string | null,
		{ accepted: number; rejected: number; conflicts: number; tables: Record<string, number> }
	>();
	outcomes.forEach((outcome, i) => {
		const summary = byFacility.get(outcome.facilityId) ?? {
			accepted: 0,
			rejected: 0,
			conflicts: 0,
			tables: {}
		};
		if (outcome.status === 'accepted') {
			summary.accepted += 1;
			summary.conflicts += outcome.conflicts.length;
		} else summary.rejected += 1;
		summary.tables[changes[i].table] = (summary.tables[changes[i].table] ?? 0) + 1;
		byFacility.set(outcome.facilityId, summary);
	});
	for (const [facilityId, summary] of byFacility) {
		await writeAudit(trx, {
			at: now,
			userId: user.id,
			facilityId,
			action: 'sync.push',
			entity: 'device',
			entityId: deviceId,
			detail: summary
		});
	}
}

function cachedLookup(lookup: (key: string) => Promise<boolean>): (key: string) => Promise<boolean> {
	const cache = new Map<string, Promise<boolean>>();
	return (key) => {
		if (!cache.has(key)) cache.set(key, lookup(key));
		return cache.get(key)!;
	};
}
