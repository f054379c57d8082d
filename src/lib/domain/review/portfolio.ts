import { addMonths } from 'date-fns';
import { parseLocalDate, toLocalDate, type LocalDate } from '../dates';
import type { ReviewFacilitySummary } from '../dossier/review';

/**
 * The advisor's portfolio as she looks at it: her centres filtered and sorted. Pure, so the table
 * and the CSV export show the same rows in the same order.
 */

export type PortfolioColumn =
	| 'name'
	| 'readiness'
	| 'sealValidUntil'
	| 'nextDate'
	| 'lastSyncAt'
	| 'latestDossier'
	| 'openFeedback'
	| 'unansweredReplies';

export type SortDirection = 'ascending' | 'descending';

export interface PortfolioSort {
	column: PortfolioColumn;
	direction: SortDirection;
}

export interface PortfolioFilter {
	/** Part of the centre's name (or its Familienzentrum's), any case. */
	query: string;
	withOpenFeedback: boolean;
	withUnansweredReplies: boolean;
	/** The seal ends within six months (or has ended). */
	sealExpiring: boolean;
	/** The minimums are not met. */
	notReady: boolean;
}

export const noPortfolioFilter: PortfolioFilter = {
	query: '',
	withOpenFeedback: false,
	withUnansweredReplies: false,
	sealExpiring: false,
	notReady: false
};

export const defaultPortfolioSort: PortfolioSort = { column: 'name', direction: 'ascending' };

/** How many months ahead a seal's end counts as „läuft ab“. */
export const SEAL_WARNING_MONTHS = 6;

/** Whether the seal ends within six months of today; an ended seal counts too, it needs action most. */
export function sealExpiresSoon(sealValidUntil: LocalDate | null, today: LocalDate): boolean {
	if (!sealValidUntil) return false;
	return sealValidUntil <= toLocalDate(addMonths(parseLocalDate(today), SEAL_WARNING_MONTHS));
}

function normalize(text: string): string {
	return text.toLocaleLowerCase('de-DE').normalize('NFC');
}

export function matchesPortfolioFilter(
	row: ReviewFacilitySummary,
	filter: PortfolioFilter,
	today: LocalDate
): boolean {
	const query = normalize(filter.query.trim());
	if (query && !normalize(`${row.name} ${row.familienzentrum}`).includes(query)) return false;
	if (filter.withOpenFeedback && row.openFeedback === 0) return false;
	if (filter.withUnansweredReplies && row.unansweredReplies === 0) return false;
	if (filter.sealExpiring && !sealExpiresSoon(row.sealValidUntil, today)) return false;
	if (filter.notReady && row.readiness.passes) return false;
	return true;
}

type SortKey = string | number | null;

const collator = new Intl.Collator('de-DE', { numeric: true, sensitivity: 'base' });

/** The value a column sorts by; null (nothing known) always goes last. */
function sortKey(row: ReviewFacilitySummary, column: PortfolioColumn): SortKey {
	switch (column) {
		case 'name':
			return row.name;
		case 'readiness':
			// Passing centres above failing ones, then by points reached of those required.
			return (
				(row.readiness.passes ? 1 : 0) * 1e6 +
				(row.readiness.pointsRequired > 0 ? row.readiness.points / row.readiness.pointsRequired : 0)
			);
		case 'sealValidUntil':
			return row.sealValidUntil;
		case 'nextDate':
			return row.nextDate?.date ?? null;
		case 'lastSyncAt':
			return row.lastSyncAt;
		case 'latestDossier':
			return row.latestDossier?.receivedAt ?? null;
		case 'openFeedback':
			return row.openFeedback;
		case 'unansweredReplies':
			return row.unansweredReplies;
	}
}

function compareKeys(a: SortKey, b: SortKey): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return collator.compare(String(a), String(b));
}

export function sortPortfolio(
	rows: readonly ReviewFacilitySummary[],
	sort: PortfolioSort
): ReviewFacilitySummary[] {
	const sign = sort.direction === 'ascending' ? 1 : -1;
	const keyed = rows.map((row) => ({ row, key: sortKey(row, sort.column) }));
	keyed.sort((a, b) => {
		if (a.key === null || b.key === null) {
			if (a.key === b.key) return collator.compare(a.row.name, b.row.name);
			return a.key === null ? 1 : -1;
		}
		return sign * compareKeys(a.key, b.key) || collator.compare(a.row.name, b.row.name);
	});
	return keyed.map((k) => k.row);
}

/** The rows as the table shows them: filtered, then sorted. */
export function viewPortfolio(
	rows: readonly ReviewFacilitySummary[],
	filter: PortfolioFilter,
	sort: PortfolioSort,
	today: LocalDate
): ReviewFacilitySummary[] {
	return sortPortfolio(
		rows.filter((row) => matchesPortfolioFilter(row, filter, today)),
		sort
	);
}

/** The direction a click on a column's header sorts in: the other one on the sorted column. */
export function nextSort(current: PortfolioSort, column: PortfolioColumn): PortfolioSort {
	if (current.column === column) {
		return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
	}
	// Counts are most useful largest first; names and dates earliest first.
	const countFirst = column === 'openFeedback' || column === 'unansweredReplies';
	return { column, direction: countFirst ? 'descending' : 'ascending' };
}

/** „12 von 300 Zentren“ (one centre: „1 von 1 Zentrum“). */
export function portfolioCount(shown: number, total: number): string {
	return `${shown} von ${total} ${total === 1 ? 'Zentrum' : 'Zentren'}`;
}
