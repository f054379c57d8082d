/** The PDF report of a dossier version: see ./report/report.ts. */
export { dossierReport, reportTitle, REPORT_FONT } from './report/report';
export type { ReportInput } from './report/input';
export { MISSING_FILE_TEXT } from './report/criteria';
