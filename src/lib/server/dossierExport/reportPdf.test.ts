import { describe, expect, it } from 'vitest';
import { reportCatalogue, reportFeedback, reportInput, sha } from '../../../../tests/fixtures/dossierReport';
import { pdfInfo, pdfText } from '../../../../tests/support/pdfText';
import { renderReportPdf, REPORT_ERROR } from './reportPdf';

describe('the PDF report rendered on the server', () => {
	it('holds every criterion id, the points per area and German text, with title and language', async () => {
		const input = reportInput({ feedback: [reportFeedback('1.2')] });
		const bytes = await renderReportPdf(input);
		expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');

		const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
		for (const c of reportCatalogue.criteria) expect(text, c.id).toContain(`${c.id} ${c.title}`);
		for (const area of input.snapshot.readiness.areas)
			expect(text).toContain(`Punkte ${area.points} von mindestens ${area.pointsRequired}`);
		expect(text).toContain('Familienzentrum Sonnenblume – Süd');
		expect(text).toContain('Übergabe an die Fachberatung – „bitte prüfen“');
		expect(text).toContain('Straße & Süd');
		expect(text).toContain('Bitte nachbessern – Frieda Fachberatung');

		const info = await pdfInfo(bytes);
		expect(info.title).toBe(
			'Gütesiegel-Mappe – Familienzentrum Sonnenblume – Süd – Kindergartenjahr 2025/26 – Version 2'
		);
		expect(info.language).toBe('de-DE');
		expect(info.author).toBe('Lea Leitung');
		expect(info.pages).toBeGreaterThan(3);
		expect(text).toContain(`Seite 1 von ${info.pages}`);
		expect(text).toContain(`Seite ${info.pages} von ${info.pages}`);
	});

	it('renders the same bytes for the same input, also when more are asked at once than run', async () => {
		const input = reportInput({ evidenceCount: 3, photoCount: 0 });
		const [a, ...rest] = await Promise.all([1, 2, 3].map(() => renderReportPdf(input)));
		for (const b of rest) expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
	});

	it('fails with a German message when pdfmake cannot make the document', async () => {
		const input = reportInput({ thumbnails: new Map([[sha(1), 'data:image/jpeg;base64,AAAA']]) });
		await expect(renderReportPdf(input)).rejects.toThrow(REPORT_ERROR);
	});
});
