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
	'praevention',
	'qualifikationen'
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
	/** The form's fields, by draft field: what each control shows, its choices' labels among it. */
	fields: FieldSpecs;
	/** The page section that lists and adds these entries: its texts. */
	section: RegisterSectionTexts;
	/** The CSV export: the file's name (as given to `csvFileName`) and its text. */
	csv?: {
		name: string;
		periodic: boolean;
		build: (data: RegisterData, period: ReviewPeriod, today: string) => string;
	};
}

/** How a form shows one field: a text, number, date or time input, a text area or a select. */
export interface FieldSpec {
	label: string;
	/**
	 * `count` is a text input on purpose: what was typed („2,5“, „-1“) stays visible next to its
	 * message. `decimal` is the same for numbers with a decimal comma (hours): its keypad has the comma.
	 */
	type?: 'text' | 'count' | 'decimal' | 'date' | 'time' | 'long' | 'choice';
	hint?: string;
	maxlength?: number;
	/** For `choice`: the values to choose from, shown by `labels`. */
	options?: readonly string[];
	labels?: Readonly<Record<string, string>> | Readonly<Record<number, string>>;
	/** For `choice`: the empty first option; null for a select that always has a value. */
	none?: string | null;
}

/** How a form shows a list field as a group of checkboxes, one for each option. */
export interface CheckboxGroupSpec<T extends string = string> {
	legend: string;
	hint?: string;
	options: readonly T[];
	labels: Readonly<Record<T, string>>;
}

/** The fields of one form, by draft field. */
export type FieldSpecs = Readonly<Record<string, FieldSpec | CheckboxGroupSpec>>;

/**
 * The two dates of an entry that holds for a span of time; `validTo` may stay empty. The labels are
 * the schema's, so its range message names the fields as the form shows them.
 */
export function validityFieldSpecs(labels: { from: string; to: string }) {
	return {
		validFrom: { label: labels.from, type: 'date' },
		validTo: { label: `${labels.to} (optional)`, type: 'date' }
	} as const satisfies FieldSpecs;
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
	summary: 'officeHours' | 'familyEducation' | 'childminding' | 'partners' | 'prevention' | 'qualifications';
}

/** The form kinds of a description, for finding a drafted form again. */
export function formKinds(description: RegisterDescription): string[] {
	return description.tables.map((t) => t.kind);
}
