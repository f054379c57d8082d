import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSession, postLogin, postLogout, postSetPassword } from '$lib/server/auth/handlers';
import { send } from '$lib/server/testing/requests';
import {
	addFacility,
	addUser,
	startTestServer,
	TEST_PASSWORD,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import { createServerContext } from '$lib/server/start';
import { logIn as logInDirectly } from './login';
import { createPasswordLink } from './passwordLinks';
import { hashToken } from './tokens';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe.each(testDialects)('accounts and sessions on %s', (dialect) => {
	let server: TestServer;
	let leitung: { id: string; email: string; password: string };

	beforeEach(async () => {
		server = await startTestServer(dialect);
		await addFacility(server.ctx, 'kita-a');
		leitung = await addUser(server.ctx, { id: 'leitung-a', role: 'leitung', facilityIds: ['kita-a'] });
	});
	afterEach(() => server.cleanup());

	const logIn = (email: string, password: string, ip?: string) =>
		send(postLogin, { path: '/api/auth/login', body: { email, password }, ip });

	async function tokenFor(email: string, password = TEST_PASSWORD): Promise<string> {
		const response = await logIn(email, password);
		expect(response.status).toBe(200);
		return response.sessionCookie!.value;
	}

	describe('login', () => {
		it('opens a session in an HttpOnly, SameSite=Lax cookie and reports the user', async () => {
			const response = await logIn(leitung.email.toUpperCase(), TEST_PASSWORD);
			expect(response.status).toBe(200);
			expect(response.body.user).toMatchObject({ id: 'leitung-a', role: 'leitung' });
			expect(response.body.user.facilities).toEqual([
				{ id: 'kita-a', name: 'Kita kita-a', familienzentrum: 'kita-a' }
			]);
			expect(response.sessionCookie?.options).toMatchObject({
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				secure: false
			});
			const session = await send(getSession, {
				path: '/api/auth/session',
				token: response.sessionCookie!.value
			});
			expect(session.status).toBe(200);
			expect(session.body.user.email).toBe(leitung.email);
		});

		it('stores only a hash of the session token', async () => {
			const token = await tokenFor(leitung.email);
			const rows = await server.ctx.db.selectFrom('sessions').select('id').execute();
			expect(rows).toEqual([{ id: hashToken(token) }]);
		});

		it('marks the cookie Secure when the server runs behind HTTPS', async () => {
			server.ctx.config.origin = 'https://siegel.example.org';
			const response = await logIn(leitung.email, TEST_PASSWORD);
			expect(response.sessionCookie?.options.secure).toBe(true);
		});

		it('answers the same German message for a wrong password, an unknown email and a locked account', async () => {
			await addUser(server.ctx, { id: 'gesperrt', role: 'team', facilityIds: ['kita-a'], disabled: true });
			await addUser(server.ctx, {
				id: 'ohne-passwort',
				role: 'team',
				facilityIds: ['kita-a'],
				password: null
			});
			for (const [email, password] of [
				[leitung.email, 'falsches-passwort'],
				['niemand@test.example', TEST_PASSWORD],
				['gesperrt@test.example', TEST_PASSWORD],
				['ohne-passwort@test.example', TEST_PASSWORD]
			]) {
				const response = await logIn(email, password);
				expect(response.status).toBe(401);
				expect(response.body.error).toEqual({
					code: 'invalid_credentials',
					message: 'E-Mail-Adresse oder Passwort ist falsch.'
				});
				expect(response.sessionCookie).toBeUndefined();
			}
		});

		it('gives a new session id on every login and ends the one the browser had', async () => {
			const first = await tokenFor(leitung.email);
			const second = await send(postLogin, {
				path: '/api/auth/login',
				body: { email: leitung.email, password: TEST_PASSWORD },
				token: first
			});
			expect(second.sessionCookie!.value).not.toBe(first);
			expect((await send(getSession, { path: '/api/auth/session', token: first })).status).toBe(401);
			expect(
				(await send(getSession, { path: '/api/auth/session', token: second.sessionCookie!.value })).status
			).toBe(200);
		});
	});

	// Each guess costs an argon2 verification: generous time on a loaded machine.
	describe('login throttling', { timeout: 60_000 }, () => {
		const STRANGER = '203.0.113.66';
		const ROUTER = '198.51.100.7';
		const retryAfter = (response: { headers: Headers }) => Number(response.headers.get('retry-after'));
		/** Makes this many wrong guesses count, each as soon as it is allowed. */
		async function guess(emails: (i: number) => string, times: number, ip: string): Promise<void> {
			for (let i = 0; i < times; i++) {
				const response = await logIn(emails(i), 'falsch-falsch', ip);
				if (response.status === 429) {
					server.clock.advance(retryAfter(response) * 1000);
					i--;
				} else expect(response.status).toBe(401);
			}
		}

		it("never lets a stranger's wrong passwords stop the user at her own address", async () => {
			await guess(() => leitung.email, 12, STRANGER);
			expect((await logIn(leitung.email, 'falsch-falsch', STRANGER)).status).toBe(429);
			expect((await logIn(leitung.email, TEST_PASSWORD)).status).toBe(200);
			// Her success does not forgive the stranger.
			expect((await logIn(leitung.email, TEST_PASSWORD, STRANGER)).status).toBe(429);
		});

		it('makes each further guess wait twice as long, in German with Retry-After, then lets the right password in', async () => {
			for (let i = 0; i < 3; i++) expect((await logIn(leitung.email, 'falsch-falsch')).status).toBe(401);
			const waits: number[] = [];
			for (let i = 0; i < 4; i++) {
				const blocked = await logIn(leitung.email, TEST_PASSWORD);
				expect(blocked.status).toBe(429);
				expect(blocked.body.error.code).toBe('rate_limited');
				waits.push(retryAfter(blocked));
				server.clock.advance(retryAfter(blocked) * 1000);
				expect((await logIn(leitung.email, 'falsch-falsch')).status).toBe(401);
			}
			expect(waits).toEqual([5, 10, 20, 40]);
			const blocked = await logIn(leitung.email, TEST_PASSWORD);
			expect(blocked.body.error.message).toBe(
				'Zu viele fehlgeschlagene Anmeldeversuche. Bitte in 2 Minuten erneut versuchen.'
			);
			server.clock.advance(80 * 1000);
			expect((await logIn(leitung.email, TEST_PASSWORD)).status).toBe(200);
		});

		it('never makes one account at one address wait longer than 15 minutes', async () => {
			let last = 0;
			for (let i = 0; i < 20; i++) {
				const response = await logIn(leitung.email, 'falsch-falsch');
				if (response.status === 429) {
					last = retryAfter(response);
					server.clock.advance(last * 1000);
				}
			}
			expect(last).toBe(15 * 60);
			server.clock.advance(15 * MINUTE);
			expect((await logIn(leitung.email, TEST_PASSWORD)).status).toBe(200);
		});

		it('slows someone trying many accounts from one router, but not the users who log in there', async () => {
			const team = await addUser(server.ctx, { id: 'team-a', role: 'team', facilityIds: ['kita-a'] });
			expect((await logIn(leitung.email, TEST_PASSWORD, ROUTER)).status).toBe(200);
			await guess((i) => `versuch${i}@test.example`, 25, ROUTER);
			const next = await logIn('versuch99@test.example', 'falsch-falsch', ROUTER);
			expect(next.status).toBe(429);
			expect(retryAfter(next)).toBeLessThanOrEqual(60);
			// The Leitung has logged in from this router before: she is not slowed by it.
			expect((await logIn(leitung.email, TEST_PASSWORD, ROUTER)).status).toBe(200);
			// A colleague's first login there waits at most a minute, and elsewhere not at all.
			const first = await logIn(team.email, TEST_PASSWORD, ROUTER);
			expect(first.status).toBe(429);
			expect(retryAfter(first)).toBeLessThanOrEqual(60);
			expect((await logIn(team.email, TEST_PASSWORD, '192.0.2.200')).status).toBe(200);
			server.clock.advance(retryAfter(first) * 1000);
			expect((await logIn(team.email, TEST_PASSWORD, ROUTER)).status).toBe(200);
		});

		it('forgives her own typos after a successful login', async () => {
			for (let i = 0; i < 2; i++) await logIn(leitung.email, 'falsch-falsch');
			expect((await logIn(leitung.email, TEST_PASSWORD)).status).toBe(200);
			for (let i = 0; i < 2; i++) await logIn(leitung.email, 'falsch-falsch');
			expect((await logIn(leitung.email, TEST_PASSWORD)).status).toBe(200);
		});

		it('throttles unknown addresses exactly like known ones', async () => {
			const answers = async (email: string) => {
				const statuses: number[] = [];
				for (let i = 0; i < 5; i++) statuses.push((await logIn(email, 'falsch-falsch', STRANGER)).status);
				return statuses;
			};
			expect(await answers('niemand@test.example')).toEqual(await answers(leitung.email));
		});
	});

	// An attacker fires a burst whenever a wait runs out: attempts sent at once must count as if sent
	// one after another, also when several server processes answer them.
	describe('login throttling under parallel attempts', { timeout: 120_000 }, () => {
		const STRANGER = '203.0.113.66';
		const statuses = async (responses: Promise<{ status: number }>[]) =>
			(await Promise.all(responses)).map((response) => response.status).sort();

		it('lets only three of thirty wrong passwords sent at once be checked, the rest wait', async () => {
			const answers = await statuses(
				Array.from({ length: 30 }, () => logIn(leitung.email, 'falsch-falsch', STRANGER))
			);
			expect(answers.filter((status) => status === 401)).toHaveLength(3);
			expect(answers.filter((status) => status === 429)).toHaveLength(27);
		});

		it('lets her own correct password in at once while a burst from elsewhere runs', async () => {
			const burst = Array.from({ length: 30 }, () => logIn(leitung.email, 'falsch-falsch', STRANGER));
			const own = logIn(leitung.email, TEST_PASSWORD, '192.0.2.10');
			expect((await own).status).toBe(200);
			const answers = await statuses(burst);
			expect(answers.filter((status) => status === 401)).toHaveLength(3);
			expect((await logIn(leitung.email, TEST_PASSWORD, '192.0.2.11')).status).toBe(200);
		});

		it('counts wrong passwords for many accounts sent at once from one address one by one', async () => {
			const answers = await statuses(
				Array.from({ length: 30 }, (_, i) => logIn(`versuch${i}@test.example`, 'falsch-falsch', STRANGER))
			);
			expect(answers.filter((status) => status === 401)).toHaveLength(20);
			expect(answers.filter((status) => status === 429)).toHaveLength(10);
			// An account that never logged in from there waits too; from elsewhere it does not.
			expect((await logIn(leitung.email, TEST_PASSWORD, STRANGER)).status).toBe(429);
			expect((await logIn(leitung.email, TEST_PASSWORD, '192.0.2.10')).status).toBe(200);
		});

		it('counts attempts answered by several server processes at once', async (context) => {
			// SQLite is opened by one process only (scripts/serve.js); PostgreSQL serves several.
			if (dialect === 'sqlite') context.skip();
			const processes = [
				server.ctx,
				...(await Promise.all(
					[1, 2].map(() => createServerContext(server.config, { now: server.clock.now, log: () => {} }))
				))
			];
			try {
				const results = await Promise.all(
					Array.from({ length: 30 }, (_, i) =>
						logInDirectly(
							processes[i % processes.length],
							{ email: leitung.email, password: 'falsch-falsch' },
							STRANGER
						)
					)
				);
				const outcomes = results.map((result) => result.outcome);
				expect(outcomes.filter((outcome) => outcome === 'invalid')).toHaveLength(3);
				expect(outcomes.filter((outcome) => outcome === 'rate_limited')).toHaveLength(27);
			} finally {
				await Promise.all(processes.slice(1).map((ctx) => ctx.close()));
			}
		});

		it('gives all IPv6 addresses of one /64 one budget, and another /64 its own', async () => {
			for (let i = 1; i <= 3; i++) {
				expect((await logIn(leitung.email, 'falsch-falsch', `2001:db8:1:2::${i}`)).status).toBe(401);
			}
			const rotated = await statuses(
				Array.from({ length: 5 }, (_, i) => logIn(leitung.email, TEST_PASSWORD, `2001:db8:1:2:${i}::7`))
			);
			expect(rotated).toEqual([429, 429, 429, 429, 429]);
			expect((await logIn(leitung.email, 'falsch-falsch', '2001:db8:1:3::1')).status).toBe(401);
			expect((await logIn(leitung.email, TEST_PASSWORD, '2001:db8:1:3::2')).status).toBe(200);
		});

		it('counts an IPv4 address written as IPv6 as that IPv4 address', async () => {
			for (let i = 0; i < 3; i++) {
				expect((await logIn(leitung.email, 'falsch-falsch', '::ffff:198.51.100.7')).status).toBe(401);
			}
			expect((await logIn(leitung.email, TEST_PASSWORD, '198.51.100.7')).status).toBe(429);
		});
	});

	describe('session lifetime', () => {
		const sessionStatus = async (token: string) =>
			(await send(getSession, { path: '/api/auth/session', token })).status;

		it('ends a session that was not used for longer than the idle timeout', async () => {
			const token = await tokenFor(leitung.email);
			server.clock.advance(7 * DAY - MINUTE);
			expect(await sessionStatus(token)).toBe(200);
			server.clock.advance(7 * DAY - MINUTE);
			expect(await sessionStatus(token)).toBe(200);
			server.clock.advance(7 * DAY + MINUTE);
			expect(await sessionStatus(token)).toBe(401);
			expect(await server.ctx.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
		});

		it('ends a session at its absolute end even when used every day', async () => {
			const token = await tokenFor(leitung.email);
			for (let day = 1; day < 30; day++) {
				server.clock.advance(DAY);
				expect(await sessionStatus(token)).toBe(200);
			}
			server.clock.advance(DAY);
			expect(await sessionStatus(token)).toBe(401);
		});

		it('ends the session on logout and clears the cookie', async () => {
			const token = await tokenFor(leitung.email);
			const response = await send(postLogout, { path: '/api/auth/logout', method: 'POST', token });
			expect(response.status).toBe(200);
			expect(response.sessionCookie?.value).toBe('');
			expect(await sessionStatus(token)).toBe(401);
		});

		it('ends all sessions of an account that is locked', async () => {
			const token = await tokenFor(leitung.email);
			await server.ctx.db.updateTable('users').set({ disabled: 1 }).where('id', '=', leitung.id).execute();
			expect(await sessionStatus(token)).toBe(401);
		});
	});

	describe('one-time link to set a password', () => {
		beforeEach(async () => {
			await addUser(server.ctx, { id: 'neu', role: 'team', facilityIds: ['kita-a'], password: null });
		});

		const setPassword = (token: string, password: string) =>
			send(postSetPassword, { path: '/api/auth/set-password', body: { token, password } });
		const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

		it('sets the password once; the same link then no longer works', async () => {
			const link = await createPasswordLink(server.ctx, 'neu', 'http://localhost:5173');
			expect(link.url).toMatch(/^http:\/\/localhost:5173\/passwort-setzen\?token=/);
			const first = await setPassword(tokenOf(link.url), 'ein-neues-passwort');
			expect(first.status).toBe(200);
			expect(first.body).toEqual({ ok: true, email: 'neu@test.example' });
			expect((await logIn('neu@test.example', 'ein-neues-passwort')).status).toBe(200);

			const again = await setPassword(tokenOf(link.url), 'noch-ein-passwort');
			expect(again.status).toBe(400);
			expect(again.body.error.code).toBe('invalid_token');
			expect((await logIn('neu@test.example', 'noch-ein-passwort')).status).toBe(401);
		});

		it('refuses a link older than seven days', async () => {
			const link = await createPasswordLink(server.ctx, 'neu', 'http://localhost:5173');
			expect(new Date(link.expiresAt).getTime() - server.clock.current.getTime()).toBe(7 * DAY);
			server.clock.advance(7 * DAY + 1000);
			expect((await setPassword(tokenOf(link.url), 'ein-neues-passwort')).status).toBe(400);
		});

		it('invalidates the earlier link when a new one is made', async () => {
			const older = await createPasswordLink(server.ctx, 'neu', 'http://localhost:5173');
			const newer = await createPasswordLink(server.ctx, 'neu', 'http://localhost:5173');
			expect((await setPassword(tokenOf(older.url), 'ein-neues-passwort')).status).toBe(400);
			expect((await setPassword(tokenOf(newer.url), 'ein-neues-passwort')).status).toBe(200);
		});

		it('refuses a password shorter than ten characters, in German, and keeps the link usable', async () => {
			const link = await createPasswordLink(server.ctx, 'neu', 'http://localhost:5173');
			const response = await setPassword(tokenOf(link.url), 'kurz');
			expect(response.status).toBe(400);
			expect(response.body.error.issues).toEqual([
				{ path: ['password'], message: 'Das Passwort muss mindestens 10 Zeichen lang sein' }
			]);
			expect((await setPassword(tokenOf(link.url), 'lang-genug-jetzt')).status).toBe(200);
		});

		it('refuses passwords that are easy to guess, in German, and keeps the link usable', async () => {
			const link = await createPasswordLink(server.ctx, 'neu', 'http://localhost:5173');
			for (const weak of ['1234567890', 'passwort123', 'neu@test.example', 'qwertzuiop1']) {
				const response = await setPassword(tokenOf(link.url), weak);
				expect(response.status).toBe(400);
				expect(response.body.error.code).toBe('weak_password');
				expect(response.body.error.issues).toEqual([
					{
						path: ['password'],
						message: expect.stringMatching(/leicht zu erraten\..* Tipp: drei oder vier Wörter/)
					}
				]);
			}
			expect((await logIn('neu@test.example', '1234567890')).status).toBe(401);
			expect((await setPassword(tokenOf(link.url), 'Lindenblüte-Kastanie-42')).status).toBe(200);
		});

		it('ends the sessions the user had with the old password', async () => {
			const token = await tokenFor(leitung.email);
			const link = await createPasswordLink(server.ctx, leitung.id, 'http://localhost:5173');
			expect((await setPassword(tokenOf(link.url), 'ganz-neues-passwort')).status).toBe(200);
			expect((await send(getSession, { path: '/api/auth/session', token })).status).toBe(401);
		});
	});
});
