import Dexie from 'dexie';
import { db } from '$lib/client/db';
import {
	putRecord,
	syncedTable,
	syncedTableNames,
	updateRecord,
	type SyncedTableName
} from '$lib/client/db/changes';
import { nowIso } from '$lib/client/db/ids';
import { getActiveFacilityId } from '$lib/client/db/meta';
import { DEFAULT_WORKSPACE_NAME, WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { citedAttachments } from '$lib/domain/sync/attachments';
import { criterionStatusId, type FacilityProfile, type RecordBase } from '$lib/domain/records';
import { registerCitationId, type RegisterCitation } from '$lib/domain/registers/citations';

/**
 * Work done on this device before anyone signed in lives in the anonymous workspace. At the first
 * login the Leitung is asked once whether to take it over into her centre (what a leader expects:
 * her entries show up after logging in and reach her team) or to keep it apart. Either way the
 * anonymous workspace itself stays untouched, so nothing is ever lost by the choice.
 */

export interface AnonymousDataSummary {
	statuses: number;
	evidence: number;
	registerEntries: number;
}

export interface AdoptionResult extends AnonymousDataSummary {
	/** Statuses the centre had set already; its own value was kept. */
	statusesKept: number;
}

const DECISION_KEY = 'session.anonymousData';
/** Records the facility or the server owns, or that are merged field by field instead of copied. */
const NOT_COPIED = new Set<string>(['facilities', 'criterionStatuses', 'syncConflicts', 'criterionFeedback']);

type AnyRecord = RecordBase & Record<string, unknown>;

function live<T extends { deleted?: boolean }>(rows: T[]): T[] {
	return rows.filter((r) => !r.deleted);
}

async function withAnonymousWorkspace<T>(read: (source: WorkspaceDb) => Promise<T>): Promise<T | null> {
	if (db.name === DEFAULT_WORKSPACE_NAME) return null;
	if (!(await Dexie.exists(DEFAULT_WORKSPACE_NAME))) return null;
	const source = new WorkspaceDb(DEFAULT_WORKSPACE_NAME);
	try {
		await source.open();
		return await read(source);
	} finally {
		source.close();
	}
}

async function anonymousFacility(source: WorkspaceDb): Promise<FacilityProfile | undefined> {
	const id = await getActiveFacilityId(source);
	return (id ? await source.facilities.get(id) : undefined) ?? live(await source.facilities.toArray())[0];
}

/** What the anonymous workspace holds beyond its empty start; null when there is nothing to offer. */
export async function summarizeAnonymousData(): Promise<AnonymousDataSummary | null> {
	const summary = await withAnonymousWorkspace(async (source) => {
		let registerEntries = 0;
		for (const table of syncedTableNames) {
			if (NOT_COPIED.has(table) || table === 'evidence') continue;
			registerEntries += live(await syncedTable(source, table).toArray()).length;
		}
		return {
			statuses: live(await source.criterionStatuses.toArray()).filter((s) => s.status !== 'offen' || s.note)
				.length,
			evidence: live(await source.evidence.toArray()).length,
			registerEntries
		};
	});
	if (!summary || summary.statuses + summary.evidence + summary.registerEntries === 0) return null;
	return summary;
}

/** Whether this user has answered the offer on this device (it is made once). */
export async function anonymousDataDecided(): Promise<boolean> {
	return (await db.meta.get(DECISION_KEY)) !== undefined;
}

export async function keepAnonymousDataApart(): Promise<void> {
	await db.meta.put({ key: DECISION_KEY, value: { decision: 'kept', at: nowIso() } });
}

/** The same id in the user's facility: ids made from the facility id (`<facility>:…`) follow it. */
function idIn(record: AnyRecord, facilityId: string, id = record.id): string {
	const prefix = `${record.facilityId}:`;
	return id.startsWith(prefix) ? `${facilityId}:${id.slice(prefix.length)}` : id;
}

/**
 * A record's id and fields in the user's facility. A citation names its entry in its id, so a
 * citation of the prevention profile (whose id is made from the facility) follows it too; the
 * server refuses one that names another facility.
 */
function movedTo(table: SyncedTableName, record: AnyRecord, facilityId: string): Partial<AnyRecord> {
	if (table !== 'registerCitations') return { id: idIn(record, facilityId) };
	const citation = record as unknown as RegisterCitation;
	const entryId = idIn(record, facilityId, citation.entryId);
	return { id: registerCitationId(citation.criterionId, citation.registerTable, entryId), entryId };
}

/**
 * Copies the anonymous workspace's entries into the signed-in user's facility, as her own new
 * changes (so they sync): files first (a change citing a file waits for its upload), then evidence
 * and register entries, then statuses the centre has not set yet, then empty profile fields.
 */
export async function adoptAnonymousData(facilityId: string): Promise<AdoptionResult | null> {
	const result = await withAnonymousWorkspace(async (source) => {
		const counts: AdoptionResult = { statuses: 0, evidence: 0, registerEntries: 0, statusesKept: 0 };
		const copies: { table: SyncedTableName; record: AnyRecord }[] = [];
		for (const table of syncedTableNames) {
			if (NOT_COPIED.has(table)) continue;
			for (const record of live(await syncedTable(source, table).toArray())) copies.push({ table, record });
		}
		await copyFiles(
			source,
			copies.map((c) => c.record)
		);
		for (const { table, record } of copies) {
			const moved = movedTo(table, record, facilityId);
			if (await syncedTable(db, table).get(moved.id!)) continue;
			const { updatedAt: _updatedAt, updatedBy: _updatedBy, ...fields } = record;
			await putRecord(table, { ...fields, ...moved, facilityId } as never);
			if (table === 'evidence') counts.evidence += 1;
			else counts.registerEntries += 1;
		}
		for (const status of live(await source.criterionStatuses.toArray())) {
			if (status.status === 'offen' && !status.note) continue;
			const id = criterionStatusId(facilityId, status.criterionId);
			const own = await db.criterionStatuses.get(id);
			if (own && !own.deleted && (own.status !== 'offen' || own.note)) {
				counts.statusesKept += 1;
				continue;
			}
			const fields = {
				facilityId,
				criterionId: status.criterionId,
				status: status.status,
				note: status.note
			};
			await updateRecord('criterionStatuses', id, fields, { createWith: { id, ...fields } });
			counts.statuses += 1;
		}
		await fillEmptyProfileFields(await anonymousFacility(source), facilityId);
		return counts;
	});
	await db.meta.put({ key: DECISION_KEY, value: { decision: 'adopted', at: nowIso(), result } });
	return result;
}

async function copyFiles(source: WorkspaceDb, records: AnyRecord[]): Promise<void> {
	const hashes = [...new Set(records.flatMap((r) => citedAttachments(r).map((f) => f.sha256)))];
	for (const sha256 of hashes) {
		const file = await source.attachments.get(sha256);
		if (file && !(await db.attachments.get(sha256))) await db.attachments.put(file);
	}
}

const PROFILE_FIELDS = ['traeger', 'jugendamt', 'street', 'postalCode', 'city', 'sealValidUntil'] as const;

/** Address, Träger, seal date… typed before signing in fill what the centre's profile leaves empty. */
async function fillEmptyProfileFields(from: FacilityProfile | undefined, facilityId: string): Promise<void> {
	const own = await db.facilities.get(facilityId);
	if (!from || !own) return;
	const patch: Partial<FacilityProfile> = {};
	for (const field of PROFILE_FIELDS) {
		if (!own[field] && from[field]) Object.assign(patch, { [field]: from[field] });
	}
	if (own.verbundMembers.length === 0 && from.verbundMembers.length > 0)
		patch.verbundMembers = from.verbundMembers;
	if (own.chosenProfileAreas.length === 0 && from.chosenProfileAreas.length > 0) {
		patch.chosenProfileAreas = from.chosenProfileAreas;
	}
	if (Object.keys(patch).length > 0) await updateRecord('facilities', facilityId, patch);
}
