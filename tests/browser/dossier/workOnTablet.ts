// What a Leitung does on her tablet before handing in: a photo as evidence and a register entry.
import type { Page } from 'playwright-core';

/** Adds a photo (drawn by the browser, 1200 × 900) as evidence of a criterion through the form. */
export async function addPhotoEvidence(page: Page, criterionId: string, title: string): Promise<void> {
	await page.goto(`/kriterien/${encodeURIComponent(criterionId)}`);
	const bytes = await page.evaluate(async () => {
		const canvas = new OffscreenCanvas(1200, 900);
		const ctx = canvas.getContext('2d')!;
		ctx.fillStyle = '#f2e6c9';
		ctx.fillRect(0, 0, 1200, 900);
		ctx.fillStyle = '#1d5c4d';
		ctx.font = 'bold 120px sans-serif';
		ctx.fillText('Elterncafé', 100, 450);
		const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
		return Array.from(new Uint8Array(await blob.arrayBuffer()));
	});
	await page.getByRole('button', { name: 'Nachweis hinzufügen' }).click();
	await page.getByRole('radio', { name: 'Foto' }).check();
	await page
		.getByLabel('Bild auswählen')
		.setInputFiles({ name: 'aushang.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(bytes) });
	await page.getByText(/Pixel/).waitFor({ timeout: 20_000 });
	await page.getByRole('textbox', { name: 'Titel' }).fill(title);
	await page.getByRole('button', { name: 'Nachweis speichern' }).click();
	await page.getByRole('list', { name: 'Nachweise' }).getByText(title).first().waitFor();
}

/** Enters a family education course with two dates in the current calendar year. */
export async function addCourse(page: Page, title: string): Promise<void> {
	await page.goto('/register/familienbildung');
	await page.getByRole('heading', { level: 1, name: 'Familienbildung' }).waitFor({ timeout: 15_000 });
	const year = await page.evaluate(() => new Date().getFullYear());
	await page.getByRole('button', { name: 'Angebot eintragen' }).click();
	await page.getByLabel('Titel', { exact: true }).fill(title);
	await page.getByLabel('Art des Angebots').selectOption({ label: 'Elterncafé' });
	await page.getByLabel('Datum Termin 1').fill(`${year}-02-03`);
	await page.getByLabel('Teilnehmende Termin 1').fill('12');
	await page.getByLabel('Kosten').selectOption({ label: 'Kostenfrei' });
	await page.getByRole('button', { name: 'Speichern' }).click();
	await page
		.getByRole('status')
		.filter({ hasText: `„${title}“ ist gespeichert.` })
		.waitFor();
}
