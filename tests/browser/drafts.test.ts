import type { Browser, BrowserContext, Dialog, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { firstCriterion } from './support/app';
import { launchBrowser, launchPersistent, newContext, newProfileDir, openAppOnline } from './support/browser';
import { killBrowser, storedDraft } from './support/drafts';

const criterionPath = `/kriterien/${encodeURIComponent(firstCriterion.id)}`;
const noteKey = `criterion-note:${firstCriterion.id}`;
const NOTE = 'Termine mit der Beratungsstelle für das Frühjahr abstimmen';

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});
beforeEach(async () => {
	context = await newContext(browser);
});
afterEach(async () => {
	await context?.close();
});

async function criterionPage(page: Page): Promise<void> {
	await page
		.getByRole('heading', { level: 1, name: new RegExp(firstCriterion.title) })
		.waitFor({ timeout: 15_000 });
}

const noteField = (page: Page) => page.getByRole('textbox', { name: 'Notiz zum Kriterium' });

/** Dialogs the page opened (none expected); each is dismissed so that a test never hangs on one. */
function recordDialogs(page: Page): string[] {
	const seen: string[] = [];
	page.on('dialog', (dialog: Dialog) => {
		seen.push(`${dialog.type()}: ${dialog.message()}`);
		void dialog.dismiss();
	});
	return seen;
}

describe('drafts', () => {
	it('brings back a criterion note typed but not saved after a reload', async () => {
		const page = await openAppOnline(context, criterionPath);
		await criterionPage(page);
		// Typed without leaving the field: the note itself is not saved yet, only its draft.
		await noteField(page).fill(NOTE);
		await expect.poll(() => storedDraft(page, noteKey), { timeout: 15_000 }).toEqual(NOTE);

		await page.reload();
		await criterionPage(page);
		await expect.poll(() => noteField(page).inputValue(), { timeout: 15_000 }).toBe(NOTE);
		await page.getByRole('status').filter({ hasText: 'Entwurf wiederhergestellt' }).waitFor();

		// Discarding goes back to the saved (empty) note and forgets the draft.
		await page.getByRole('button', { name: 'Verwerfen' }).click();
		await expect.poll(() => noteField(page).inputValue()).toBe('');
		await expect.poll(() => storedDraft(page, noteKey)).toBeUndefined();
	});

	it('brings back a note typed just before the browser was killed', async () => {
		const profile = newProfileDir();
		let persistent = await launchPersistent(profile.path);
		try {
			let page = await openAppOnline(persistent, criterionPath);
			await criterionPage(page);
			await noteField(page).fill(NOTE);
			await expect.poll(() => storedDraft(page, noteKey), { timeout: 15_000 }).toEqual(NOTE);

			const closed = new Promise<void>((resolve) => persistent.once('close', () => resolve()));
			killBrowser(profile.path);
			await closed;

			persistent = await launchPersistent(profile.path);
			page = persistent.pages()[0] ?? (await persistent.newPage());
			await page.goto(criterionPath);
			await criterionPage(page);
			await expect.poll(() => noteField(page).inputValue(), { timeout: 15_000 }).toBe(NOTE);
			await page.getByText('Entwurf wiederhergestellt').waitFor();
		} finally {
			await persistent.close().catch(() => undefined);
			profile.remove();
		}
	});

	it('keeps a half-filled register form across a navigation link, without asking', async () => {
		const page = await openAppOnline(context, '/register/partner');
		const dialogs = recordDialogs(page);
		await page.getByRole('heading', { level: 1, name: 'Kooperationspartner' }).waitFor({ timeout: 15_000 });
		await page.getByRole('button', { name: 'Partner eintragen' }).click();
		await page.getByLabel('Name der Organisation').fill('Erziehungsberatungsstelle Nord');
		await page.getByLabel('Art des Partners').selectOption({ label: 'Erziehungsberatungsstelle' });

		await page.getByRole('navigation').getByRole('link', { name: 'Übersicht' }).first().click();
		await page.getByRole('heading', { level: 1, name: /^Übersicht/ }).waitFor({ timeout: 15_000 });
		await page.goBack();
		await page.getByRole('heading', { level: 1, name: 'Kooperationspartner' }).waitFor({ timeout: 15_000 });

		const name = page.getByLabel('Name der Organisation');
		await expect.poll(() => name.inputValue(), { timeout: 15_000 }).toBe('Erziehungsberatungsstelle Nord');
		await expect
			.poll(() => page.getByLabel('Art des Partners').locator('option:checked').textContent())
			.toBe('Erziehungsberatungsstelle');
		await page.getByText('Entwurf wiederhergestellt').waitFor();
		expect(dialogs).toEqual([]);

		// Once saved, the draft is gone: the page opens without the form. (Exact names: the field's hint
		// „z. B. „Caritas-Erziehungsberatungsstelle Nord““ holds the name too.)
		await page.getByRole('button', { name: 'Speichern' }).click();
		await page.getByText('„Erziehungsberatungsstelle Nord“ ist gespeichert.').waitFor();
		await page.reload();
		await page.getByRole('heading', { level: 1, name: 'Kooperationspartner' }).waitFor({ timeout: 15_000 });
		await page.getByText('Erziehungsberatungsstelle Nord', { exact: true }).waitFor();
		await expect(page.getByLabel('Name der Organisation').count()).resolves.toBe(0);
	});

	it('keeps an open note and evidence form when another tab upgrades the database', async () => {
		const pageA = await openAppOnline(context, criterionPath);
		await criterionPage(pageA);
		await pageA.getByRole('button', { name: 'Nachweis hinzufügen' }).click();
		await pageA.getByRole('textbox', { name: 'Titel' }).fill('Flyer Elterncafé');
		// The note last, so that its field still has the focus: the note is not saved, only typed.
		await noteField(pageA).fill(NOTE);

		// Tab B, a newer version of the app, upgrades the workspace database.
		const pageB = await context.newPage();
		await pageB.goto('/favicon.svg');
		await pageB.evaluate(async () => {
			const info = (await indexedDB.databases()).find((d) => d.name === 'guetesiegel-mappe');
			if (!info?.version) throw new Error('no workspace database');
			await new Promise<void>((resolve, reject) => {
				const request = indexedDB.open('guetesiegel-mappe', info.version! + 1);
				request.onsuccess = () => {
					request.result.close();
					resolve();
				};
				request.onerror = () => reject(request.error);
			});
		});

		await pageA.getByText('Die App wurde in einem anderen Tab aktualisiert.').waitFor({ timeout: 15_000 });
		await pageA.getByRole('button', { name: 'Seite neu laden' }).click();
		await criterionPage(pageA);
		await expect.poll(() => noteField(pageA).inputValue(), { timeout: 15_000 }).toBe(NOTE);
		await expect
			.poll(() => pageA.getByRole('textbox', { name: 'Titel' }).inputValue(), { timeout: 15_000 })
			.toBe('Flyer Elterncafé');
		await expect.poll(() => pageA.getByText('Entwurf wiederhergestellt').count()).toBe(2);
	});
});
