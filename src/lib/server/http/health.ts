import { statfs } from 'node:fs/promises';
import { sql } from 'kysely';
import type { ServerContext } from '$lib/server/context';
import { endpoint, json } from '$lib/server/http/endpoint';
import { logger } from '$lib/server/log/logger';

/** A database that has not answered `select 1` by then counts as down: a balancer must not wait. */
const DATABASE_TIMEOUT_MS = 5000;

export interface Health {
	/** `ok` while the database answers; the answer is then 200, else 503. */
	status: 'ok' | 'error';
	version: string;
	database: ServerContext['dialectName'];
	databaseStatus: 'ok' | 'error';
	/** Room left where DATA_DIR lies (database file, files, backups); null when it cannot be read. */
	disk: { freeBytes: number; totalBytes: number } | null;
}

async function databaseAnswers(ctx: ServerContext): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error('no answer in time')), DATABASE_TIMEOUT_MS).unref();
	});
	try {
		await Promise.race([sql`select 1`.execute(ctx.reads), timeout]);
		return true;
	} catch (error) {
		logger.error({ err: error }, 'health check: database unreachable');
		return false;
	} finally {
		clearTimeout(timer);
	}
}

/** Free and total bytes of the file system that holds `dir`. */
export async function diskSpace(dir: string): Promise<Health['disk']> {
	try {
		const stats = await statfs(dir);
		// bavail: what an unprivileged process (the server's user) may still write.
		return { freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
	} catch {
		return null;
	}
}

/** For load balancers, monitoring and the client's online check: answers without a session. */
export const getHealth = endpoint(async (_event, ctx) => {
	const [databaseOk, disk] = await Promise.all([databaseAnswers(ctx), diskSpace(ctx.config.dataDir)]);
	const health: Health = {
		status: databaseOk ? 'ok' : 'error',
		version: ctx.version,
		database: ctx.dialectName,
		databaseStatus: databaseOk ? 'ok' : 'error',
		disk
	};
	return json(health, { status: databaseOk ? 200 : 503 });
});
