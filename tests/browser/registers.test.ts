import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, openAppOnline } from './support/browser';
import { injectAxe } from './support/axe';

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

/** Criterion 2.3 of the working catalogue declares `familyEducationOffers` (kind Elterncafé, min 1). */
const CRITERION = '2.3';
const TITLE = 'Elterncafé „Frühstück für Väter und Mütter“';

async function heading(page: Page, name: RegExp | string): Promise<void> {
	await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 15_000 });
}

/** Serious and critical WCAG A/AA problems axe finds inside `selector`. */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
	await injectAxe(page);
	return page.evaluate(async (include) => {
		type Result = { violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] };
		const axe = (window as unknown as { axe: { run: (c: object, o: object) => Promise<Result> } }).axe;
		const { violations } = await axe.run(
			{ include: [include] },
			{ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }
		);
		return violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	}, selector);
}

describe('registers offline', () => {
	it('enters a course offline, counts it on its criterion and exports it as CSV for Excel', async () => {
		const page = await openAppOnline(context);
		await context.setOffline(true);

		await page.goto('/register/familienbildung');
		await heading(page, 'Familienbildung');
		// Dates in the current review period (the working catalogue counts calendar years).
		const year = await page.evaluate(() => new Date().getFullYear());

		await page.getByRole('button', { name: 'Angebot eintragen' }).click();
		await page.getByLabel('Titel', { exact: true }).fill(TITLE);
		await page.getByLabel('Art des Angebots').selectOption({ label: 'Elterncafé' });
		await page.getByLabel('Datum Termin 1').fill(`${year}-02-03`);
		await page.getByLabel('Teilnehmende Termin 1').fill('12');
		await page.getByRole('button', { name: 'Termin hinzufügen' }).click();
		await page.getByLabel('Datum Termin 2').fill(`${year}-02-10`);
		await page.getByLabel('Teilnehmende Termin 2').fill('9');
		await page.getByLabel('Kosten').selectOption({ label: 'Kostenfrei' });
		await page.getByRole('button', { name: 'Speichern' }).click();
		await page
			.getByRole('status')
			.filter({ hasText: `„${TITLE}“ ist gespeichert.` })
			.waitFor();
		await page.getByText('2 Termine (03.02.').first().waitFor();

		// CSV export: UTF-8 with BOM, `;` between cells, umlauts intact.
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'CSV exportieren' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/\.csv$/);
		const bytes = readFileSync(await download.path());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = bytes.toString('utf8').slice(1).split('\r\n');
		expect(lines[0].split(';').slice(0, 3)).toEqual(['Titel', 'Art', 'Kooperationspartner']);
		const row = lines.find((line) => line.startsWith(TITLE));
		expect(row, lines.join('\n')).toBeDefined();
		expect(row!.split(';')).toEqual(
			expect.arrayContaining([TITLE, 'Elterncafé', 'ja', '2', '21', `03.02.${year}`, `10.02.${year}`])
		);

		// The criterion it supports counts it and suggests "laut Register erfüllt".
		await page.goto(`/kriterien/${CRITERION}`);
		await heading(page, /Elterncafé oder offener Treff/);
		const box = page.getByRole('region', { name: `Aus den Registern (Kalenderjahr ${year})` });
		await box.getByText('1 Angebot der Art Elterncafé im Zeitraum (mindestens 1)').waitFor();
		await box.getByText('2 Termine, 21 Teilnehmende, 100 % kostenfrei').waitFor();
		await box.getByText('laut Register erfüllt').waitFor();

		// And the course can be cited as evidence, offline too.
		await page.getByRole('button', { name: 'Registereintrag zitieren' }).click();
		await page.getByLabel('Register', { exact: true }).selectOption('familyEducationOffers');
		await page.getByRole('radio', { name: new RegExp(TITLE) }).check();
		expect(await seriousViolations(page, '.register-citations')).toEqual([]);
		await page.getByRole('button', { name: 'Als Nachweis zitieren' }).click();
		const cited = page.getByRole('region', { name: 'Belege aus den Registern (1)' });
		await cited.getByRole('link', { name: TITLE }).waitFor();
		expect(await cited.getByRole('link', { name: TITLE }).getAttribute('href')).toBe(
			`/register/familienbildung?zeitraum=cy-${year}`
		);
	});

	it('warns on the Übersicht about a partner agreement that ends within 90 days', async () => {
		const page = await openAppOnline(context);
		await context.setOffline(true);

		await page.goto('/register/partner');
		await heading(page, 'Kooperationspartner');
		const [signedOn, validUntil] = await page.evaluate(() => {
			const day = (offset: number) => {
				const d = new Date();
				d.setDate(d.getDate() + offset);
				return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
			};
			return [day(-700), day(30)];
		});
		await page.getByRole('button', { name: 'Partner eintragen' }).click();
		await page.getByLabel('Name der Organisation').fill('Erziehungsberatungsstelle Süd');
		await page.getByLabel('Art des Partners').selectOption({ label: 'Erziehungsberatungsstelle' });
		await page.getByRole('checkbox', { name: 'Es gibt eine schriftliche Vereinbarung' }).check();
		await page.getByLabel('Unterschrieben am').fill(signedOn);
		await page.getByLabel('Gültig bis (optional)').fill(validUntil);
		await page.getByRole('button', { name: 'Speichern' }).click();
		await page.getByText('Erziehungsberatungsstelle Süd').first().waitFor();

		await page.getByRole('navigation').getByRole('link', { name: 'Übersicht' }).first().click();
		await heading(page, /^Übersicht/);
		const card = page.getByRole('region', { name: 'Vereinbarungen verlängern (1)' });
		await card.getByRole('link', { name: 'Erziehungsberatungsstelle Süd' }).waitFor();
		await card.getByText(/\(in 30 Tagen\)/).waitFor();
		expect(await seriousViolations(page, '.agreements')).toEqual([]);
	});
});
