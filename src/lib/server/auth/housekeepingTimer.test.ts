import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession } from '$lib/server/auth/sessions';
import { addUser, startTestServer, testDialects, type TestServer } from '$lib/server/testing/testServer';
import { HOUSEKEEPING_INTERVAL_MS, scheduleHousekeeping } from './housekeepingTimer';

const HOUR = 60 * 60 * 1000;

describe.each(testDialects)('housekeeping on %s', (dialect) => {
	let server: TestServer;
	beforeEach(async () => {
		server = await startTestServer(dialect);
		vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
	});
	afterEach(async () => {
		vi.useRealTimers();
		await server.cleanup();
	});

	const sessionCount = async () =>
		Number(
			(
				await server.ctx.db
					.selectFrom('sessions')
					.select((eb) => eb.fn.countAll().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);

	it('removes expired sessions every hour while the server runs, not only at start', async () => {
		const user = await addUser(server.ctx, { id: 'u-hk', role: 'team' });
		await createSession(server.ctx, user.id);
		const housekeeping = scheduleHousekeeping(server.ctx);
		try {
			// A week and a bit without use: the session is dead but still stored.
			server.clock.advance(server.config.session.idleMs + HOUR);
			vi.advanceTimersByTime(HOUSEKEEPING_INTERVAL_MS - 1);
			await housekeeping.idle();
			expect(await sessionCount()).toBe(1);

			vi.advanceTimersByTime(1);
			await housekeeping.idle();
			expect(await sessionCount()).toBe(0);

			// A live session stays through the next runs.
			await createSession(server.ctx, user.id);
			vi.advanceTimersByTime(2 * HOUSEKEEPING_INTERVAL_MS);
			await housekeeping.idle();
			expect(await sessionCount()).toBe(1);
		} finally {
			housekeeping.stop();
		}
	});

	it('stops with the server: no run after stop', async () => {
		const user = await addUser(server.ctx, { id: 'u-hk2', role: 'team' });
		await createSession(server.ctx, user.id);
		const housekeeping = scheduleHousekeeping(server.ctx);
		housekeeping.stop();
		server.clock.advance(server.config.session.absoluteMs + HOUR);
		vi.advanceTimersByTime(3 * HOUSEKEEPING_INTERVAL_MS);
		await housekeeping.idle();
		expect(await sessionCount()).toBe(1);
		expect(vi.getTimerCount()).toBe(0);
	});
});
