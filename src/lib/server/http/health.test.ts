import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import { getHealth } from '$lib/server/http/health';
import { useServerContext } from '$lib/server/start';
import { send } from '$lib/server/testing/requests';
import { startTestServer, testDialects, type TestServer } from '$lib/server/testing/testServer';
import { version } from '../../../../package.json';

describe.each(testDialects)('/api/health on %s', (dialect) => {
	let server: TestServer;
	beforeEach(async () => {
		server = await startTestServer(dialect);
	});
	afterEach(() => server.cleanup());

	it('reports version, the database and the free disk of DATA_DIR', async () => {
		const response = await send(getHealth, { path: '/api/health' });
		expect(response.status).toBe(200);
		expect(response.body).toEqual({
			status: 'ok',
			version,
			database: dialect,
			databaseStatus: 'ok',
			disk: { freeBytes: expect.any(Number), totalBytes: expect.any(Number) }
		});
		expect(response.body.disk.freeBytes).toBeGreaterThan(0);
		expect(response.body.disk.freeBytes).toBeLessThanOrEqual(response.body.disk.totalBytes);
	});

	it('answers 503 when the database does not answer, so a balancer takes the server out', async () => {
		// Nothing listens on port 1: every query fails as with a database that went away.
		const down = new Kysely<Database>({
			dialect: new PostgresDialect({
				pool: new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', max: 1 })
			})
		});
		useServerContext({ ...server.ctx, db: down, reads: down });
		try {
			const response = await send(getHealth, { path: '/api/health' });
			expect(response.status).toBe(503);
			expect(response.body).toMatchObject({ status: 'error', databaseStatus: 'error', version });
			expect(response.body.disk.freeBytes).toBeGreaterThan(0);
		} finally {
			useServerContext(server.ctx);
			await down.destroy();
		}
	});
});
