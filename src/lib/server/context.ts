import path from 'node:path';
import type { Kysely } from 'kysely';
import { version } from '../../../package.json';
import { FileBlobStore, type BlobStore } from '$lib/server/db/blobStore';
import { DatabaseBlobStore } from '$lib/server/db/blobStoreDatabase';
import type { ServerConfig } from '$lib/server/config';
import type { InBatchedTransaction } from '$lib/server/db/throughput/batchedTransaction';
import { createDatabase, type DialectName } from '$lib/server/db/database';
import { migrateToLatest } from '$lib/server/db/migrate';
import type { Database } from '$lib/server/db/schema';

/** What every server module works with: one per process, created at start. */
export interface ServerContext {
	config: ServerConfig;
	db: Kysely<Database>;
	/** Single statements only, never a transaction: see db/database.ts. */
	reads: Kysely<Database>;
	dialectName: DialectName;
	/** For the busiest transaction, a push: see db/batchedTransaction.ts. */
	inBatchedTransaction: InBatchedTransaction;
	blobs: BlobStore;
	version: string;
	/** The clock; tests move it to check expiry. */
	now(): Date;
	close(): Promise<void>;
}

const ABANDONED_UPLOAD_MS = 24 * 60 * 60 * 1000;

export interface ContextOptions {
	now?: () => Date;
	log: (line: string) => void;
}

/**
 * Opens the database and applies migrations (or refuses to start, see migrate.ts). What runs on top
 * of a fresh context (seeding, housekeeping) is in start.ts, so this module imports no feature.
 */
export async function openServerContext(
	config: ServerConfig,
	options: ContextOptions
): Promise<ServerContext> {
	const database = await createDatabase(config);
	const now = options.now ?? (() => new Date());
	let blobs: BlobStore;
	try {
		const applied = await migrateToLatest(database.db, database.dialectName);
		if (applied.length > 0)
			options.log(`Datenbank (${database.dialectName}): Migrationen angewandt: ${applied.join(', ')}`);
		blobs = await openBlobStore(config, database.db, now);
	} catch (error) {
		await database.close();
		throw error;
	}
	return {
		config,
		db: database.db,
		reads: database.reads,
		dialectName: database.dialectName,
		inBatchedTransaction: database.inBatchedTransaction,
		blobs,
		version,
		now,
		close: () => database.close()
	};
}

/** The files' store `FILE_STORE` names: the data directory (default) or the database. */
async function openBlobStore(
	config: ServerConfig,
	db: Kysely<Database>,
	now: () => Date
): Promise<BlobStore> {
	if (config.fileStore === 'disk') return new FileBlobStore(path.join(config.dataDir, 'blobs'));
	const store = new DatabaseBlobStore(db, undefined, now);
	// A day is far longer than any upload takes, also one still running on another app server.
	await store.removeAbandonedUploads(new Date(now().getTime() - ABANDONED_UPLOAD_MS));
	return store;
}
