import type { SessionUser } from '$lib/domain/accounts';
import { storableText } from '$lib/domain/controlCharacters';
import type { PulledRecord, PushRequest, PushResponse, PushResult } from '$lib/domain/sync/protocol';
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { auditStatement } from '$lib/server/accounts/audit';
import { canReadFacility } from '$lib/server/auth/permissions';
import type { ServerContext } from '$lib/server/context';
import type { BatchedTransaction } from '$lib/server/db/throughput/batchedTransaction';
import { compiledOnce } from '$lib/server/db/throughput/compiledOnce';
import { ApiError } from '$lib/server/http/errors';
import { applyChange, type ChangeOutcome, type PushBatch } from './applyChange';
import { ownerStatement } from './attachments';
import {
	claimedBase,
	claimRevisionsStatement,
	conflictRecordsStatement,
	conflictSubjects,
	lockRecordsStatements,
	RevisionCounter
} from './revisions';
import type { Database } from '$lib/server/db/schema';
import {
	loadRecordsStatements,
	recordKey,
	recordsByKey,
	saveRecordsStatements,
	type ServerRecord
} from './store';

export type PushOutcome = { kind: 'done'; response: PushResponse } | { kind: 'gap'; expectedSeq: number };

/** One device's push, as the endpoint received it. */
export interface DevicePush {
	user: SessionUser;
	request: PushRequest;
}

/**
 * Stores pushes of different devices in one transaction: locks their devices and the records they
 * touch, then applies each push's new changes in turn, as if they had come one after another; the
 * revision counter is taken only for the final write of the records (see revisions.ts). Nothing of
 * the group is stored unless all of it is. Each push's answer is its outcome, or the error that
 * refuses it (another user's device) without holding back the others.
 *
 * The transaction is sent in two batches (db/batchedTransaction.ts), one round trip each on
 * PostgreSQL: first lock and read, then, after the merge here, write everything and commit; one more
 * for each push that resends changes, to read their earlier rejections.
 */
export async function pushGroup(ctx: ServerContext, pushes: DevicePush[]): Promise<(PushOutcome | Error)[]> {
	const db = ctx.db;
	return ctx.inBatchedTransaction(async (tx) => {
		const now = ctx.now();
		const changes = pushes.flatMap((p) => p.request.changes);
		// Conflicts to resolve lock the records they are about too (see lockRecordsStatements).
		const conflictRead = conflictRecordsStatement(db, changes);
		const subjects = conflictRead ? conflictSubjects((await tx.run([conflictRead]))[0]) : [];
		// Devices first (so two pushes of one device never run at once), then the records, then read.
		const locks = lockRecordsStatements(db, [...changes, ...subjects]);
		const [devices, ...loaded] = await tx.run([
			lockDevicesStatement(db, pushes, now.toISOString()),
			...locks,
			...loadRecordsStatements(db, changes)
		]);
		const lastSeqs = new Map(
			(devices as { device_id: string; last_seq: number | string }[]).map((d) => [
				d.device_id,
				Number(d.last_seq)
			])
		);
		const shared = {
			now,
			counter: new RevisionCounter(),
			records: recordsByKey(loaded.slice(locks.length)),
			dirty: new Map<string, ServerRecord>(),
			hasFile: ownedFileLookup(ctx, tx, db),
			loadRecord: async (table: string, recordId: string) => {
				const rows = await tx.run(loadRecordsStatements(db, [{ table, recordId }]));
				return recordsByKey(rows).get(recordKey(table, recordId)) ?? null;
			}
		};

		const merged: (MergedPush | PushOutcome | Error)[] = [];
		for (const { user, request } of pushes) {
			const lastSeq = lastSeqs.get(request.deviceId);
			if (lastSeq === undefined) {
				merged.push(deviceOfOtherUser());
				continue;
			}
			if (request.changes[0].seq > lastSeq + 1) {
				merged.push({ kind: 'gap', expectedSeq: lastSeq + 1 });
				continue;
			}
			const batch: PushBatch = { ...shared, user, deviceId: request.deviceId };
			const replayed = await answerReplayed(
				tx,
				db,
				batch,
				request.changes.filter((c) => c.seq <= lastSeq)
			);
			const fresh = request.changes.filter((c) => c.seq > lastSeq);
			const outcomes: ChangeOutcome[] = [];
			for (const change of fresh) outcomes.push(await applyChange(batch, change));
			merged.push({ batch, lastSeq, sent: request.changes, replayed, fresh, outcomes });
		}

		const writes = merged.flatMap((m) => ('batch' in m ? writesOf(db, m) : []));
		const count = shared.counter.count;
		// Last: the counter stays taken until the commit, which goes with it (see revisions.ts).
		const claim = count > 0 ? [claimRevisionsStatement(db, count)] : [];
		const written = await tx.commit([
			...writes,
			...claim,
			...saveRecordsStatements(db, shared.dirty.values(), count)
		]);
		const base = count > 0 ? claimedBase(written[writes.length], count) : 0;
		return merged.map((m) => ('batch' in m ? { kind: 'done', response: responseOf(m, base) } : m));
	});
}

/** A push merged into the group: what it changed, and how to answer it. */
interface MergedPush {
	batch: PushBatch;
	lastSeq: number;
	/** The push's changes, resent and new. */
	sent: PushRequest['changes'];
	replayed: PushResult[];
	fresh: PushRequest['changes'];
	outcomes: ChangeOutcome[];
}

function newLastSeq(m: MergedPush): number {
	return Math.max(m.lastSeq, m.fresh.at(-1)?.seq ?? m.lastSeq);
}

function writesOf(db: Kysely<Database>, m: MergedPush): CompiledQuery[] {
	const { batch } = m;
	const lastSeq = newLastSeq(m);
	return [
		...(lastSeq > m.lastSeq ? [saveDeviceSeqStatement(db, batch.deviceId, lastSeq)] : []),
		...saveRejectionsStatements(db, batch.deviceId, m.fresh, m.outcomes),
		...auditPushStatements(db, batch.user, batch.deviceId, m.fresh, m.outcomes, batch.now)
	];
}

function responseOf(m: MergedPush, base: number): PushResponse {
	// A resent change is answered with its record's revision, which an earlier push of the group may
	// have just changed: provisional until now.
	const results = m.replayed.map((result) =>
		result.revision === undefined
			? result
			: { ...result, revision: RevisionCounter.resolve(result.revision, base) }
	);
	m.fresh.forEach((change, i) => results.push(toResult(change.seq, m.outcomes[i], base)));
	const changes = new Map(m.sent.map((change) => [change.seq, change]));
	return {
		results: results.map((r) => withServerCopy(m.batch, changes.get(r.seq), r, base)),
		lastSeq: newLastSeq(m)
	};
}

/**
 * A change the server did not take as sent (refused, or a conflict kept the server's value) is
 * answered with the record as the server now holds it, so the device shows that instead of its
 * own value; only when the user may read the record, so nothing of another centre is revealed.
 */
function withServerCopy(
	batch: PushBatch,
	change: PushRequest['changes'][number] | undefined,
	result: PushResult,
	base: number
): PushResult {
	if (!change || (result.status !== 'rejected' && !result.conflicts?.length)) return result;
	const stored = batch.records.get(recordKey(change.table, change.recordId));
	if (!stored || !canReadFacility(batch.user, stored.facilityId)) return result;
	const current: PulledRecord = {
		table: stored.table,
		recordId: stored.recordId,
		facilityId: stored.facilityId,
		revision: RevisionCounter.resolve(stored.revision, base),
		deleted: stored.deleted,
		record: stored.record
	};
	return { ...result, current };
}

/**
 * Registers new devices for their users, or locks known ones until the transaction ends (in device
 * order, so two groups locking the same devices never deadlock), and returns each one's seq.
 * A device pushes for one user only: a shared tablet has one device id per user. A device of another
 * user is locked but neither changed nor returned.
 */
function lockDevicesStatement(db: Kysely<Database>, pushes: DevicePush[], now: string): CompiledQuery {
	const rows = pushes
		.map(({ user, request }) => ({
			device_id: request.deviceId,
			user_id: user.id,
			last_seq: 0,
			updated_at: now
		}))
		.sort((a, b) => (a.device_id < b.device_id ? -1 : a.device_id > b.device_id ? 1 : 0));
	return db
		.insertInto('sync_devices')
		.values(rows)
		.onConflict((oc) =>
			oc
				.column('device_id')
				.doUpdateSet((eb) => ({ updated_at: eb.ref('excluded.updated_at') }))
				.where(sql<boolean>`sync_devices.user_id = excluded.user_id`)
		)
		.returning(['device_id', 'last_seq'])
		.compile();
}

function deviceOfOtherUser(): ApiError {
	return new ApiError(
		403,
		'device_of_other_user',
		'Diese Änderungen stammen von einer anderen Anmeldung auf diesem Gerät und werden nicht übertragen.'
	);
}

/** Changes processed before: acknowledged again, with their rejection if they were rejected. */
async function answerReplayed(
	tx: BatchedTransaction,
	db: Kysely<Database>,
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
		// The resent change may name any record: its revision only when the user may read it, so the
		// answer never tells whether another centre has that record.
		const stored = batch.records.get(recordKey(change.table, change.recordId));
		const readable = stored && canReadFacility(batch.user, stored.facilityId);
		return { seq: change.seq, status: 'duplicate', ...(readable ? { revision: stored.revision } : {}) };
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

const saveDeviceSeqStatement = compiledOnce((db: Kysely<Database>, deviceId: string, lastSeq: number) =>
	db.updateTable('sync_devices').set({ last_seq: lastSeq }).where('device_id', '=', deviceId)
);

function saveRejectionsStatements(
	db: Kysely<Database>,
	deviceId: string,
	changes: PushRequest['changes'],
	outcomes: ChangeOutcome[]
): CompiledQuery[] {
	// Reasons may quote the sender's input (a file name, a field name): PostgreSQL refuses NUL in text.
	const rows = outcomes.flatMap((outcome, i) =>
		outcome.status === 'rejected'
			? [
					{
						device_id: deviceId,
						seq: changes[i].seq,
						code: outcome.code,
						reason: storableText(outcome.reason)
					}
				]
			: []
	);
	return rows.length > 0 ? [db.insertInto('sync_rejections').values(rows).compile()] : [];
}

/** One audit entry per facility a push touched: who, from which device, how many changes of which kind. */
function auditPushStatements(
	db: Kysely<Database>,
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
	// Keyed by whatever table name a change sends: no prototype, so `constructor` is just a name.
	const noTables = (): Record<string, number> => Object.create(null) as Record<string, number>;
	outcomes.forEach((outcome, i) => {
		const summary = byFacility.get(outcome.facilityId) ?? {
			accepted: 0,
			rejected: 0,
			conflicts: 0,
			tables: noTables()
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

/** `PushBatch.hasFile`, asked once per file and facility and push group, inside its transaction. */
function ownedFileLookup(
	ctx: ServerContext,
	tx: BatchedTransaction,
	db: Kysely<Database>
): PushBatch['hasFile'] {
	const lookup = cachedLookup(async (key) => {
		const [sha256, facilityId] = key.split(' ');
		const [owners] = await tx.run([ownerStatement(db, sha256, facilityId)]);
		return owners.length > 0 && (await ctx.blobs.has(sha256));
	});
	return (sha256, facilityId) => lookup(`${sha256} ${facilityId}`);
}

function cachedLookup(lookup: (key: string) => Promise<boolean>): (key: string) => Promise<boolean> {
	const cache = new Map<string, Promise<boolean>>();
	return (key) => {
		if (!cache.has(key)) cache.set(key, lookup(key));
		return cache.get(key)!;
	};
}
