import { z } from 'zod';
import type { LocalDate } from '../dates';
import { localDateSchema } from '../records';
import { currentRound } from '../rounds/current';
import type { CertificationRound } from '../rounds/schema';

/**
 * The date of a centre's current round the advisor plans around next: documents due, the site
 * visit or the end of the Prüfzeitraum, whichever comes first from today on.
 */

export const roundDateKindSchema = z.enum(['documentsDue', 'siteVisit', 'periodEnd']);
export type RoundDateKind = z.infer<typeof roundDateKindSchema>;

export const nextRoundDateSchema = z.object({ kind: roundDateKindSchema, date: localDateSchema });
export type NextRoundDate = z.infer<typeof nextRoundDateSchema>;

export const roundDateLabels: Record<RoundDateKind, string> = {
	documentsDue: 'Unterlagen bis',
	siteVisit: 'Besuch vor Ort',
	periodEnd: 'Ende Prüfzeitraum'
};

/** The earliest of the current round's dates that is today or later; null when none is ahead. */
export function nextRoundDate(rounds: readonly CertificationRound[], today: LocalDate): NextRoundDate | null {
	const round = currentRound(rounds, today);
	if (!round) return null;
	const dates: NextRoundDate[] = [];
	if (round.documentsDue) dates.push({ kind: 'documentsDue', date: round.documentsDue });
	if (round.siteVisitDate) dates.push({ kind: 'siteVisit', date: round.siteVisitDate });
	dates.push({ kind: 'periodEnd', date: round.periodEnd });
	const ahead = dates.filter((d) => d.date >= today).sort((a, b) => a.date.localeCompare(b.date));
	return ahead[0] ?? null;
}
