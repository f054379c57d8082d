import type { ThresholdPer } from '../catalogue/format2';
import type { LocalDate } from '../dates';

/*
 * A shortfall and its words, apart from the evaluation: reminders show them on the Übersicht's
 * first paint, which must not load the registers' schemas the evaluation brings along.
 */

/** A threshold not yet reached in the window that contains today (the current half, month or period). */
export type ThresholdShortfall = {
	criterionId: string;
	thresholdId: string;
	/** The threshold's label: „Kurs mit mindestens 8 Terminen“. */
	label: string;
	count: number;
	min: number;
	/** „1. Halbjahr 2027 (1. Jan – 31. Jul)“ */
	windowLabel: string;
	windowStart: LocalDate;
	windowEnd: LocalDate;
	/** Counted per site (Verbund): the site that falls short. */
	siteName?: string;
	/** The kind of window: for „in diesem Halbjahr“ / „in diesem Monat“. */
	per: ThresholdPer;
};

const IN_WINDOW: Record<ThresholdPer, string> = {
	half: 'in diesem Halbjahr',
	month: 'in diesem Monat',
	period: 'im Prüfzeitraum'
};

/** „4B1: 0 von 1 in diesem Halbjahr“, with the site in a Verbund: „4B1 (Kita Mond): …“. */
export function formatShortfall(s: ThresholdShortfall): string {
	const where = s.siteName ? ` (${s.siteName})` : '';
	return `${s.criterionId}${where}: ${s.count} von ${s.min} ${IN_WINDOW[s.per]}`;
}
