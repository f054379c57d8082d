import type { z } from 'zod';
import type { ReviewPeriod } from '$lib/domain/periods';
import type { RegisterData } from '$lib/domain/registers/registerData';
import type { RegisterTableName } from '$lib/domain/registers/tables';

/** The URL segments of the register pages, `/register/<segment>`; the param matcher accepts these. */
export const REGISTER_SEGMENTS = [
	'sprechstunden',
	'familienbildung',
	'kindertagespflege',
	'partner',
	'praevention'
] as const;
export type RegisterSegment = (typeof REGISTER_SEGMENTS)[number];

/**
 * Whether `segment` names a register page. The route matcher uses it, and matchers load before the
 * client hook turns off zod's eval probe (see hooks.client.ts), so this module builds no schema.
 */
export function isRegisterSegment(segment: string): segment is RegisterSegment {
	return (REGISTER_SEGMENTS as readonly string[]).includes(segment);
}

/** One kind of entry a register page lists and edits: its table, schema and CSV export. */
export interface RegisterTableDescription {
	/** The form kind in draft keys (`register:<draftRegister>:<kind>:<id>`). */
	kind: string;
	table: RegisterTableName;
	/** What the form checks before saving; the service checks the full record again. */
	schema: z.ZodType;
	/** Labels of the entry's choice fields, by field. */
	labels: Record<string, Record<string, string>>;
	/** The page section that lists and adds these entries: its texts. */
	section: RegisterSectionTexts;
	/** The CSV export: the file's name (as given to `csvFileName`) and its text. */
	csv?: {
		name: string;
		periodic: boolean;
		build: (data: RegisterData, period: ReviewPeriod, today: string) => string;
	};
}

/** The German texts of a register section; `{period}` in `empty` stands for the period's label. */
export interface RegisterSectionTexts {
	/** The heading's element id, for `aria-labelledby`. */
	id: string;
	title: string;
	add: string;
	/** The CSV button's text, when not „CSV exportieren“. */
	csv?: string;
	empty: string;
	emptyHint?: string;
}

/**
 * Everything about a register that is not Svelte: its page (segment, titles, intro), whether it
 * depends on a period, its draft keys and its tables. Routes and screens are built from these, so
 * that a new register is a schema plus its description.
 */
export interface RegisterDescription {
	segment: RegisterSegment;
	/** The page heading and the link text on the overview. */
	title: string;
	/** The browser tab's title, before „– Gütesiegel-Mappe“. */
	pageTitle: string;
	intro: string;
	/** False for registers that do not depend on a review period (partners). */
	periodic: boolean;
	/** The register's name in draft keys. */
	draftRegister: string;
	tables: readonly RegisterTableDescription[];
	/** The register's sums, as `computeAllRegisterSummaries` names them. */
	summary: 'officeHours' | 'familyEducation' | 'childminding' | 'partners' | 'prevention';
}

/** The form kinds of a description, for finding a drafted form again. */
export function formKinds(description: RegisterDescription): string[] {
	return description.tables.map((t) => t.kind);
}
