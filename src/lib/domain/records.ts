import { z } from 'zod';
import {
	CONTROL_CHARACTER_MESSAGE,
	hasControlCharacter,
	replaceControlCharacters
} from './controlCharacters';
import { verbundIssues } from './verbund/checks';

/**
 * Shapes of the workspace records a facility keeps. The same schemas validate forms, the local
 * database, the sync wire and the server. Records hold facts about the centre's offers, never
 * names or other personal data of children or families.
 */

const isoDateTime = z.iso.datetime({ offset: true });
/** A calendar day as yyyy-MM-dd, so evidence dates never shift with time zones or daylight saving. */
export const localDateSchema = z.iso.date();

/** Fields every synced record has. Deletes are soft: `deleted` stays true and sync ships it. */
/**
 * A key naming something of the catalogue or the server (a criterion, a catalogue version): bounded
 * like the catalogue's own ids, and without control characters, because keys end up as SQL
 * parameters (PostgreSQL refuses NUL) and in lists where a control character would disguise one.
 */
function keySchema(max: number) {
	return z
		.string()
		.min(1)
		.max(max)
		.refine((key) => !hasControlCharacter(key), CONTROL_CHARACTER_MESSAGE);
}

/** A criterion's id as the catalogue has it (at most 40 characters, like the dossier accepts). */
export const criterionIdSchema = keySchema(40);

/** Only web addresses become links: a `javascript:` or `data:` address would run in the app. */
export const httpUrlSchema = z
	.url({ protocol: /^https?$/, error: 'Bitte eine vollständige Adresse (https://…) angeben' })
	.max(2000, 'Die Adresse ist zu lang (höchstens 2000 Zeichen).');

/** Whether a stored address may be shown as a link (old records were stored before the check). */
export function isHttpUrl(url: string): boolean {
	return httpUrlSchema.safeParse(url).success;
}

export const recordBaseSchema = z.object({
	id: z.string().min(1).max(120),
	facilityId: z.string().min(1).max(120),
	createdAt: isoDateTime,
	updatedAt: isoDateTime,
	/** Display name of whoever changed the record last (team member or device). */
	updatedBy: z.string().max(120),
	deleted: z.boolean().default(false)
});
export type RecordBase = z.infer<typeof recordBaseSchema>;

/**
 * The site (Kita of a Verbund) an entry belongs to: a `verbundMembers` id, or the facility's own id for
 * the Kita that holds the profile; null or absent when it is not tied to one site (a single centre,
 * or joint). Optional, so records written before Verbund sites existed stay valid as they are.
 */
export const siteIdSchema = keySchema(120).nullable().optional();

export const verbundMemberSchema = z.object({
	id: keySchema(120),
	name: z.string().min(1, 'Bitte einen Namen angeben').max(200),
	address: z.string().max(300).default('')
});
export type VerbundMember = z.infer<typeof verbundMemberSchema>;

export const facilityProfileSchema = recordBaseSchema
	.extend({
		name: z.string().min(1, 'Bitte den Namen des Familienzentrums angeben').max(200),
		traeger: z.string().max(200).default(''),
		jugendamt: z.string().max(200).default(''),
		street: z.string().max(200).default(''),
		postalCode: z
			.string()
			.regex(/^(\d{5})?$/, 'Die Postleitzahl hat fünf Ziffern')
			.default(''),
		city: z.string().max(120).default(''),
		verbundMembers: z.array(verbundMemberSchema).max(4, 'Ein Verbund hat höchstens fünf Kitas').default([]),
		/** Last day the seal is valid; null before the first certification. */
		sealValidUntil: localDateSchema.nullable().default(null),
		/** Ids of the Profilbereiche the centre has chosen. */
		// Limits as a dossier hand-in accepts them (dossier.ts), so a valid profile never fails one.
		chosenProfileAreas: z.array(keySchema(40)).max(20).default([]),
		catalogueId: keySchema(40),
		catalogueVersion: keySchema(60),
		/** Verbund: the site that receives the grant (Zuschussempfänger); null: the profile's own Kita. */
		grantRecipientSiteId: keySchema(120).nullable().optional(),
		/** Verbund: the contact centre (Kontakteinrichtung), which may differ; null: the profile's own Kita. */
		contactSiteId: keySchema(120).nullable().optional()
	})
	// The roles must name a Kita of the Verbund (domain/verbund/checks.ts); the Kita count is the
	// `verbundMembers` limit above. A member in a role is not removed by the form (`removalBlocker`).
	.superRefine((profile, ctx) => {
		for (const issue of verbundIssues(profile)) {
			if (issue.path[0] === 'verbundMembers') continue;
			ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
		}
	});
export type FacilityProfile = z.infer<typeof facilityProfileSchema>;

export const criterionStatusValueSchema = z.enum(['offen', 'in_arbeit', 'erfuellt', 'nicht_zutreffend']);
export type CriterionStatusValue = z.infer<typeof criterionStatusValueSchema>;

export const criterionStatusLabels: Record<CriterionStatusValue, string> = {
	offen: 'Offen',
	in_arbeit: 'In Arbeit',
	erfuellt: 'Erfüllt',
	nicht_zutreffend: 'Nicht zutreffend'
};

/** Id is `${facilityId}:${criterionId}` so two devices editing one criterion meet in one record. */
export const criterionStatusSchema = recordBaseSchema.extend({
	criterionId: criterionIdSchema,
	// A default, so a tablet that only wrote a note has not chosen „Offen“ over another's status.
	status: criterionStatusValueSchema.default('offen'),
	note: z.string().max(10_000).default('')
});
export type CriterionStatus = z.infer<typeof criterionStatusSchema>;

export function criterionStatusId(facilityId: string, criterionId: string): string {
	return `${facilityId}:${criterionId}`;
}

export const evidenceKindSchema = z.enum(['note', 'photo', 'file', 'link']);
export type EvidenceKind = z.infer<typeof evidenceKindSchema>;

export const evidenceKindLabels: Record<EvidenceKind, string> = {
	note: 'Notiz',
	photo: 'Foto',
	file: 'Datei',
	link: 'Link'
};

/** Reference from an evidence item to its stored file; the bytes live in the attachments table. */
export const attachmentRefSchema = z.object({
	/** SHA-256 of the stored bytes, hex; also the attachment's id. */
	sha256: z.string().regex(/^[0-9a-f]{64}$/),
	mimeType: keySchema(120),
	size: z
		.number()
		.int()
		.min(1)
		.max(25 * 1024 * 1024),
	fileName: z
		.string()
		.min(1)
		.max(255)
		.refine((name) => !hasControlCharacter(name), 'Der Dateiname darf keine Steuerzeichen enthalten.')
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

/**
 * A chosen file's name as `attachmentRefSchema` takes it: control characters (some systems allow
 * them in names) become „_“, and a long name is cut to 255 characters without halving an emoji.
 */
export function storedFileName(name: string, fallback: string): string {
	let cut = replaceControlCharacters(name, '_').slice(0, 255);
	if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
	return cut.toWellFormed() || fallback;
}

export const evidenceSchema = recordBaseSchema
	.extend({
		kind: evidenceKindSchema,
		title: z.string().trim().min(1, 'Bitte einen Titel angeben').max(200),
		note: z.string().max(10_000).default(''),
		url: z.union([z.literal(''), httpUrlSchema]).default(''),
		/** The day the evidence is from (not when it was entered). */
		date: localDateSchema,
		validUntil: localDateSchema.nullable().default(null),
		criterionIds: z
			.array(criterionIdSchema)
			.min(1, 'Bitte mindestens ein Kriterium zuordnen')
			.max(200, 'Höchstens 200 Kriterien je Nachweis'),
		attachment: attachmentRefSchema.nullable().default(null),
		siteId: siteIdSchema,
		/** Certification rounds this long-lived evidence was carried over into (besides its own). */
		carriedIntoRounds: z.array(keySchema(120)).max(20).optional()
	})
	.refine((e) => e.kind !== 'link' || e.url !== '', {
		message: 'Für einen Link bitte die Adresse angeben',
		path: ['url']
	})
	.refine((e) => (e.kind !== 'photo' && e.kind !== 'file') || e.attachment !== null, {
		message: 'Bitte eine Datei auswählen',
		path: ['attachment']
	})
	.refine((e) => e.validUntil === null || e.validUntil >= e.date, {
		message: '„Gültig bis“ liegt vor „Datum des Nachweises“',
		path: ['validUntil']
	});
export type Evidence = z.infer<typeof evidenceSchema>;

/** Largest file the app accepts as evidence. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
