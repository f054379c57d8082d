import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ReportInput } from './input';
import { coverPage, resultTable } from './cover';
import { criteriaSection, thumbnailKey } from './criteria';
import { registerSection } from './registers';
import { dateTimeDe } from './text';

/**
 * The PDF report of a dossier version (issue 14) as pdfmake's document definition: plain data (and
 * the header and footer functions), so the device and the server render the same report from the
 * same input. pdfmake itself is only loaded by the renderers (client/services/dossierExport,
 * server/dossierExport).
 *
 * Accessibility: the document carries its title (shown by viewers) and language. pdfmake 0.3 can
 * mark a PDF as tagged (`tagged`, `subset: 'PDF/UA'`) but writes no structure elements for its
 * content, so such a mark would promise screen readers a structure that is empty; we leave it off.
 */

export const REPORT_FONT = 'Roboto';

export function reportTitle(input: Pick<ReportInput, 'snapshot' | 'version'>): string {
	const { snapshot, version } = input;
	const which = version === null ? 'wartet auf Übertragung' : `Version ${version}`;
	return `Gütesiegel-Mappe – ${snapshot.facility.name} – ${snapshot.period.label} – ${which}`;
}

function photoImages(input: ReportInput): Record<string, string> {
	const images: Record<string, string> = {};
	if (!input.thumbnails) return images;
	for (const e of input.snapshot.evidence) {
		const sha = e.attachment?.sha256;
		if (e.kind !== 'photo' || !sha) continue;
		const url = input.thumbnails.get(sha);
		if (url) images[thumbnailKey(sha)] = url;
	}
	return images;
}

/** The running header's text and what the footer counts: the page furniture as data. */
export interface PageFurniture {
	running: string;
}

/**
 * Adds the running header (from page 2) and the footer „Seite n von m“. Self-contained on purpose
 * (no imports, no outer names): the server runs its source in a worker thread, where the definition
 * arrives as data and functions cannot travel (server/dossierExport/reportPdf.ts).
 */
export function addPageFurniture(
	definition: TDocumentDefinitions,
	furniture: PageFurniture
): TDocumentDefinitions {
	definition.header = function (currentPage: number) {
		return currentPage === 1 ? '' : { text: furniture.running, style: 'running', margin: [48, 24, 48, 0] };
	};
	definition.footer = function (currentPage: number, pageCount: number) {
		return {
			text: 'Seite ' + currentPage + ' von ' + pageCount,
			style: 'running',
			alignment: 'center',
			margin: [48, 16, 48, 0]
		};
	};
	return definition;
}

/** The report as plain data (structured-cloneable) and its page furniture. */
export function reportDocument(input: ReportInput): {
	definition: TDocumentDefinitions;
	furniture: PageFurniture;
} {
	const { snapshot } = input;
	const content: Content[] = [
		...coverPage(input),
		...resultTable(snapshot.readiness),
		...criteriaSection(input),
		...registerSection(input)
	];
	const definition: TDocumentDefinitions = {
		info: {
			title: reportTitle(input),
			author: input.submittedBy || snapshot.preparedBy,
			subject: `Bericht zur Mappe für das Gütesiegel Familienzentrum NRW, erstellt ${dateTimeDe(input.madeAt)}`,
			keywords: 'Gütesiegel, Familienzentrum NRW, Mappe',
			creator: 'Gütesiegel-Mappe',
			producer: 'Gütesiegel-Mappe (pdfmake)',
			creationDate: new Date(input.madeAt)
		},
		language: 'de-DE',
		displayTitle: true,
		pageSize: 'A4',
		pageMargins: [48, 56, 48, 56],
		content,
		images: photoImages(input),
		defaultStyle: { font: REPORT_FONT, fontSize: 10, lineHeight: 1.2 },
		styles: {
			kicker: { fontSize: 12, color: '#555555' },
			title: { fontSize: 22, bold: true, margin: [0, 2, 0, 16] },
			h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 8] },
			h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 6] },
			h3: { fontSize: 11, margin: [0, 6, 0, 2] },
			h4: { fontSize: 10, bold: true, margin: [0, 2, 0, 2] },
			label: { color: '#444444' },
			small: { fontSize: 8.5, color: '#444444' },
			warnSmall: { fontSize: 8.5, color: '#9a3412', bold: true },
			tableHead: { bold: true },
			ok: { color: '#166534', bold: true },
			warn: { color: '#9a3412', bold: true },
			running: { fontSize: 8, color: '#555555' }
		}
	};
	return { definition, furniture: { running: `${snapshot.facility.name} · ${snapshot.period.label}` } };
}

export function dossierReport(input: ReportInput): TDocumentDefinitions {
	const { definition, furniture } = reportDocument(input);
	return addPageFurniture(definition, furniture);
}
