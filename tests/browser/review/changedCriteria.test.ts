import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import {
	addFileEvidence,
	DEMO,
	logIn,
	pdfBytes,
	SONNENBLUME,
	startSyncServer,
	tabletOn,
	type RunningServer
} from '../sync/support';

/**
 * Issue 15: the advisor opens the review page of the latest version, keeps only the criteria that
 * changed since the version before, and opens one to see what changed.
 */

let browser: Browser;
let server: RunningServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	[browser, server] = await Promise.all([launchBrowser(), startSyncServer()]);
});
afterAll(async () => {
	await Promise.allSettled(contexts.map((c) => c.close()));
	await browser?.close();
	await server?.stop();
});

async function signedIn(who: (typeof DEMO)[keyof typeof DEMO]): Promise<Page> {
	const context = await tabletOn(browser, server);
	contexts.push(context);
	return logIn(context, who);
}

/** Version 1 by the app's own hand-in; version 2 the same with a new note on 1.1, through the API. */
async function handInTwoVersions(): Promise<string> {
	const leitung = await signedIn(DEMO.leitung);
	await addFileEvidence(leitung, '1.1', 'Konzept Erziehungsberatung', pdfBytes('Konzept'));
	await leitung.goto('/mappe');
	await leitung.getByRole('button', { name: 'Mappe abgeben' }).click();
	await leitung.getByRole('button', { name: 'Ja, abgeben' }).click();
	await leitung.getByText(/Version 1 für/).waitFor({ timeout: 20_000 });

	const list = await (await leitung.request.get(`/api/dossiers?facility=${SONNENBLUME}`)).json();
	const first = await (await leitung.request.get(`/api/dossiers/${list.dossiers[0].id}`)).json();
	const snapshot = first.dossier.snapshot;
	const others = snapshot.statuses.filter((s: { criterionId: string }) => s.criterionId !== '1.1');
	snapshot.statuses = [
		...others,
		{
			criterionId: '1.1',
			status: 'in_arbeit',
			note: 'Sprechstundenplan hängt seit Oktober aus.',
			updatedAt: new Date().toISOString(),
			updatedBy: 'Lea Leitung'
		}
	];
	const handIn = await leitung.request.post('/api/dossiers', {
		data: { submissionId: randomUUID(), facilityId: SONNENBLUME, snapshot }
	});
	expect(handIn.status()).toBe(201);
	return (await handIn.json()).dossier.id;
}

describe('the advisor reviews what changed', () => {
	it('filters to changed criteria and opens one', async () => {
		await handInTwoVersions();
		const page = await signedIn(DEMO.beratung);
		await page.goto(`/beratung/${SONNENBLUME}`);
		await page.getByRole('link', { name: /– Version 2$/ }).click();
		await page.getByRole('heading', { level: 1, name: /Version 2$/ }).waitFor();

		const count = page.getByRole('status').filter({ hasText: /von \d+ Kriterien/ });
		await expect.poll(() => count.textContent()).toMatch(/^(\d+) von \1 Kriterien$/);
		const changedOnly = page.getByRole('checkbox', { name: 'Nur geänderte Kriterien' });
		// Enabled once the version before has been loaded to compare with.
		await expect.poll(() => changedOnly.isEnabled(), { timeout: 15_000 }).toBe(true);
		await changedOnly.check();
		await expect.poll(() => count.textContent()).toMatch(/^1 von \d+ Kriterien$/);

		const list = page.getByRole('navigation', { name: 'Kriterien der Mappe' });
		await list.getByRole('button', { name: /^1\.1 / }).click();
		const detail = page.getByRole('article');
		await detail.getByRole('heading', { level: 3, name: /1\.1/ }).waitFor();
		const changes = detail.getByRole('region', { name: 'Änderungen gegenüber Version 1' });
		await expect.poll(() => changes.textContent()).toContain('Notiz');
		await expect.poll(() => detail.textContent()).toContain('Sprechstundenplan hängt seit Oktober aus.');

		// The PDF in the page: sent inline, framed by the app without a policy refusing it.
		const refusals: string[] = [];
		page.on('console', (message) => {
			if (/Content Security Policy|Refused to (frame|display)/i.test(message.text()))
				refusals.push(message.text());
		});
		const pdf = page.waitForResponse(
			(r) => r.url().includes('/api/sync/attachments/') && r.url().includes('inline=1')
		);
		await detail.getByRole('button', { name: 'PDF hier ansehen: Konzept Erziehungsberatung' }).click();
		const answer = await pdf;
		expect(answer.status()).toBe(200);
		expect(answer.headers()['content-disposition']).toMatch(/^inline;/);
		await detail.getByTitle('PDF: Konzept Erziehungsberatung').waitFor();
		expect(refusals).toEqual([]);
	});
});
