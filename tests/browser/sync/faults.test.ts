import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import {
	addFileEvidence,
	DEMO,
	goOffline,
	logIn,
	pdfBytes,
	recordsOf,
	restartableServer,
	serverRecords,
	setStatus,
	sha256,
	syncLine,
	syncNow,
	tabletOn,
	waitUntilSynced,
	type RestartableServer
} from './support';
import { outboxOf } from './device';

/**
 * Sync under faults: after each, every change made offline is on the server exactly once and the
 * tablet has nothing left waiting.
 */

let browser: Browser;
let server: RestartableServer;
let context: BrowserContext;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});
afterEach(async () => {
	await context?.close();
	await server?.dispose();
});

async function leitungOffline(env: Record<string, string> = {}): Promise<Page> {
	server = await restartableServer(env);
	context = await tabletOn(browser, server);
	const page = await logIn(context, DEMO.leitung);
	await goOffline(context, page);
	return page;
}

/**
 * Routes the next matching request through `handler`, later ones go straight to the server.
 * Returns a check that the fault has happened (sync may have retried on its own since).
 */
async function once(
	page: Page,
	url: string,
	method: string,
	handler: (route: Route) => Promise<void>
): Promise<() => Promise<void>> {
	let done = false;
	let used = false;
	await page.route(url, async (route) => {
		if (used || route.request().method() !== method) return route.continue();
		used = true;
		await handler(route);
		done = true;
	});
	return () => expect.poll(() => done, { timeout: 20_000 }).toBe(true);
}

async function statusesOnServer(criterionId: string) {
	return recordsOf(await serverRecords(context), 'criterionStatuses').filter(
		(s) => s.criterionId === criterionId
	);
}

/** „Zuletzt synchronisiert …“ is only shown with no change waiting and no error; the outbox agrees. */
async function expectNothingWaiting(page: Page) {
	await waitUntilSynced(page);
	expect(await outboxOf(page)).toEqual({ pending: 0, rejected: 0 });
}

describe('sync under faults', () => {
	it('loses and doubles nothing when the connection is cut after the server took a push', async () => {
		const page = await leitungOffline();
		await setStatus(page, '1.3', 'Erfüllt');
		await setStatus(page, '1.5', 'In Arbeit');
		const faulted = await once(page, '**/api/sync/push', 'POST', async (route) => {
			await route.fetch(); // the server stores the batch …
			await route.abort('connectionreset'); // … but its answer never arrives
		});
		await context.setOffline(false);
		await faulted();

		await syncNow(page);
		await expectNothingWaiting(page);
		expect(await statusesOnServer('1.3')).toEqual([expect.objectContaining({ status: 'erfuellt' })]);
		expect(await statusesOnServer('1.5')).toEqual([expect.objectContaining({ status: 'in_arbeit' })]);
	});

	it('loses and doubles nothing when the connection is cut during an upload', async () => {
		const page = await leitungOffline();
		const file = pdfBytes('Kooperationsvereinbarung Erziehungsberatung');
		await addFileEvidence(page, '1.2', 'Kooperationsvertrag', file);
		const faulted = await once(page, '**/api/sync/attachments/*', 'PUT', (route) =>
			route.abort('connectionreset')
		);
		await context.setOffline(false);
		await faulted();

		await syncNow(page);
		await expectNothingWaiting(page);
		const evidence = recordsOf(await serverRecords(context), 'evidence').filter(
			(e) => e.title === 'Kooperationsvertrag'
		);
		expect(evidence).toHaveLength(1);
		const attachment = evidence[0].attachment as { sha256: string };
		expect(attachment.sha256).toBe(sha256(file));
		const download = await context.request.get(`/api/sync/attachments/${attachment.sha256}`);
		expect(download.status()).toBe(200);
		expect(sha256(await download.body())).toBe(sha256(file));
	});

	it('changes nothing when the same push reaches the server twice', async () => {
		const page = await leitungOffline();
		await setStatus(page, '1.6', 'Erfüllt');
		let bodies = 0;
		const faulted = await once(page, '**/api/sync/push', 'POST', async (route) => {
			await route.fetch();
			const second = await route.fetch();
			bodies = 2;
			await route.fulfill({ response: second });
		});
		await context.setOffline(false);
		await faulted();
		await syncNow(page);
		expect(bodies).toBe(2);
		await expectNothingWaiting(page);
		const [status] = await statusesOnServer('1.6');
		expect(status).toMatchObject({ status: 'erfuellt' });
		// Applied once: the second copy did not make a new revision.
		const records = await serverRecords(context);
		const revisions = records.filter((r) => r.table === 'criterionStatuses' && r.recordId.endsWith(':1.6'));
		expect(revisions).toHaveLength(1);
		expect(recordsOf(records, 'syncConflicts')).toEqual([]);
	});

	it('loses and doubles nothing when the server restarts in the middle of a sync', async () => {
		const page = await leitungOffline();
		await setStatus(page, '1.7', 'Erfüllt');
		await addFileEvidence(page, '1.7', 'Flyer Frühförderung', pdfBytes('Flyer'));
		const faulted = await once(page, '**/api/sync/push', 'POST', async (route) => {
			await route.fetch();
			await server.stop();
			await route.abort('connectionrefused');
		});
		await context.setOffline(false);
		await faulted();

		await server.start();
		await syncNow(page);
		await expectNothingWaiting(page);
		const records = await serverRecords(context);
		expect(recordsOf(records, 'criterionStatuses').filter((s) => s.criterionId === '1.7')).toHaveLength(1);
		expect(recordsOf(records, 'evidence').filter((e) => e.title === 'Flyer Frühförderung')).toHaveLength(1);
	});

	it('keeps every change through an expired session and sends it after logging in again', async () => {
		// Sessions end after 6 seconds without use.
		const page = await leitungOffline({ SESSION_IDLE_HOURS: String(6 / 3600) });
		await setStatus(page, '1.8', 'Erfüllt');
		await page.waitForTimeout(7000);
		await context.setOffline(false);
		await page.getByRole('button', { name: 'Jetzt synchronisieren' }).click();
		await expect
			.poll(async () => syncLine(page).textContent(), { timeout: 15_000 })
			.toMatch(/Bitte erneut anmelden/);
		expect(await context.request.get('/api/auth/session').then((r) => r.status())).toBe(401);

		await page.locator('.sync').getByRole('link', { name: 'Anmelden' }).click();
		await page.getByLabel('E-Mail-Adresse').fill(DEMO.leitung.email);
		await page.getByLabel('Passwort', { exact: true }).fill(DEMO.leitung.password);
		await page.getByRole('button', { name: 'Anmelden' }).click();
		await page.waitForURL((url) => url.pathname.startsWith('/kriterien'));
		await expectNothingWaiting(page);
		expect(await statusesOnServer('1.8')).toEqual([expect.objectContaining({ status: 'erfuellt' })]);
	});

	it('stores a dossier handed in once, even when its answer is lost', async () => {
		const page = await leitungOffline();
		await page.goto('/mappe');
		await page.getByRole('button', { name: 'Mappe abgeben' }).click();
		await page.getByRole('button', { name: 'Ja, abgeben' }).click();
		await page.getByText(/Wartet auf Übertragung/).waitFor();
		const faulted = await once(page, '**/api/dossiers', 'POST', async (route) => {
			await route.fetch();
			await route.abort('connectionreset');
		});
		await context.setOffline(false);
		await faulted();
		await syncNow(page);
		await page.getByText(/Version 1 für Kalenderjahr \d{4} ist gespeichert/).waitFor({ timeout: 20_000 });
		const listed = await context.request.get('/api/dossiers?facility=demo-sonnenblume');
		expect(((await listed.json()) as { dossiers: unknown[] }).dossiers).toHaveLength(1);
	});
});
