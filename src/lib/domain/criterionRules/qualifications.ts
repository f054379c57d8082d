import { z } from 'zod';
import type { LocalDate } from '../dates';
import type { ReviewPeriod } from '../periods';
import {
	qualificationKindLabels,
	qualificationKindSchema,
	type Qualification,
	type QualificationKind
} from '../registers/qualifications';
import { isOlderThan, qualificationReferenceDay } from '../registers/summaries/qualifications';

/**
 * The rule over the qualifications register: „mindestens 2 Fortbildungen mit mindestens 6 Stunden,
 * nicht älter als 7 Jahre“, „eine Qualifizierung mit mindestens 30 Stunden“. Its schema joins the
 * union in ./schema, its check is one case in ./evaluate. Ages are measured on calendar days at the
 * period's end (today while it runs); a course counts once it has ended by that day.
 */

const ruleQualificationKindSchema = z.enum(qualificationKindSchema.options, {
	error: `Unbekannte Art einer Qualifikation (erlaubt: ${qualificationKindSchema.options.join(', ')})`
});

export const qualificationsRuleSchema = z.object({
	kind: z.literal('qualifications'),
	/** Entries that must meet every condition below. */
	min: z.number().int().min(1).default(1),
	/** Only entries of these kinds count; all kinds when absent. */
	qualificationKinds: z.array(ruleQualificationKindSchema).min(1).optional(),
	/** Each entry needs at least this many hours. */
	minHours: z.number().positive().max(10_000).optional(),
	/** Each entry must have ended at most this many years before the reference day. */
	maxAgeYears: z.number().int().min(1).max(50).optional(),
	/** Whether online courses count (the seal accepts them for trainings). */
	onlineCounts: z.boolean().default(true)
});

export type QualificationsRule = z.infer<typeof qualificationsRuleSchema>;

const pluralLabels: Record<QualificationKind, string> = {
	fortbildung: 'Fortbildungen',
	qualifikation: 'Qualifizierungen',
	zusatzqualifikation: 'Zusatzqualifikationen'
};
const hoursNumber = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

function count(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

function orList(items: string[]): string {
	return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} oder ${items.at(-1)}`;
}

/** „Fortbildung“ / „Fortbildungen oder Qualifizierungen“ / „Qualifikation“, fitting `n`. */
function noun(rule: QualificationsRule, n: number): string {
	const kinds = rule.qualificationKinds;
	if (!kinds) return n === 1 ? 'Qualifikation' : 'Qualifikationen';
	return orList(kinds.map((k) => (n === 1 ? qualificationKindLabels[k] : pluralLabels[k])));
}

/** The conditions as words: „mit mindestens 6 Stunden, nicht älter als 7 Jahre, in Präsenz“. */
function conditions(rule: QualificationsRule): string {
	const parts: string[] = [];
	if (rule.minHours !== undefined) {
		parts.push(
			`mit mindestens ${hoursNumber.format(rule.minHours)} ${rule.minHours === 1 ? 'Stunde' : 'Stunden'}`
		);
	}
	if (rule.maxAgeYears !== undefined) {
		parts.push(`nicht älter als ${count(rule.maxAgeYears, 'Jahr', 'Jahre')}`);
	}
	if (!rule.onlineCounts) parts.push('in Präsenz');
	return parts.length > 0 ? ` ${parts.join(', ')}` : '';
}

export function evaluateQualificationsRule(
	rule: QualificationsRule,
	qualifications: readonly Qualification[],
	period: ReviewPeriod,
	today: LocalDate
): { met: boolean; reason: string } {
	const day = qualificationReferenceDay(period, today);
	const kinds = rule.qualificationKinds;
	let n = 0;
	let tooShort = 0;
	let tooOld = 0;
	let online = 0;
	for (const q of qualifications) {
		if (q.deleted || q.endDate > day || (kinds && !kinds.includes(q.kind))) continue;
		if (rule.minHours !== undefined && q.hours < rule.minHours) tooShort++;
		else if (rule.maxAgeYears !== undefined && isOlderThan(q, rule.maxAgeYears, day)) tooOld++;
		else if (!rule.onlineCounts && q.online) online++;
		else n++;
	}
	const met = n >= rule.min;
	let reason = `${n} ${noun(rule, n)}${conditions(rule)} (mindestens ${rule.min})`;
	const skipped: string[] = [];
	if (tooShort > 0) skipped.push(`${tooShort} mit weniger Stunden`);
	if (tooOld > 0) skipped.push(`${tooOld} zu alt`);
	if (online > 0) skipped.push(`${online} online`);
	if (!met && skipped.length > 0) reason += `; nicht gezählt: ${skipped.join(', ')}`;
	return { met, reason };
}
