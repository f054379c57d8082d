import type { z } from 'zod';
import { evidenceSchema, type EvidenceKind } from '$lib/domain/records';
import type { EvidenceInput as StoredEvidenceInput } from '$lib/client/services/evidence';

/** What the evidence form holds while the user types: plain strings, so nothing typed is lost. */
export interface EvidenceDraft {
	kind: EvidenceKind;
	title: string;
	/** yyyy-MM-dd from `<input type="date">`; empty when cleared. */
	date: string;
	validUntil: string;
	url: string;
	note: string;
	criterionIds: string[];
	/** Verbund: the site id, '' for „Alle Standorte / gemeinsam“; absent in drafts kept before sites. */
	siteId?: string;
}

/** What the form hands in: the evidence's fields, without facility, file and bookkeeping. */
export type EvidenceInput = Omit<StoredEvidenceInput, 'facilityId'>;

/** The facts about a chosen file the schema checks (its type and size); the bytes come later. */
export interface AttachmentFacts {
	mimeType: string;
	size: number;
	fileName: string;
}

// The site is a select over known ids: it has no message of its own.
export type EvidenceField = Exclude<keyof EvidenceDraft, 'siteId'> | 'attachment';
export type EvidenceFieldErrors = Partial<Record<EvidenceField, string>>;

export type DraftValidation = { ok: true; input: EvidenceInput } | { ok: false; errors: EvidenceFieldErrors };

const FIELDS: readonly EvidenceField[] = [
	'kind',
	'title',
	'date',
	'validUntil',
	'url',
	'note',
	'criterionIds',
	'attachment'
];

/** German messages for the checks whose schema has no message of its own (formats, lengths). */
function germanMessage(issue: z.core.$ZodRawIssue): string | undefined {
	const field = issue.path?.[0];
	if (issue.code === 'too_big' && 'maximum' in issue) return `Höchstens ${String(issue.maximum)} Zeichen`;
	if (field === 'date') return 'Bitte ein gültiges Datum angeben';
	if (field === 'validUntil') return 'Bitte ein gültiges Datum angeben oder das Feld leer lassen';
	if (field === 'url') return 'Bitte eine vollständige Adresse (https://…) angeben';
	if (field === 'kind') return 'Bitte eine Art des Nachweises wählen';
	return 'Bitte die Eingabe prüfen';
}

/** Values that always pass, put in place of a field that already has an error (see below). */
const VALID_PLACEHOLDERS: Record<EvidenceField, unknown> = {
	kind: 'note',
	title: 'x',
	date: '2000-01-01',
	validUntil: null,
	url: 'https://example.org',
	note: '',
	criterionIds: ['x'],
	attachment: null
};

function placeholderFile(facts: AttachmentFacts) {
	return { sha256: '0'.repeat(64), ...facts };
}

function toInput(draft: EvidenceDraft): EvidenceInput {
	return {
		kind: draft.kind,
		title: draft.title.trim(),
		date: draft.date,
		validUntil: draft.validUntil === '' ? null : draft.validUntil,
		url: draft.kind === 'link' ? draft.url.trim() : '',
		note: draft.note,
		criterionIds: [...draft.criterionIds]
	};
}

function collectErrors(candidate: Record<string, unknown>, errors: EvidenceFieldErrors): boolean {
	const result = evidenceSchema.safeParse(candidate, { error: germanMessage });
	if (result.success) return true;
	for (const issue of result.error.issues) {
		const field = issue.path[0] as EvidenceField;
		if (FIELDS.includes(field) && !errors[field]) errors[field] = issue.message;
	}
	return false;
}

/**
 * Validates a draft with `evidenceSchema`, the one source of the rules, and returns German
 * messages per field. `attachment` describes the file chosen for a photo or file (null if none).
 */
export function validateEvidenceDraft(
	draft: EvidenceDraft,
	attachment: AttachmentFacts | null
): DraftValidation {
	const input = toInput(draft);
	const now = new Date().toISOString();
	const candidate: Record<string, unknown> = {
		id: 'draft',
		facilityId: 'draft',
		createdAt: now,
		updatedAt: now,
		updatedBy: '',
		...input,
		attachment:
			attachment && (input.kind === 'photo' || input.kind === 'file') ? placeholderFile(attachment) : null
	};
	const errors: EvidenceFieldErrors = {};
	if (collectErrors(candidate, errors)) return { ok: true, input };
	// zod runs the cross-field checks (file chosen, link address, valid-until) only once every
	// field is well-formed; parse again with the broken fields stood in for, so that all
	// messages show at once instead of one after another.
	const patched = { ...candidate };
	for (const field of Object.keys(errors) as EvidenceField[]) patched[field] = VALID_PLACEHOLDERS[field];
	collectErrors(patched, errors);
	return { ok: false, errors };
}
