import type { SessionUser } from '$lib/domain/accounts';
import type { PushRequest, PushResponse, PushResult } from '$lib/domain/sync/protocol';
import type { CompiledQuery, Kysely } from 'kysely';
import { auditStatement } from '../audit';
import type { ServerContext } from '../context';
import type { BatchedTransaction } from '../db/batchedTransaction';
import { compiledOnce } from '../db/compiledOnce';
import { ApiError, badRequest } from '../http/errors';
import { applyChange, type ChangeOutcome, type PushBatch } from './applyChange';
import { claimedBase, claimRevisionsStatement, lockRecordsStatements, RevisionCounter } from './revisions';
import { syncDb, type SyncDatabase } from './schema';
import {
	loadRecordsStatements,
	recordKey,
	recordsByKey,
	saveCitationsStatements,
	saveRecordsStatements
} from './store';

export type PushOutcome = { kind: 'done'; response: PushResponse } | { kind: 'gap'; expectedSeq: number };

/**
 * Processes one pushed batch in one transaction (see docs/sync.md): locks the device and the records
 * the batch touches, refuses a gap in the device's sequence, acknowledges what it processed before
 * and applies the rest in order; the revision counter is taken only for the final write of the
 * records (see revisions.ts). Nothing of a batch is stored unless all of it is.
 *
 * The transaction is sent in two batches (db/batchedTransaction.ts), one round trip each on
 * PostgreSQL: first lock and read, then, after the merge here, write everything and commit.
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
	const db = syncDb(ctx.db);
	return ctx.inBatchedTransaction(async (tx) => {
		const now = ctx.now();
		// Device first (so two pushes of one device never run at once), then the records, then read.
		const locks = lockRecordsStatements(db, request.changes);
		const [[device], ...loaded] = await tx.run([
			lockDeviceStatement(db, request.deviceId, user.id, now.toISOString()),
			...locks,
			...loadRecordsStatements(db, request.changes)
		]);
		const lastSeq = checkDevice(device, user);
		if (first > lastSeq + 1) return { kind: 'gap', expectedSeq: lastSeq + 1 };

		const batch: PushBatch = {
			user,
			deviceId: request.deviceId,
			now,
			counter: new RevisionCounter(),
			records: recordsByKey(loaded.slice(locks.length)),
			dirty: new Map(),
			citations: new Map(),
			hasBlob: cachedLookup((sha) => ctx.blobs.has(sha))
		};
		const replayed = request.changes.filter((c) => c.seq <= lastSeq);
		const fresh = request.changes.filter((c) => c.seq > lastSeq);
		const results: PushResult[] = await answerReplayed(tx, db, batch, replayed);
		const outcomes: ChangeOutcome[] = [];
		for (const change of fresh) outcomes.push(await applyChange(batch, change));

		const newLastSeq = Math.max(lastSeq, request.changes.at(-1)!.seq);
		const count = batch.counter.count;
		const writes = [
			...saveCitationsStatements(db, batch.citations.values()),
			...(newLastSeq > lastSeq ? [saveDeviceSeqStatement(db, request.deviceId, newLastSeq)] : []),
			...saveRejectionsStatements(db, request.deviceId, fresh, outcomes),
			...auditPushStatements(db, user, request.deviceId, fresh, outcomes, now)
		];
		// Last: the counter stays taken until the commit, which goes with it (see revisions.ts).
		const claim = count > 0 ? [claimRevisionsStatement(db, count)] : [];
		const written = await tx.commit([
			...writes,
			...claim,
			...saveRecordsStatements(db, batch.dirty.values(), count)
		]);
		const base = count > 0 ? claimedBase(written[writes.length], count) : 0;
		fresh.forEach((change, i) => results.push(toResult(change.seq, outcomes[i], base)));
		return { kind: 'done', response: { results, lastSeq: newLastSeq } };
	});
}

/**
 * Registers a new device for the user, or locks a known one until the transaction ends, and returns
 * its processed seq (`checkDevice`). A device pushes for one user only: a shared tablet has one
 * device id per user.
 */
const lockDeviceStatement = compiledOnce(
	(db: Kysely<SyncDatabase>, deviceId: string, userId: string, now: string) =>
		db
			.insertInto('sync_devices')
			.values({ device_id: deviceId, user_id: userId, last_seq: 0, updated_at: now })
			.onConflict((oc) =>
				oc.column('device_id').doUpdateSet((eb) => ({ updated_at: eb.ref('excluded.updated_at') }))
			)
			.returning(['user_id', 'last_seq'])
);

function checkDevice(row: unknown, user: SessionUser): number {
	const device = row as { user_id: string; last_seq: number | string };
	if (device.user_id !== user.id) {
		throw new ApiError(
			403,
			'device_of_other_user',
			'Diese Änderungen stammen von einer anderen Anmeldung auf diesem Gerät und werden nicht übertragen.'
		);
	}
	return Number(device.last_seq);
}

/** Changes processed before: acknowledged again, with their rejection if they were rejected. */
async function answerReplayed(
	tx: BatchedTransaction,
	db: Kysely<SyncDatabase>,
	batch: PushBatch,
	replayed: PushRequest['changes']
): Promise<PushResult[]> {
	if (replayed.length === 0) return [];
	const [rows] = await tx.run([
		db
			.selectFrom('sync_rejections')
			.select(['seq', 'code', 'reason'])
			.where('device_id', '=', batch.deviceId)
			.where('seq', '>=', replayed[0].seq)
			.where('seq', '<=', replayed.at(-1)!.seq)
			.compile()
	]);
	const rejections = rows as { seq: number | string; code: string; reason: string }[];
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

const saveDeviceSeqStatement = compiledOnce((db: Kysely<SyncDatabase>, deviceId: string, lastSeq: number) =>
	db.updateTable('sync_devices').set({ last_seq: lastSeq }).where('device_id', '=', deviceId)
);

function saveRejectionsStatements(
	db: Kysely<SyncDatabase>,
	deviceId: string,
	changes: PushRequest['changes'],
	outcomes: ChangeOutcome[]
): CompiledQuery[] {
	const rows = outcomes.flatMap((outcome, i) =>
		outcome.status === 'rejected'
			? [{ device_id: deviceId, seq: changes[i].seq, code: outcome.code, reason: outcome.reason }]
			: []
	);
	return rows.length > 0 ? [db.insertInto('sync_rejections').values(rows).compile()] : [];
}

/** One audit entry per facility a push touched: who, from which device, how many changes of which kind. */
function auditPushStatements(
	db: Kysely<SyncDatabase>,
	user: SessionUser,
	deviceId: string,
	changes: PushRequest['changes'],
	outcomes: ChangeOutcome[],
	now: Date
): CompiledQuery[] {
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
	return [...byFacility].map(([facilityId, summary]) =>
		auditStatement(db, {
			at: now,
			userId: user.id,
			facilityId,
			action: 'sync.push',
			entity: 'device',
			entityId: deviceId,
			detail: summary
		})
	);
}

function cachedLookup(lookup: (key: string) => Promise<boolean>): (key: string) => Promise<boolean> {
	const cache = new Map<string, Promise<boolean>>();
	return (key) => {
		if (!cache.has(key)) cache.set(key, lookup(key));
		return cache.get(key)!;
	};
}
