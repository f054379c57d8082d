import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn, startSmtpSink, type SmtpSink } from '../../src/lib/server/mail/testing/smtpSink';
import { launchBrowser } from './support/browser';
import { DEMO, logIn, startSyncServer, tabletOn, type RunningServer } from './sync/support';

/**
 * „Passwort vergessen“ end to end: the built server with SMTP_URL pointing at a local SMTP sink, a
 * tablet that asks for a link, the mail that arrives, and the link that sets a new password.
 */

let sink: SmtpSink;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	sink = await startSmtpSink();
	server = await startSyncServer({
		env: { SMTP_URL: sink.url, MAIL_FROM: 'Gütesiegel-Mappe <mappe@traeger.example>' }
	});
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	await sink?.close();
});

describe('Passwort vergessen', () => {
	it('mails a link that sets a new password, which logs in; the other tablet is signed out', async () => {
		// Her other tablet is signed in with the old password.
		const other: BrowserContext = await tabletOn(browser, server);
		await logIn(other, DEMO.team);
		const context = await tabletOn(browser, server);
		const page = await context.newPage();

		await page.goto('/anmelden');
		await page.getByRole('link', { name: 'Passwort vergessen?', exact: true }).click();
		await page.getByRole('heading', { name: 'Passwort vergessen', exact: true }).waitFor();
		await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(DEMO.team.email);
		await page.getByRole('button', { name: 'Link anfordern', exact: true }).click();
		await expect
			.poll(() => page.getByRole('status').textContent())
			.toContain(`Wenn ein Konto zu der Adresse ${DEMO.team.email} besteht`);

		const [mail] = await sink.waitFor(1, 30_000);
		expect(mail.to).toEqual([DEMO.team.email]);
		expect(mail.subject).toBe('Passwort zurücksetzen in der Gütesiegel-Mappe');
		const link = linkIn(mail);
		expect(link.startsWith(`${server.url}/passwort-setzen?token=`)).toBe(true);

		await page.goto(link);
		await page.getByLabel('Neues Passwort', { exact: true }).fill('Lindenblüte-Kastanie-42');
		await page.getByLabel('Passwort wiederholen', { exact: true }).fill('Lindenblüte-Kastanie-42');
		await page.getByRole('button', { name: 'Passwort speichern', exact: true }).click();
		// Saving the password signs the device in with it (the set-up guide of issue 16, part 7).
		await page.getByRole('button', { name: new RegExp(DEMO.team.name) }).waitFor({ timeout: 30_000 });

		// The old session is gone on the server: the other tablet's cookie no longer opens one.
		const session = await other.request.get('/api/auth/session');
		expect(session.status()).toBe(401);
		// The link worked once.
		const again = await page.request.post('/api/auth/set-password', {
			data: { token: new URL(link).searchParams.get('token'), password: 'Noch-ein-Passwort-42' },
			headers: { origin: server.url }
		});
		expect(again.status()).toBe(400);
		await other.close();
		await context.close();
	});
});
