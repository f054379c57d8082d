import { storableText } from '$lib/domain/controlCharacters';
import type { ClientChange } from '$lib/domain/sync/protocol';
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { auditStatement, type AuditInput } from '$lib/server/accounts/audit';
import type { ServerContext } from '$lib/server/context';
import type { Database } from '$lib/server/db/schema';
import type { BatchedTransaction } from '$lib/server/db/throughput/batchedTransaction';
import { compiledOnce } from '$lib/server/db/throughput/compiledOnce';
import { ownerStatement } from './attachments';
import {
	claimedBase,
	claimRevisionsStatement,
	conflictRecordsStatement,
	conflictSubjects,
	lockRecordsStatements
} from './revisions';
import {
	loadRecordsStatements,
	recordKey,
	recordsByKey,
	saveRecordsStatements,
	type ServerRecord
} from './store';

/** What the push rules (push.ts) need of storage: all of it inside one transaction. */
export interface PushStore {
	/**
	 * Registers new devices for their users or locks known ones until the commit, locks the records
	 * the changes touch (and the records their conflicts are about), and reads them. Returns each
	 * device's last processed seq; a device of another user is locked but missing.
	 */
	open(
		devices: { deviceId: string; userId: string }[],
		changes: ClientChange[],
		now: Date
	): Promise<{ lastSeqs: Map<string, number>; records: Map<string, ServerRecord> }>;
	/** A stored record `open` did not read (a conflict record, rarely needed). */
	loadRecord(table: string, recordId: string): Promise<ServerRecord | null>;
	/** The stored rejections of the device's changes from seq `from` to `to`. */
	rejections(deviceId: string, from: number, to: number): Promise<StoredRejection[]>;
	/** Whether the facility owns the file (uploaded its bytes) and the server has them. */
	ownsFile(sha256: string, facilityId: string): Promise<boolean>;
	/** Display name of the user whose device this is (for a conflict's kept value), or null. */
	writerName(deviceId: string): Promise<string | null>;
	/** Writes what the pushes changed and commits. Returns the base of the claimed revisions. */
	commit(writes: PushWrites): Promise<number>;
}

export interface StoredRejection {
	seq: number;
	code: string;
	reason: string;
}

/** What one push writes besides records, in this order. */
export interface DeviceWrites {
	deviceId: string;
	/** The device's new last seq, or null when the push processed nothing new. */
	lastSeq: number | null;
	rejections: StoredRejection[];
	audits: AuditInput[];
}

export interface PushWrites {
	devices: DeviceWrites[];
	records: Iterable<ServerRecord>;
	/** Provisional revisions handed out; the records get real ones from the counter (revisions.ts). */
	revisionCount: number;
}

/**
 * The push store on the database, sent in batches (db/throughput/batchedTransaction.ts): `open` is
 * one round trip (two when conflicts are resolved), `commit` another.
 */
export function sqlPushStore(ctx: ServerContext, tx: BatchedTransaction): PushStore {
	const db = ctx.db;
	return {
		async open(devices, changes, now) {
			// Conflicts to resolve lock the records they are about too (see lockRecordsStatements).
			const conflictRead = conflictRecordsStatement(db, changes);
			const subjects = conflictRead ? conflictSubjects((await tx.run([conflictRead]))[0]) : [];
			// Devices first (so two pushes of one device never run at once), then the records, then read.
			const locks = lockRecordsStatements(db, [...changes, ...subjects]);
			const [rows, ...loaded] = await tx.run([
				lockDevicesStatement(db, devices, now.toISOString()),
				...locks,
				...loadRecordsStatements(db, changes)
			]);
			const lastSeqs = new Map(
				(rows as { device_id: string; last_seq: number | string }[]).map((d) => [
					d.device_id,
					Number(d.last_seq)
				])
			);
			return { lastSeqs, records: recordsByKey(loaded.slice(locks.length)) };
		},

		async loadRecord(table, recordId) {
			const rows = await tx.run(loadRecordsStatements(db, [{ table, recordId }]));
			return recordsByKey(rows).get(recordKey(table, recordId)) ?? null;
		},

		async rejections(deviceId, from, to) {
			const [rows] = await tx.run([
				db
					.selectFrom('sync_rejections')
					.select(['seq', 'code', 'reason'])
					.where('device_id', '=', deviceId)
					.where('seq', '>=', from)
					.where('seq', '<=', to)
					.compile()
			]);
			return (rows as { seq: number | string; code: string; reason: string }[]).map((r) => ({
				...r,
				seq: Number(r.seq)
			}));
		},

		// Asked once per file and facility and push group.
		ownsFile: cachedLookup(async (sha256, facilityId) => {
			const [owners] = await tx.run([ownerStatement(db, sha256, facilityId)]);
			return owners.length > 0 && (await ctx.blobs.has(sha256));
		}),

		// Conflicts are rare: one lookup per device and push group when they happen.
		writerName: cachedLookupOf(async (deviceId) => {
			const [rows] = await tx.run([
				db
					.selectFrom('sync_devices')
					.innerJoin('users', 'users.id', 'sync_devices.user_id')
					.select('users.display_name')
					.where('sync_devices.device_id', '=', deviceId)
					.compile()
			]);
			return (rows as { display_name: string }[])[0]?.display_name ?? null;
		}),

		async commit({ devices, records, revisionCount }) {
			const writes = devices.flatMap((device) => deviceStatements(db, device));
			// Last: the counter stays taken until the commit, which goes with it (see revisions.ts).
			const claim = revisionCount > 0 ? [claimRevisionsStatement(db, revisionCount)] : [];
			const written = await tx.commit([
				...writes,
				...claim,
				...saveRecordsStatements(db, records, revisionCount)
			]);
			return revisionCount > 0 ? claimedBase(written[writes.length], revisionCount) : 0;
		}
	};
}

/**
 * Registers new devices or locks known ones (in device order, so two groups locking the same
 * devices never deadlock), returning each one's seq. A device of another user is locked but
 * neither changed nor returned.
 */
function lockDevicesStatement(
	db: Kysely<Database>,
	devices: { deviceId: string; userId: string }[],
	now: string
): CompiledQuery {
	const rows = devices
		.map(({ deviceId, userId }) => ({ device_id: deviceId, user_id: userId, last_seq: 0, updated_at: now }))
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

const saveDeviceSeqStatement = compiledOnce((db: Kysely<Database>, deviceId: string, lastSeq: number) =>
	db.updateTable('sync_devices').set({ last_seq: lastSeq }).where('device_id', '=', deviceId)
);

function deviceStatements(db: Kysely<Database>, device: DeviceWrites): CompiledQuery[] {
	// Reasons may quote the sender's input (a file name, a field name): PostgreSQL refuses NUL in text.
	const rejections = device.rejections.map((r) => ({
		device_id: device.deviceId,
		seq: r.seq,
		code: r.code,
		reason: storableText(r.reason)
	}));
	return [
		...(device.lastSeq !== null ? [saveDeviceSeqStatement(db, device.deviceId, device.lastSeq)] : []),
		...(rejections.length > 0 ? [db.insertInto('sync_rejections').values(rejections).compile()] : []),
		...device.audits.map((entry) => auditStatement(db, entry))
	];
}

function cachedLookup(
	lookup: (sha256: string, facilityId: string) => Promise<boolean>
): (sha256: string, facilityId: string) => Promise<boolean> {
	const cache = new Map<string, Promise<boolean>>();
	return (sha256, facilityId) => {
		const key = `${sha256} ${facilityId}`;
		if (!cache.has(key)) cache.set(key, lookup(sha256, facilityId));
		return cache.get(key)!;
	};
}

function cachedLookupOf<T>(lookup: (key: string) => Promise<T>): (key: string) => Promise<T> {
	const cache = new Map<string, Promise<T>>();
	return (key) => {
		if (!cache.has(key)) cache.set(key, lookup(key));
		return cache.get(key)!;
	};
}
