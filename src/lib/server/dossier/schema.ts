import type { Kysely } from 'kysely';
import type { DatabaseSchema, Flag, IsoTimestamp } from '../db/schema';
import type { SyncTables } from '../sync/schema';

/** Kysely types of the dossier table (migration `20261121T0700_dossiers`); conventions as in db/schema.ts. */
export interface DossiersTable {
	id: string;
	/** Made on the device; unique, so a resent hand-in is stored once. */
	submission_id: string;
	facility_id: string;
	period_key: string;
	/** 1, 2, 3 … per facility and period. */
	version: number;
	catalogue_id: string;
	catalogue_version: string;
	readiness_passes: Flag;
	/** User id of the Leitung who handed it in, and her name at that moment. */
	submitted_by: string;
	submitted_by_name: string;
	prepared_at: IsoTimestamp;
	received_at: IsoTimestamp;
	/** The snapshot as JSON (`dossierSnapshotSchema`). */
	snapshot: string;
}

// A type, not an interface: `withTables` needs the index signature a type literal has.
export type DossierTables = {
	dossiers: DossiersTable;
};

export type DossierDatabase = DatabaseSchema & SyncTables & DossierTables;

export function dossierDb(db: Kysely<DatabaseSchema>): Kysely<DossierDatabase> {
	return db.withTables<SyncTables & DossierTables>();
}
