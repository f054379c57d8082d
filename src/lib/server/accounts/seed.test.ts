import { afterEach, describe, expect, it } from 'vitest';
import { postLogin } from '$lib/server/auth/handlers';
import { createServerContext } from '$lib/server/start';
import { DEMO_ACCOUNTS, DEMO_FACILITIES, seedDemoDeployment } from '$lib/server/accounts/seed';
import { send } from '$lib/server/testing/requests';
import { startTestServer, testDialects, type TestServer } from '$lib/server/testing/testServer';

describe.each(testDialects)('the demo deployment on %s', (dialect) => {
	let server: TestServer | undefined;
	afterEach(async () => {
		await server?.cleanup();
		server = undefined;
	});

	it('is seeded on first start, prints the logins, and every demo login works', async () => {
		server = await startTestServer(dialect);
		const lines: string[] = [];
		const ctx = await createServerContext(
			{ ...server.config, demoSeed: true },
			{ log: (l) => lines.push(l) }
		);
		try {
			const output = lines.join('\n');
			expect(output).toContain('Familienzentrum Sonnenblume (demo-sonnenblume)');
			for (const account of DEMO_ACCOUNTS) {
				expect(output).toContain(account.email);
				expect(output).toContain(account.password);
				const login = await send(postLogin, {
					path: '/api/auth/login',
					body: { email: account.email, password: account.password }
				});
				expect(login.status, account.email).toBe(200);
			}
			const advisor = await send(postLogin, {
				path: '/api/auth/login',
				body: { email: 'beratung@demo.example', password: 'Demo-Beratung-2026' }
			});
			expect(advisor.body.user.facilities.map((f: { id: string }) => f.id)).toEqual([
				DEMO_FACILITIES.sonnenblume.id
			]);
		} finally {
			await ctx.close();
		}
	});

	it('is not seeded again once there are users, nor with DEMO_SEED=0', async () => {
		server = await startTestServer(dialect);
		expect(await server.ctx.db.selectFrom('users').selectAll().execute()).toEqual([]);
		expect(await seedDemoDeployment(server.ctx)).not.toBeNull();
		expect(await seedDemoDeployment(server.ctx)).toBeNull();
		const users = await server.ctx.db.selectFrom('users').select('email').execute();
		expect(users).toHaveLength(DEMO_ACCOUNTS.length);
	});
});

describe.each(testDialects)('the first admin of a real deployment on %s', (dialect) => {
	let server: TestServer | undefined;
	afterEach(async () => {
		await server?.cleanup();
		server = undefined;
	});

	it('is created from ADMIN_EMAIL with a printed one-time link, and no demo accounts', async () => {
		server = await startTestServer(dialect);
		const lines: string[] = [];
		const config = {
			...server.config,
			adminEmail: 'it@traeger.example',
			demoSeed: true,
			origin: 'https://fz.example'
		};
		const ctx = await createServerContext(config, { log: (l) => lines.push(l) });
		await ctx.close();
		expect(lines.join('\n')).toMatch(
			/it@traeger\.example.*\n {2}https:\/\/fz\.example\/passwort-setzen\?token=/
		);
		const users = await server.ctx.db.selectFrom('users').select(['email', 'role']).execute();
		expect(users).toEqual([{ email: 'it@traeger.example', role: 'admin' }]);

		// Until the password is set, each start prints a fresh link; afterwards nothing.
		const again: string[] = [];
		const second = await createServerContext(config, { log: (l) => again.push(l) });
		await second.close();
		expect(again.join('\n')).toContain('/passwort-setzen?token=');
		await server.ctx.db.updateTable('users').set({ password_hash: 'x' }).execute();
		const third: string[] = [];
		const last = await createServerContext(config, { log: (l) => third.push(l) });
		await last.close();
		expect(third.join('\n')).not.toContain('passwort-setzen');
	});
});
