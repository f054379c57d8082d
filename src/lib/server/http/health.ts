import { sql } from 'kysely';
import { endpoint, json } from '$lib/server/http/endpoint';

/** For load balancers and the client's online check: answers without a session. */
export const getHealth = endpoint(async (_event, ctx) => {
	try {
		await sql`select 1`.execute(ctx.db);
	} catch (error) {
		console.error('Health check: database unreachable', error);
		return json({ status: 'error', database: ctx.dialectName, version: ctx.version }, { status: 503 });
	}
	return json({ status: 'ok', database: ctx.dialectName, version: ctx.version });
});
