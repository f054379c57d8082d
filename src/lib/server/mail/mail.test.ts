import net from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	postTeamMember,
	postTeamResetLink,
	postUser,
	postUserResetLink
} from '$lib/server/accounts/handlers';
import {
	getForgotPassword,
	getSession,
	postForgotPassword,
	postLogin,
	postSetPassword
} from '$lib/server/auth/handlers';
import { removeExpiredAuthRows } from '$lib/server/auth/housekeeping';
import { RESET_LIMITS } from '$lib/server/auth/forgotPassword';
import { send } from '$lib/server/testing/requests';
import { loginToken } from '$lib/server/testing/session';
import {
	addFacility,
	addUser,
	startTestServer,
	testDialects,
	type TestServer
} from '$lib/server/testing/testServer';
import { backgroundWorkSettled } from './background';
import { linkIn, startSmtpSink, type SmtpSink } from './testing/smtpSink';

const ORIGIN = 'https://mappe.traeger.example';
const FROM = 'Gütesiegel-Mappe <mappe@traeger.example>';
const SAME_ANSWER = { status: 202, body: { ok: true } };

let sink: SmtpSink;
beforeAll(async () => {
	sink = await startSmtpSink();
});
afterAll(() => sink.close());

describe.each(testDialects)('mail on %s', (dialect) => {
	let server: TestServer;

	beforeEach(async () => {
		sink.received.length = 0;
		sink.refusing = false;
		server = await startTestServer(dialect, { mail: { smtpUrl: sink.url, from: FROM }, origin: ORIGIN });
		await addFacility(server.ctx, 'kita-a');
		await addUser(server.ctx, { id: 'admin', role: 'admin' });
		await addUser(server.ctx, { id: 'leitung-a', role: 'leitung', facilityIds: ['kita-a'] });
		await addUser(server.ctx, { id: 'team-a', role: 'team', facilityIds: ['kita-a'] });
	});
	afterEach(async () => {
		await backgroundWorkSettled();
		await server.cleanup();
	});

	const forgot = (email: string, ip = '192.0.2.10') =>
		send(postForgotPassword, { path: '/api/auth/forgot-password', body: { email }, ip });
	const setPassword = (url: string, password: string) =>
		send(postSetPassword, {
			path: '/api/auth/set-password',
			body: { token: new URL(url).searchParams.get('token'), password }
		});

	describe('Passwort vergessen', () => {
		it('says it sends links by mail', async () => {
			const info = await send(getForgotPassword, { path: '/api/auth/forgot-password' });
			expect(info.body).toEqual({ byMail: true });
		});

		it('mails a one-time link on ORIGIN that sets the password and ends the other sessions', async () => {
			const session = await loginToken('team-a@test.example');
			const answer = await forgot(' Team-A@test.example ');
			expect({ status: answer.status, body: answer.body }).toEqual(SAME_ANSWER);

			const [mail] = await sink.waitFor(1);
			expect(mail.to).toEqual(['team-a@test.example']);
			expect(mail.from).toBe('mappe@traeger.example');
			expect(mail.subject).toBe('Passwort zurücksetzen in der Gütesiegel-Mappe');
			expect(mail.text).toContain('„Passwort vergessen“');
			expect(mail.text).toContain('Ihr bisheriges Passwort gilt weiter');
			expect(mail.html).toContain('<a href="https://mappe.traeger.example/passwort-setzen?token=');
			// Nothing about anyone else: not even the recipient's own name or centre.
			expect(mail.text).not.toContain('Person team-a');
			expect(mail.text).not.toContain('Kita');
			const url = linkIn(mail);
			expect(url.startsWith(`${ORIGIN}/passwort-setzen?token=`)).toBe(true);

			expect((await setPassword(url, 'Lindenblüte-Kastanie-42')).status).toBe(200);
			expect((await send(getSession, { path: '/api/auth/session', token: session })).status).toBe(401);
			const login = await send(postLogin, {
				path: '/api/auth/login',
				body: { email: 'team-a@test.example', password: 'Lindenblüte-Kastanie-42' }
			});
			expect(login.status).toBe(200);
			expect((await setPassword(url, 'Noch-ein-anderes-42')).status).toBe(400);
		});

		it('answers alike for an unknown address and a locked account, and sends nothing', async () => {
			await addUser(server.ctx, { id: 'gesperrt', role: 'team', facilityIds: ['kita-a'], disabled: true });
			for (const email of ['niemand@test.example', 'gesperrt@test.example']) {
				const answer = await forgot(email);
				expect({ status: answer.status, body: answer.body }).toEqual(SAME_ANSWER);
				expect([...answer.headers.keys()].sort()).toEqual(
					[...(await forgot('team-a@test.example')).headers.keys()].sort()
				);
			}
			await backgroundWorkSettled();
			expect(sink.received.map((mail) => mail.to[0])).toEqual(['team-a@test.example', 'team-a@test.example']);
		});

		it('does not wait for the SMTP server before answering', async () => {
			// A server that accepts the connection and never greets: the mail hangs, the answer does not.
			const sockets = new Set<net.Socket>();
			const silent = net.createServer((socket) => sockets.add(socket));
			await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
			const port = (silent.address() as net.AddressInfo).port;
			server.ctx.config.mail = { smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM };
			try {
				const answer = await forgot('team-a@test.example');
				expect({ status: answer.status, body: answer.body }).toEqual(SAME_ANSWER);
				await expect.poll(() => sockets.size).toBe(1);
			} finally {
				for (const socket of sockets) socket.destroy();
				await new Promise((resolve) => silent.close(resolve));
			}
		});

		it('sends at most three mails an hour to one address, silently', async () => {
			for (let i = 0; i < RESET_LIMITS.perEmail + 2; i++) {
				const answer = await forgot('team-a@test.example', `192.0.2.${20 + i}`);
				expect({ status: answer.status, body: answer.body }).toEqual(SAME_ANSWER);
			}
			await backgroundWorkSettled();
			expect(sink.received).toHaveLength(RESET_LIMITS.perEmail);
			server.clock.advance(RESET_LIMITS.windowMs + 1000);
			await removeExpiredAuthRows(server.ctx);
			expect(await server.ctx.db.selectFrom('password_reset_requests').selectAll().execute()).toEqual([]);
			await forgot('team-a@test.example');
			await sink.waitFor(RESET_LIMITS.perEmail + 1);
		});

		it('slows one client address trying many addresses, in German, whatever the addresses are', async () => {
			for (let i = 0; i < RESET_LIMITS.perAddress; i++) {
				expect((await forgot(`person-${i}@test.example`)).status).toBe(202);
			}
			const refused = await forgot('team-a@test.example');
			expect(refused.status).toBe(429);
			expect(refused.body.error.message).toBe(
				'Zu viele Anfragen von diesem Anschluss. Bitte in 60 Minuten erneut versuchen.'
			);
			expect(refused.headers.get('retry-after')).toBe('3600');
			// Another client is not slowed by it.
			expect((await forgot('team-a@test.example', '198.51.100.7')).status).toBe(202);
			await backgroundWorkSettled();
			expect(sink.received).toHaveLength(1);
		});

		it('refuses bad input with a German message', async () => {
			const answer = await forgot('keine-adresse');
			expect(answer.status).toBe(400);
			expect(answer.body.error.issues).toEqual([
				{ path: ['email'], message: 'Bitte eine gültige E-Mail-Adresse angeben' }
			]);
		});
	});

	describe('links issued by the admin and the Leitung', () => {
		it('mails a new account its link and says so', async () => {
			const admin = await loginToken('admin@test.example');
			const created = await send(postUser, {
				path: '/api/admin/users',
				token: admin,
				body: {
					email: 'neu@test.example',
					displayName: 'Neue Person',
					role: 'leitung',
					facilityIds: ['kita-a']
				}
			});
			expect(created.status).toBe(201);
			expect(created.body.link.mail).toEqual({ to: 'neu@test.example', sent: true });
			const [mail] = await sink.waitFor(1);
			expect(mail.subject).toBe('Ihr Zugang zur Gütesiegel-Mappe');
			expect(mail.to).toEqual(['neu@test.example']);
			expect(mail.text).not.toContain('Neue Person');
			expect(linkIn(mail)).toBe(created.body.link.url);
			expect((await setPassword(linkIn(mail), 'Lindenblüte-Kastanie-42')).status).toBe(200);
		});

		it('mails a new link from the admin, and shows it when the SMTP server refuses', async () => {
			const admin = await loginToken('admin@test.example');
			const relink = () =>
				send(postUserResetLink, {
					path: '/api/admin/users/team-a/reset-link',
					params: { id: 'team-a' },
					token: admin,
					body: {}
				});
			const sent = await relink();
			expect(sent.body.link.mail).toEqual({ to: 'team-a@test.example', sent: true });
			expect((await sink.waitFor(1))[0].subject).toBe('Neuer Link für Ihr Passwort in der Gütesiegel-Mappe');

			sink.refusing = true;
			const failed = await relink();
			expect(failed.status).toBe(200);
			expect(failed.body.link.mail).toEqual({ to: 'team-a@test.example', sent: false });
			expect(failed.body.link.url).toMatch(/\/passwort-setzen\?token=/);
			expect((await setPassword(failed.body.link.url, 'Lindenblüte-Kastanie-42')).status).toBe(200);
		});

		it('mails a team member the Leitung creates or re-links, an invitation like an account', async () => {
			await addFacility(server.ctx, 'kita-b');
			await addUser(server.ctx, { id: 'anderswo', role: 'team', facilityIds: ['kita-b'] });
			const leitung = await loginToken('leitung-a@test.example');
			const create = (email: string) =>
				send(postTeamMember, {
					path: '/api/team',
					token: leitung,
					body: { email, displayName: 'Neu', facilityIds: ['kita-a'] }
				});
			const fresh = await create('frisch@test.example');
			const invited = await create('anderswo@test.example');
			expect(fresh.body.link.mail).toEqual({ to: 'frisch@test.example', sent: true });
			expect(invited.body.link.mail).toEqual({ to: 'anderswo@test.example', sent: true });
			const mails = await sink.waitFor(2);
			expect(mails.map((mail) => mail.subject)).toEqual([
				'Ihr Zugang zur Gütesiegel-Mappe',
				'Ihr Zugang zur Gütesiegel-Mappe'
			]);
			const relinked = await send(postTeamResetLink, {
				path: '/api/team/team-a/reset-link',
				params: { id: 'team-a' },
				token: leitung,
				body: {}
			});
			expect(relinked.body.link.mail).toEqual({ to: 'team-a@test.example', sent: true });
			expect((await sink.waitFor(3))[2].to).toEqual(['team-a@test.example']);
		});
	});
});

describe('without SMTP', () => {
	let server: TestServer;
	beforeEach(async () => {
		server = await startTestServer('sqlite', { origin: ORIGIN });
		await addFacility(server.ctx, 'kita-a');
		await addUser(server.ctx, { id: 'admin', role: 'admin' });
	});
	afterEach(() => server.cleanup());

	it('„Passwort vergessen“ sends people to the Leitung or the admin', async () => {
		expect((await send(getForgotPassword, { path: '/api/auth/forgot-password' })).body).toEqual({
			byMail: false
		});
		const answer = await send(postForgotPassword, {
			path: '/api/auth/forgot-password',
			body: { email: 'admin@test.example' }
		});
		expect(answer.status).toBe(503);
		expect(answer.body.error.message).toContain(
			'Bitte wenden Sie sich an Ihre Leitung oder die Administration'
		);
	});

	it('shows links as before, with no word of mail', async () => {
		const admin = await loginToken('admin@test.example');
		const created = await send(postUser, {
			path: '/api/admin/users',
			token: admin,
			body: { email: 'neu@test.example', displayName: 'Neu', role: 'team', facilityIds: ['kita-a'] }
		});
		expect(Object.keys(created.body.link).sort()).toEqual(['expiresAt', 'url']);
	});

	it('needs ORIGIN for „Passwort vergessen“, so a forged Host header never ends up in a mail', async () => {
		server.ctx.config.mail = { smtpUrl: 'smtp://127.0.0.1:1', from: FROM };
		server.ctx.config.origin = null;
		expect((await send(getForgotPassword, { path: '/api/auth/forgot-password' })).body).toEqual({
			byMail: false
		});
	});
});
