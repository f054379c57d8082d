import type { ReviewPeriodKind } from '$lib/domain/catalogue/schema';
import { roundDefaults } from '$lib/domain/rounds/defaults';
import type { CertificationRoundFields } from '$lib/domain/rounds/schema';

/** The round form's input: dates as the date inputs hold them ('' while empty). */
export interface RoundDraft {
	kind: CertificationRoundFields['kind'];
	form: CertificationRoundFields['form'];
	periodKind: ReviewPeriodKind;
	periodStart: string;
	periodEnd: string;
	registrationDate: string;
	documentsDue: string;
	siteVisitDate: string;
	sealValidUntil: string;
	note: string;
}

export const KEY_DATES = ['registrationDate', 'documentsDue', 'siteVisitDate', 'sealValidUntil'] as const;
const DATE_FIELDS = ['periodStart', 'periodEnd', ...KEY_DATES] as const;

export function draftFromFields(fields: CertificationRoundFields): RoundDraft {
	return {
		kind: fields.kind,
		form: fields.form,
		periodKind: fields.periodKind,
		periodStart: fields.periodStart,
		periodEnd: fields.periodEnd,
		registrationDate: fields.registrationDate ?? '',
		documentsDue: fields.documentsDue ?? '',
		siteVisitDate: fields.siteVisitDate ?? '',
		sealValidUntil: fields.sealValidUntil ?? '',
		note: fields.note
	};
}

export function sameRoundDraft(a: RoundDraft, b: RoundDraft): boolean {
	return (Object.keys(a) as (keyof RoundDraft)[]).every((key) => a[key] === b[key]);
}

/** A stored draft of this form (perhaps from an older app version): only its known string fields. */
export function restoredDraft(base: RoundDraft, value: unknown): RoundDraft | null {
	if (typeof value !== 'object' || value === null) return null;
	const stored = value as Record<string, unknown>;
	const next = { ...base };
	for (const key of Object.keys(base) as (keyof RoundDraft)[]) {
		if (typeof stored[key] === 'string') (next as Record<string, string>)[key] = stored[key];
	}
	return next;
}

/**
 * After the period kind was switched: when every date is still the suggestion for the old kind, the
 * suggestion for the new kind replaces them (the leader has typed nothing of her own there yet).
 */
export function withPeriodKind(draft: RoundDraft, previous: ReviewPeriodKind): RoundDraft {
	const year = Number(draft.periodStart.slice(0, 4));
	if (!Number.isInteger(year) || year < 1900) return draft;
	const before = draftFromFields(roundDefaults(year, { periodKind: previous }));
	if (!DATE_FIELDS.every((key) => draft[key] === before[key])) return draft;
	const after = draftFromFields(roundDefaults(year, { periodKind: draft.periodKind }));
	return { ...draft, ...Object.fromEntries(DATE_FIELDS.map((key) => [key, after[key]])) };
}
