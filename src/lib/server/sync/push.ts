import type { SessionUser } from '$lib/domain/accounts';
import type { PulledRecord, PushRequest, PushResponse, PushResult } from '$lib/domain/sync/protocol';
import type { AuditInput } from '$lib/server/accounts/audit';
import { canReadFacility } from '$lib/server/auth/permissions';
import type { ServerContext } from '$lib/server/context';
import { ApiError } from '$lib/server/http/errors';
import { applyChange, type ChangeOutcome, type PushBatch } from './applyChange';
import { sqlPushStore, type DeviceWrites, type PushStore, type StoredRejection } from './pushStore';
import { RevisionCounter } from './revisions';
import { recordKey, type ServerRecord } from './store';

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
 */
export async function pushGroup(ctx: ServerContext, pushes: DevicePush[]): Promise<(PushOutcome | Error)[]> {
	return ctx.inBatchedTransaction((tx) => storePushes(sqlPushStore(ctx, tx), pushes, ctx.now()));
}

/** The rules of a push group over its store: gap, resend, merge, answer. */
export async function storePushes(
	store: PushStore,
	pushes: DevicePush[],
	now: Date
): Promise<(PushOutcome | Error)[]> {
	const changes = pushes.flatMap((p) => p.request.changes);
	const devices = pushes.map(({ user, request }) => ({ deviceId: request.deviceId, userId: user.id }));
	const { lastSeqs, records } = await store.open(devices, changes, now);
	const shared = {
		now,
		counter: new RevisionCounter(),
		records,
		dirty: new Map<string, ServerRecord>(),
		hasFile: (sha256: string, facilityId: string) => store.ownsFile(sha256, facilityId),
		writerName: (deviceId: string) => store.writerName(deviceId),
		loadRecord: (table: string, recordId: string) => store.loadRecord(table, recordId)
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
			store,
			batch,
			request.changes.filter((c) => c.seq <= lastSeq)
		);
		const fresh = request.changes.filter((c) => c.seq > lastSeq);
		const outcomes: ChangeOutcome[] = [];
		for (const change of fresh) outcomes.push(await applyChange(batch, change));
		merged.push({ batch, lastSeq, sent: request.changes, replayed, fresh, outcomes });
	}

	const base = await store.commit({
		devices: merged.flatMap((m) => ('batch' in m ? [writesOf(m)] : [])),
		records: shared.dirty.values(),
		revisionCount: shared.counter.count
	});
	return merged.map((m) => ('batch' in m ? { kind: 'done', response: responseOf(m, base) } : m));
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

function writesOf(m: MergedPush): DeviceWrites {
	const { batch } = m;
	const lastSeq = newLastSeq(m);
	return {
		deviceId: batch.deviceId,
		lastSeq: lastSeq > m.lastSeq ? lastSeq : null,
		rejections: rejectionsOf(m.fresh, m.outcomes),
		audits: pushAudits(batch.user, batch.deviceId, m.fresh, m.outcomes, batch.now)
	};
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

// A device pushes for one user only: a shared tablet has one device id per user.
function deviceOfOtherUser(): ApiError {
	return new ApiError(
		403,
		'device_of_other_user',
		'Diese Änderungen stammen von einer anderen Anmeldung auf diesem Gerät und werden nicht übertragen.'
	);
}

/** Changes processed before: acknowledged again, with their rejection if they were rejected. */
async function answerReplayed(
	store: PushStore,
	batch: PushBatch,
	replayed: PushRequest['changes']
): Promise<PushResult[]> {
	if (replayed.length === 0) return [];
	const rejections = await store.rejections(batch.deviceId, replayed[0].seq, replayed.at(-1)!.seq);
	const rejected = new Map(rejections.map((r) => [r.seq, r]));
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

function rejectionsOf(changes: PushRequest['changes'], outcomes: ChangeOutcome[]): StoredRejection[] {
	return outcomes.flatMap((outcome, i) =>
		outcome.status === 'rejected' ? [{ seq: changes[i].seq, code: outcome.code, reason: outcome.reason }] : []
	);
}

/** One audit entry per facility a push touched: who, from which device, how many changes of which kind. */
function pushAudits(
	user: SessionUser,
	deviceId: string,
	changes: PushRequest['changes'],
	outcomes: ChangeOutcome[],
	now: Date
): AuditInput[] {
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
	return [...byFacility].map(([facilityId, summary]): AuditInput => ({
		at: now,
		userId: user.id,
		facilityId,
		action: 'sync.push',
		entity: 'device',
		entityId: deviceId,
		detail: summary
	}));
}
