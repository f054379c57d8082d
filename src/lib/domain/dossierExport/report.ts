/** The PDF report of a dossier version: see ./report/report.ts. */
export {
	addPageFurniture,
	dossierReport,
	reportDocument,
	reportTitle,
	REPORT_FONT,
	type PageFurniture
} from './report/report';
export type { ReportInput } from './report/input';
export { MISSING_FILE_TEXT } from './report/criteria';
