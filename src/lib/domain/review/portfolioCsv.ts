import { formatDateDe, formatDateTimeDe } from '../dates';
import type { ReviewFacilitySummary } from '../dossier/review';
import { toCsv } from '../registers/csv/csv';
import { roundDateLabels } from './roundDates';

/**
 * The portfolio as a CSV file for Excel, the rows as the table shows them (filtered and sorted).
 * The texts are the table's, so the file reads like the page.
 */

type Readiness = ReviewFacilitySummary['readiness'];

export function basisMet(r: Readiness): number {
	return r.basisLeistung + r.basisStruktur;
}

export function basisRequired(r: Readiness): number {
	return r.basisLeistungRequired + r.basisStrukturRequired;
}

/** „34 von 40 Punkten, Basis 10 von 12“. */
export function readinessFigures(r: Readiness): string {
	return `${r.points} von ${r.pointsRequired} Punkten, Basis ${basisMet(r)} von ${basisRequired(r)}`;
}

export function readinessVerdict(r: Readiness): string {
	return r.passes ? 'erreicht' : 'nicht erreicht';
}

/** „Besuch vor Ort: 12.03.2027“. */
export function nextDateText(row: ReviewFacilitySummary): string {
	return row.nextDate ? `${roundDateLabels[row.nextDate.kind]}: ${formatDateDe(row.nextDate.date)}` : '';
}

/** „Kalenderjahr 2026, Version 2 vom 23.11.2026, 09:01“. */
export function latestDossierText(row: ReviewFacilitySummary): string {
	const d = row.latestDossier;
	return d ? `${d.periodLabel}, Version ${d.version} vom ${formatDateTimeDe(d.receivedAt)}` : '';
}

export const PORTFOLIO_CSV_HEADERS = [
	'Familienzentrum',
	'Mindestanforderungen',
	'Punkte',
	'Punkte erforderlich',
	'Basis erreicht',
	'Basis erforderlich',
	'Gütesiegel gültig bis',
	'Nächster Termin',
	'Termin am',
	'Zuletzt synchronisiert',
	'Letzte Abgabe',
	'Offene Punkte',
	'Unbeantwortete Antworten'
] as const;

export function portfolioCsv(rows: readonly ReviewFacilitySummary[]): string {
	return toCsv(
		PORTFOLIO_CSV_HEADERS,
		rows.map((row) => [
			row.name,
			readinessVerdict(row.readiness),
			row.readiness.points,
			row.readiness.pointsRequired,
			basisMet(row.readiness),
			basisRequired(row.readiness),
			row.sealValidUntil ? formatDateDe(row.sealValidUntil) : '',
			row.nextDate ? roundDateLabels[row.nextDate.kind] : '',
			row.nextDate ? formatDateDe(row.nextDate.date) : '',
			row.lastSyncAt ? formatDateTimeDe(row.lastSyncAt) : '',
			latestDossierText(row),
			row.openFeedback,
			row.unansweredReplies
		])
	);
}

/** „Meine-Zentren-2026-11-23.csv“. */
export function portfolioCsvFileName(today: string): string {
	return `Meine-Zentren-${today}.csv`;
}
