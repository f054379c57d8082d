import Dexie from 'dexie';
import { db } from '$lib/client/db';
import { putRecord, syncedTable, updateRecord, type SyncedTableName } from '$lib/client/db/changes';
import { nowIso } from '$lib/client/db/ids';
import { getActiveFacilityId } from '$lib/client/db/meta';
import { DEFAULT_WORKSPACE_NAME, WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { citedAttachments } from '$lib/domain/sync/attachments';
import {
	criterionStatusId,
	evidenceKindLabels,
	type FacilityProfile,
	type RecordBase
} from '$lib/domain/records';
import {
	CITABLE_REGISTER_TABLES,
	registerCitationId,
	type RegisterCitation
} from '$lib/domain/registers/citations';
import { citableEntries, citableRegisterLabels } from '$lib/domain/registers/citableEntries';
import { emptyRegisterData, type RegisterData } from '$lib/domain/registers/registerData';
import { registerTables } from '$lib/domain/registers/tables';
import {
	buildTakeoverPlan,
	statusesToWrite,
	workFingerprint,
	type AnonymousWork,
	type CentreWork,
	type ConflictChoice,
	type MovingItem,
	type ProfileFieldFill,
	type TakeoverPlan
} from '$lib/domain/takeover/takeoverPlan';

/**
 * Work done on this device without an account lives in the anonymous (demo) workspace. At login a
 * Leitung or team member sees what would move into her centre (`domain/takeover/takeoverPlan.ts`)
 * and takes it over: it is written into her workspace as her own new changes (outbox, so it syncs
 * with her as author), then removed from the demo workspace. Declining keeps it there; the offer
 * comes back only once the demo work has changed.
 */

export interface TakeoverPreview {
	plan: TakeoverPlan;
	/** Of the demo work read: a decision is remembered for exactly this work. */
	fingerprint: string;
}

export interface TakeoverResult {
	statuses: number;
	evidence: number;
	files: number;
	registerEntries: number;
	rounds: number;
	profileFields: number;
	/** Conflicts where the centre's value stayed. */
	centreKept: number;
}

type AnyRecord = RecordBase & Record<string, unknown>;

/** A record of the demo workspace and where it goes in the centre. */
interface Source {
	table: SyncedTableName;
	record: AnyRecord;
	moved: Partial<AnyRecord> & { id: string };
}

interface DemoSnapshot {
	work: AnonymousWork;
	sources: Map<string, Source>;
	profile: FacilityProfile | undefined;
}

const DECISION_KEY = 'session.takeover';
type Decision = { decision: 'declined' | 'taken-over' | 'not-allowed'; fingerprint: string; at: string };

const live = <T extends { deleted?: boolean }>(rows: T[]): T[] => rows.filter((r) => !r.deleted);

const PROFILE_FIELDS = {
	traeger: 'Träger',
	jugendamt: 'Jugendamt',
	street: 'Straße',
	postalCode: 'Postleitzahl',
	city: 'Ort',
	sealValidUntil: 'Gütesiegel gültig bis'
} as const;

async function withDemoWorkspace<T>(read: (source: WorkspaceDb) => Promise<T>): Promise<T | null> {
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

/** The same id in the centre: ids made from the facility id (`<facility>:…`) follow it. */
function idIn(record: AnyRecord, facilityId: string, id = record.id): string {
	const prefix = `${record.facilityId}:`;
	return id.startsWith(prefix) ? `${facilityId}:${id.slice(prefix.length)}` : id;
}

/** A citation names its entry in its id, so one of the prevention profile follows the facility too. */
function movedTo(table: SyncedTableName, record: AnyRecord, facilityId: string): Source['moved'] {
	if (table !== 'registerCitations') return { id: idIn(record, facilityId), facilityId };
	const citation = record as unknown as RegisterCitation;
	const entryId = idIn(record, facilityId, citation.entryId);
	return {
		id: registerCitationId(citation.criterionId, citation.registerTable, entryId),
		entryId,
		facilityId
	};
}

async function readDemo(source: WorkspaceDb, facilityId: string): Promise<DemoSnapshot> {
	const sources = new Map<string, Source>();
	const add = (table: SyncedTableName, record: AnyRecord): Source['moved'] => {
		const moved = movedTo(table, record, facilityId);
		sources.set(`${table}/${moved.id}`, { table, record, moved });
		return moved;
	};

	const evidence: MovingItem[] = live(await source.evidence.toArray()).map((e) => ({
		table: 'evidence',
		id: add('evidence', e as unknown as AnyRecord).id,
		title: e.title,
		detail: evidenceKindLabels[e.kind],
		file: e.attachment ? { name: e.attachment.fileName, bytes: e.attachment.size } : undefined
	}));

	const data: RegisterData = emptyRegisterData();
	const registerRows = new Map<string, { table: SyncedTableName; record: AnyRecord }>();
	for (const table of Object.keys(registerTables) as (keyof typeof registerTables)[]) {
		for (const row of live(await syncedTable(source, table).toArray()) as AnyRecord[]) {
			registerRows.set(`${table}/${row.id}`, { table, record: row });
		}
	}
	const rowsOf = <T>(table: keyof typeof registerTables) =>
		[...registerRows.values()].filter((r) => r.table === table).map((r) => r.record as unknown as T);
	data.officeHourPlans = rowsOf('officeHourPlans');
	data.officeHourSessions = rowsOf('officeHourSessions');
	data.familyEducationOffers = rowsOf('familyEducationOffers');
	data.childminderContacts = rowsOf('childminderContacts');
	data.childminderArrangements = rowsOf('childminderArrangements');
	data.partners = rowsOf('cooperationPartners');
	data.preventionProfile = rowsOf<RegisterData['preventionProfile']>('preventionProfiles')[0] ?? null;
	data.preventionOffers = rowsOf('preventionOffers');
	data.qualifications = rowsOf('qualifications');
	const registerEntries: MovingItem[] = [];
	for (const table of CITABLE_REGISTER_TABLES) {
		for (const entry of citableEntries(data, table)) {
			const row = registerRows.get(`${table}/${entry.id}`);
			if (!row) continue;
			registerEntries.push({
				table,
				id: add(table, row.record).id,
				title: entry.title,
				detail: citableRegisterLabels[table]
			});
		}
	}

	const rounds: MovingItem[] = live(await source.certificationRounds.toArray()).map((r) => ({
		table: 'certificationRounds',
		id: add('certificationRounds', r as unknown as AnyRecord).id,
		title: `Zertifizierungsrunde ${r.periodStart.slice(0, 4)}`,
		detail: `Prüfzeitraum ${r.periodStart} – ${r.periodEnd}`
	}));
	const citations: MovingItem[] = live(await source.registerCitations.toArray()).map((c) => ({
		table: 'registerCitations',
		id: add('registerCitations', c as unknown as AnyRecord).id,
		title: c.criterionId,
		detail: citableRegisterLabels[c.registerTable]
	}));

	const activeId = await getActiveFacilityId(source);
	const profile =
		(activeId ? await source.facilities.get(activeId) : undefined) ??
		live(await source.facilities.toArray())[0];
	const fills: ProfileFieldFill[] = [];
	for (const [field, label] of Object.entries(PROFILE_FIELDS)) {
		const value = profile?.[field as keyof typeof PROFILE_FIELDS];
		if (value) fills.push({ field, label, value });
	}

	return {
		work: {
			statuses: live(await source.criterionStatuses.toArray()),
			evidence,
			registerEntries,
			rounds,
			citations,
			profile: fills
		},
		sources,
		profile
	};
}

async function readCentre(facilityId: string, sources: Map<string, Source>): Promise<CentreWork> {
	const recordIds = new Set<string>();
	for (const { table, moved } of sources.values()) {
		if (await syncedTable(db, table).get(moved.id)) recordIds.add(moved.id);
	}
	const profile = await db.facilities.get(facilityId);
	const filled = new Set(
		Object.keys(PROFILE_FIELDS).filter((f) => profile?.[f as keyof typeof PROFILE_FIELDS])
	);
	return {
		statuses: live(await db.criterionStatuses.where('facilityId').equals(facilityId).toArray()),
		recordIds,
		filledProfileFields: filled
	};
}

/** What would move into the centre; null when the demo workspace holds nothing to take over. */
export async function previewTakeover(
	facilityId: string,
	criterionTitle: (criterionId: string) => string
): Promise<TakeoverPreview | null> {
	return withDemoWorkspace(async (source) => {
		const demo = await readDemo(source, facilityId);
		const plan = buildTakeoverPlan(demo.work, await readCentre(facilityId, demo.sources), criterionTitle);
		const empty =
			plan.statuses.length + plan.conflicts.length + plan.evidence.length + plan.registerEntries.length ===
				0 && plan.rounds.length === 0;
		return empty ? null : { plan, fingerprint: workFingerprint(demo.work) };
	});
}

/** Whether this user answered the offer for exactly this demo work (on this device). */
export async function takeoverDecided(fingerprint: string): Promise<boolean> {
	const decision = (await db.meta.get(DECISION_KEY))?.value as Decision | undefined;
	return decision?.fingerprint === fingerprint;
}

async function remember(decision: Decision['decision'], fingerprint: string): Promise<void> {
	await db.meta.put({ key: DECISION_KEY, value: { decision, fingerprint, at: nowIso() } satisfies Decision });
}

/** „Jetzt nicht“: the work stays in the demo workspace; offered again once it has changed. */
export function declineTakeover(fingerprint: string): Promise<void> {
	return remember('declined', fingerprint);
}

/** An advisor or admin was told why she cannot take it over: not again for the same work. */
export function acknowledgeNotAllowed(fingerprint: string): Promise<void> {
	return remember('not-allowed', fingerprint);
}

/**
 * Moves the demo work into the centre as the signed-in user's changes: files first (a change citing
 * a file waits for its upload), then records, statuses (conflicts as chosen), empty profile fields;
 * then removes what was handled from the demo workspace. Safe to run again after an interruption:
 * what the centre has already is left.
 */
export async function takeOver(
	facilityId: string,
	criterionTitle: (criterionId: string) => string,
	choices: Readonly<Record<string, ConflictChoice>> = {}
): Promise<TakeoverResult | null> {
	return withDemoWorkspace(async (source) => {
		const demo = await readDemo(source, facilityId);
		const plan = buildTakeoverPlan(demo.work, await readCentre(facilityId, demo.sources), criterionTitle);
		const moving = [...plan.evidence, ...plan.registerEntries, ...plan.rounds, ...plan.citations];
		const records = moving.map((item) => demo.sources.get(`${item.table}/${item.id}`)!);
		const files = await copyFiles(
			source,
			records.map((r) => r.record)
		);
		// Entries before the citations that name them, as the server checks.
		for (const { table, record, moved } of records) {
			const { updatedAt: _updatedAt, updatedBy: _updatedBy, ...fields } = record;
			await putRecord(table, { ...fields, ...moved } as never);
		}
		const statuses = statusesToWrite(plan, choices);
		for (const s of statuses) {
			const id = criterionStatusId(facilityId, s.criterionId);
			const fields = { facilityId, criterionId: s.criterionId, status: s.status, note: s.note };
			await updateRecord('criterionStatuses', id, fields, { createWith: { id, ...fields } });
		}
		if (plan.profile.length > 0 && (await db.facilities.get(facilityId))) {
			const patch = Object.fromEntries(plan.profile.map((f) => [f.field, f.value]));
			await updateRecord('facilities', facilityId, patch);
		}
		await removeFromDemo(source, demo);
		const fingerprint = workFingerprint(demo.work);
		await remember('taken-over', fingerprint);
		return {
			statuses: statuses.length,
			evidence: plan.evidence.length,
			files,
			registerEntries: plan.registerEntries.length,
			rounds: plan.rounds.length,
			profileFields: plan.profile.length,
			centreKept: plan.conflicts.length - (statuses.length - plan.statuses.length)
		};
	});
}

async function copyFiles(source: WorkspaceDb, records: AnyRecord[]): Promise<number> {
	const hashes = [...new Set(records.flatMap((r) => citedAttachments(r).map((f) => f.sha256)))];
	let copied = 0;
	for (const sha256 of hashes) {
		const file = await source.attachments.get(sha256);
		if (file && !(await db.attachments.get(sha256))) await db.attachments.put(file);
		if (file) copied += 1;
	}
	return copied;
}

/**
 * Removes what was read from the demo workspace: every record offered (moved, or already in the
 * centre), every status (moved, or resolved in favour of the centre), their files and the outbox
 * entries that would never be sent. The demo profile stays, so the demo mode keeps working.
 */
async function removeFromDemo(source: WorkspaceDb, demo: DemoSnapshot): Promise<void> {
	const byTable = new Map<SyncedTableName, string[]>();
	for (const { table, record } of demo.sources.values()) {
		byTable.set(table, [...(byTable.get(table) ?? []), record.id]);
	}
	const statusIds = demo.work.statuses.map((s) => (s as unknown as AnyRecord).id);
	byTable.set('criterionStatuses', statusIds);
	const removed = new Set([...byTable.values()].flat());
	const hashes = [...demo.sources.values()].flatMap((s) => citedAttachments(s.record).map((f) => f.sha256));
	const tables = [...byTable.keys()].map((t) => syncedTable(source, t));
	await source.transaction('rw', [...tables, source.attachments, source.outbox], async () => {
		for (const [table, ids] of byTable) await syncedTable(source, table).bulkDelete(ids);
		await source.attachments.bulkDelete(hashes);
		await source.outbox.filter((entry) => removed.has(entry.recordId)).delete();
	});
}
