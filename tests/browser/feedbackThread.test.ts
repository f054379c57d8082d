import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, injectAxe, SERIOUS_AND_WORSE } from './support/axe';
import { launchBrowser, tablet } from './support/browser';
import {
	DEMO,
	goOffline,
	logIn,
	setStatus,
	SONNENBLUME,
	startSyncServer,
	syncNow,
	tabletOn,
	type RunningServer
} from './sync/support';

/**
 * Issue 15 end to end: the advisor reviews a handed-in dossier version, narrows it to the changed
 * criteria and asks for an improvement (refused without a comment); the Leitung's tablet pulls it,
 * goes offline, finds the point on the Übersicht, in the criteria list and the to-do list, answers on
 * the criterion page, syncs when back online, and the advisor reads the answer.
 */

const CRITERION = '1.4';
const COMMENT = 'Bitte die aktuelle Liste der Beratungsstellen anhängen.';
const ANSWER = 'Die Liste vom November hängt jetzt als Nachweis an.';

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

/** Hands in the dossier of the current period at /mappe (online: it goes to the server at once). */
async function handIn(page: Page, version: number): Promise<void> {
	await page.goto('/mappe');
	await page.getByRole('button', { name: 'Mappe abgeben' }).click();
	await page.getByRole('button', { name: 'Ja, abgeben' }).click();
	await page.getByText(new RegExp(`Version ${version} für .* ist gespeichert`)).waitFor({ timeout: 20_000 });
}

/** The advisor works on a laptop. */
async function laptop(): Promise<BrowserContext> {
	const context = await browser.newContext({
		...tablet,
		viewport: { width: 1366, height: 900 },
		baseURL: server.url
	});
	contexts.push(context);
	return context;
}

/** Opens version `version` of the demo centre's dossiers in the advisor's review workspace. */
async function openReview(page: Page, version: number): Promise<void> {
	await page.goto(`/beratung/${SONNENBLUME}`);
	await page.getByRole('link', { name: new RegExp(`– Version ${version}$`) }).click();
	await page.getByRole('heading', { level: 2, name: 'Kriterien prüfen' }).waitFor({ timeout: 20_000 });
}

function shownCriteria(page: Page): Promise<string[]> {
	return page
		.getByRole('navigation', { name: 'Kriterien der Mappe' })
		.locator('[data-criterion]')
		.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-criterion') ?? ''));
}

/** Serious or critical axe violations of the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
	await injectAxe(page);
	return axeViolations(page, SERIOUS_AND_WORSE);
}

describe('the Fachberatung’s feedback and the Leitung’s answer', () => {
	it('goes from the review to the offline tablet and back', async () => {
		// The Leitung hands in twice; between the versions criterion 1.4 changed.
		const leitung = await tabletOn(browser, server);
		contexts.push(leitung);
		const tabletPage = await logIn(leitung, DEMO.leitung);
		await handIn(tabletPage, 1);
		await setStatus(tabletPage, CRITERION, 'Erfüllt');
		await handIn(tabletPage, 2);

		// The advisor reviews version 2, only the criteria changed since version 1.
		const advisor = await laptop();
		const advisorPage = await logIn(advisor, DEMO.beratung);
		await openReview(advisorPage, 2);
		await advisorPage.getByLabel('Nur geänderte Kriterien').check();
		await expect.poll(() => shownCriteria(advisorPage)).toEqual([CRITERION]);
		await advisorPage.locator(`[data-criterion="${CRITERION}"]`).click();
		const feedback = advisorPage.getByRole('region', { name: 'Rückmeldung', exact: true });
		await feedback.getByRole('button', { name: `Rückmeldung geben zu ${CRITERION}` }).click();
		await feedback.getByRole('radio', { name: 'Bitte nachbessern' }).check();
		await feedback.getByRole('button', { name: 'Speichern' }).click();
		await feedback.getByText('Bitte kurz schreiben, was nachgebessert werden soll.').waitFor();
		await feedback.getByLabel('Kommentar für die Kita').fill(COMMENT);
		await feedback.getByRole('button', { name: 'Speichern' }).click();
		await feedback.getByRole('button', { name: `Rückmeldung ändern zu ${CRITERION}` }).waitFor();
		await expect.poll(() => feedback.textContent()).toContain(COMMENT);

		// The tablet pulls the feedback, then leaves the Wi-Fi.
		await syncNow(tabletPage);
		await goOffline(leitung, tabletPage);

		await tabletPage.goto('/');
		const card = tabletPage.getByRole('region', {
			name: 'Rückmeldungen der Fachberatung – 1 offener Punkt'
		});
		await card.waitFor({ timeout: 15_000 });
		const point = card.getByRole('list', { name: 'Offene Punkte' });
		await expect.poll(() => point.textContent()).toContain('Bitte nachbessern');
		await expect.poll(() => point.textContent()).toContain(COMMENT);
		const todo = tabletPage.getByRole('list', { name: 'Rückmeldungen der Fachberatung beantworten' });
		await expect
			.poll(() => todo.getByRole('link').first().textContent())
			.toMatch(new RegExp(`^\\s*Rückmeldung der Fachberatung beantworten: ${CRITERION.replace('.', '\\.')}`));
		expect(await seriousViolations(tabletPage)).toEqual([]);

		await tabletPage.goto('/kriterien?rueckmeldung=offen');
		const row = tabletPage.locator(`[data-criterion="${CRITERION}"]`);
		await row.getByText('Rückmeldung offen').waitFor();
		await expect
			.poll(() =>
				tabletPage
					.locator('[data-criterion]')
					.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-criterion')))
			)
			.toEqual([CRITERION]);
		expect(await seriousViolations(tabletPage)).toEqual([]);

		await row.getByRole('link').click();
		const section = tabletPage.getByRole('region', { name: 'Rückmeldung der Fachberatung', exact: true });
		await expect.poll(() => section.textContent()).toContain(COMMENT);
		expect(await seriousViolations(tabletPage)).toEqual([]);
		await section.getByLabel('Ihre Antwort an die Fachberatung').fill(ANSWER);
		await section.getByRole('button', { name: 'Antworten' }).click();
		await section.getByText('Antwort gespeichert – wird beim nächsten Synchronisieren gesendet').waitFor();
		await expect.poll(() => section.textContent()).toContain(ANSWER);

		await tabletPage.goto('/');
		await tabletPage
			.getByRole('list', { name: 'Beantwortet, wartet auf die Fachberatung' })
			.getByRole('link', { name: new RegExp(`^${CRITERION.replace('.', '\\.')}`) })
			.waitFor({ timeout: 15_000 });
		expect(await tabletPage.getByRole('list', { name: 'Offene Punkte' }).count()).toBe(0);

		// Back online, the answer goes to the server with the next sync; the advisor reads it.
		await leitung.setOffline(false);
		await syncNow(tabletPage);

		await openReview(advisorPage, 2);
		await advisorPage.locator(`[data-criterion="${CRITERION}"]`).click();
		await expect
			.poll(() => advisorPage.getByRole('region', { name: 'Rückmeldung', exact: true }).textContent(), {
				timeout: 15_000
			})
			.toContain(ANSWER);
	}, 240_000);
});
