import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CriterionFeedback } from '$lib/domain/dossier/feedback';
import type { CriterionStatus, Evidence, FacilityProfile } from '$lib/domain/records';
import { registerTables, type RegisterTableName } from '$lib/domain/registers/tables';
import type { CertificationRound } from '$lib/domain/rounds/schema';
import type { Database } from '$lib/server/db/schema';

/** A centre's register entries as synced, table by table. */
export type RegisterRecords = { [T in RegisterTableName]: z.infer<(typeof registerTables)[T]>[] };

export const REGISTER_TABLES = Object.keys(registerTables) as RegisterTableName[];

function isRegisterTable(table: string): table is RegisterTableName {
	return Object.hasOwn(registerTables, table);
}

function noRegisterRecords(): RegisterRecords {
	return Object.fromEntries(REGISTER_TABLES.map((t) => [t, []])) as unknown as RegisterRecords;
}

/** What the server holds of a centre's synced records, as the advisor's views read them. */
export interface FacilityRecords {
	profile: FacilityProfile | null;
	statuses: CriterionStatus[];
	evidence: Evidence[];
	feedback: CriterionFeedback[];
	rounds: CertificationRound[];
	registers: RegisterRecords;
}

const TABLES = [
	'facilities',
	'criterionStatuses',
	'evidence',
	'criterionFeedback',
	'certificationRounds',
	...REGISTER_TABLES
] as const;
type FacilityTable = (typeof TABLES)[number];

/**
 * The live (not deleted) records of the given facilities, in one query. The stored records passed
 * their table's schema when they were merged, so they are read as they are — as the device reads
 * its own copies, so readiness counts the same entries on both.
 */
export async function readFacilityRecords(
	db: Kysely<Database>,
	facilityIds: string[],
	tables: readonly FacilityTable[] = TABLES
): Promise<Map<string, FacilityRecords>> {
	const byFacility = new Map<string, FacilityRecords>(
		facilityIds.map((id) => [
			id,
			{ profile: null, statuses: [], evidence: [], feedback: [], rounds: [], registers: noRegisterRecords() }
		])
	);
	if (facilityIds.length === 0) return byFacility;
	const rows = await db
		.selectFrom('sync_records')
		.select(['table_name', 'record_id', 'facility_id', 'data'])
		.where('facility_id', 'in', facilityIds)
		.where('table_name', 'in', [...tables])
		.where('deleted', '=', 0)
		.execute();
	for (const row of rows) {
		const records = byFacility.get(row.facility_id)!;
		const data: unknown = JSON.parse(row.data);
		switch (row.table_name) {
			case 'facilities':
				if (row.record_id === row.facility_id) records.profile = data as FacilityProfile;
				break;
			case 'criterionStatuses':
				records.statuses.push(data as CriterionStatus);
				break;
			case 'evidence':
				records.evidence.push(data as Evidence);
				break;
			case 'criterionFeedback':
				records.feedback.push(data as CriterionFeedback);
				break;
			case 'certificationRounds':
				records.rounds.push(data as CertificationRound);
				break;
			default:
				if (isRegisterTable(row.table_name)) {
					(records.registers[row.table_name] as unknown[]).push(data);
				}
		}
	}
	return byFacility;
}

/** When a device of each facility last pushed changes (from the audit log's sync entries). */
export async function lastSyncTimes(
	db: Kysely<Database>,
	facilityIds: string[]
): Promise<Map<string, string>> {
	if (facilityIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('audit_log')
		.select(['facility_id', (eb) => eb.fn.max('at').as('at')])
		.where('action', '=', 'sync.push')
		.where('facility_id', 'in', facilityIds)
		.groupBy('facility_id')
		.execute();
	return new Map(rows.flatMap((r) => (r.facility_id && r.at ? [[r.facility_id, String(r.at)]] : [])));
}
