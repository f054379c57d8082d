import path from 'node:path';
import type { Kysely } from 'kysely';
import { version } from '../../../package.json';
import { FileBlobStore, type BlobStore } from './blobStore';
import { configWarnings, loadConfig, type ServerConfig } from './config';
import type { InBatchedTransaction } from './db/batchedTransaction';
import { createDatabase, type DialectName } from './db/database';
import { migrateToLatest } from './db/migrate';
import type { DatabaseSchema } from './db/schema';
import { removeExpiredAuthRows } from './auth/housekeeping';
import { createFirstAdmin, printDemoLogins, seedDemoDeployment } from './seed';

/** What every server module works with: one per process, created at start. */
export interface ServerContext {
	config: ServerConfig;
	db: Kysely<DatabaseSchema>;
	/** Single statements only, never a transaction: see db/database.ts. */
	reads: Kysely<DatabaseSchema>;
	dialectName: DialectName;
	/** For the busiest transaction, a push: see db/batchedTransaction.ts. */
	inBatchedTransaction: InBatchedTransaction;
	blobs: BlobStore;
	version: string;
	/** The clock; tests move it to check expiry. */
	now(): Date;
	close(): Promise<void>;
}

export interface StartOptions {
	now?: () => Date;
	log?: (line: string) => void;
}

/**
 * Opens the database, applies migrations (or refuses to start, see migrate.ts), seeds the demo on an
 * empty database and clears expired sessions.
 */
export async function createServerContext(
	config: ServerConfig,
	options: StartOptions = {}
): Promise<ServerContext> {
	const log = options.log ?? ((line: string) => console.log(line));
	const database = await createDatabase(config);
	try {
		const applied = await migrateToLatest(database.db, database.dialectName);
		if (applied.length > 0)
			log(`Datenbank (${database.dialectName}): Migrationen angewandt: ${applied.join(', ')}`);
		const ctx: ServerContext = {
			config,
			db: database.db,
			reads: database.reads,
			dialectName: database.dialectName,
			inBatchedTransaction: database.inBatchedTransaction,
			blobs: new FileBlobStore(path.join(config.dataDir, 'blobs')),
			version,
			now: options.now ?? (() => new Date()),
			close: () => database.close()
		};
		await removeExpiredAuthRows(ctx);
		// Of several server processes (scripts/serve.js) the first starts alone and prints the links
		// and logins; the others would only print them again, or a second admin link.
		const first = config.processIndex === 0;
		if (first) for (const warning of configWarnings(config)) log(warning);
		if (config.adminEmail && first) await createFirstAdmin(ctx, config.adminEmail, log);
		if (config.demoSeed) {
			await seedDemoDeployment(ctx);
			if (first) await printDemoLogins(ctx, log);
		}
		return ctx;
	} catch (error) {
		await database.close();
		throw error;
	}
}

// Kept on globalThis so a module reloaded by Vite in dev finds the running server, not a second one.
const holder = globalThis as typeof globalThis & { __guetesiegelServer?: Promise<ServerContext> };

/** The process's server context, started on first use (hooks `init` calls this at start). */
export function startServer(options?: StartOptions): Promise<ServerContext> {
	holder.__guetesiegelServer ??= createServerContext(loadConfig(), options);
	return holder.__guetesiegelServer;
}

/** Replaces the process's context; tests use it to run the same handlers on SQLite and PostgreSQL. */
export function useServerContext(ctx: ServerContext | null): void {
	if (ctx) holder.__guetesiegelServer = Promise.resolve(ctx);
	else delete holder.__guetesiegelServer;
}

export async function stopServer(): Promise<void> {
	const running = holder.__guetesiegelServer;
	delete holder.__guetesiegelServer;
	if (running) await (await running).close();
}
