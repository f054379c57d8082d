import { z } from 'zod';
import { attachmentRefSchema } from '../records';

/**
 * Building blocks shared by the register schemas. Registers hold facts about the centre's offers
 * (dates, counts, kinds), never names of parents, children or childminders.
 */

export const DATE_MESSAGE = 'Bitte ein gültiges Datum angeben';

/** A calendar day `yyyy-MM-dd`, with a German message for forms. */
export const registerDateSchema = z.iso.date({ error: DATE_MESSAGE });

/** Optional end day: null means "open-ended". */
export const optionalRegisterDateSchema = registerDateSchema.nullable().default(null);

/** A clock time `HH:mm`, 00:00–23:59. */
export const clockTimeSchema = z
	.string({ error: 'Bitte eine Uhrzeit angeben' })
	.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Bitte eine Uhrzeit wie 14:30 angeben');

/** A whole number of people or contacts; counts only, never who. */
export function countSchema(min: number, max: number, what: string) {
	return z
		.number({ error: `Bitte die Zahl der ${what} angeben` })
		.int('Bitte eine ganze Zahl angeben')
		.min(min, min === 0 ? 'Die Zahl kann nicht negativ sein' : `Bitte mindestens ${min} angeben`)
		.max(max, `Höchstens ${max.toLocaleString('de-DE')} – bitte prüfen`);
}

/** Phases of the Präventionskette, from pregnancy to the start of working life. */
export const preventionPhaseSchema = z.enum(
	[
		'schwangerschaft',
		'null_bis_drei',
		'drei_bis_sechs',
		'uebergang_kita_grundschule',
		'grundschule',
		'weiterfuehrende_schule',
		'uebergang_schule_beruf'
	],
	{ error: 'Bitte eine Phase der Präventionskette wählen' }
);
export type PreventionPhase = z.infer<typeof preventionPhaseSchema>;
export const PREVENTION_PHASES: readonly PreventionPhase[] = preventionPhaseSchema.options;

export const preventionPhaseLabels: Record<PreventionPhase, string> = {
	schwangerschaft: 'Schwangerschaft',
	null_bis_drei: '0–3 Jahre',
	drei_bis_sechs: '3–6 Jahre',
	uebergang_kita_grundschule: 'Übergang Kita–Grundschule',
	grundschule: 'Grundschule (6–10)',
	weiterfuehrende_schule: 'Weiterführende Schule',
	uebergang_schule_beruf: 'Übergang Schule–Beruf'
};

/** Kinds of offer as used in prevention work. */
export const preventionOfferKindSchema = z.enum(
	['begegnung', 'bildung', 'beratung', 'betreuung', 'begleitung', 'information'],
	{ error: 'Bitte eine Art des Angebots wählen' }
);
export type PreventionOfferKind = z.infer<typeof preventionOfferKindSchema>;
export const PREVENTION_OFFER_KINDS: readonly PreventionOfferKind[] = preventionOfferKindSchema.options;

export const preventionOfferKindLabels: Record<PreventionOfferKind, string> = {
	begegnung: 'Begegnung',
	bildung: 'Bildung',
	beratung: 'Beratung',
	betreuung: 'Betreuung',
	begleitung: 'Begleitung',
	information: 'Information'
};

/** A written agreement: when it was signed, until when it holds, and the signed file. */
export const writtenAgreementSchema = z
	.object({
		signedOn: registerDateSchema,
		/** null: no end date (valid until cancelled). */
		validUntil: optionalRegisterDateSchema,
		attachment: attachmentRefSchema.nullable().default(null)
	})
	.superRefine(
		(a, ctx) => {
			if (a.validUntil !== null && a.validUntil < a.signedOn) {
				ctx.addIssue({
					code: 'custom',
					message: '„Gültig bis“ liegt vor „Unterschrieben am“',
					path: ['validUntil']
				});
			}
		},
		onlyWhenValid('signedOn', 'validUntil')
	);
export type WrittenAgreement = z.infer<typeof writtenAgreementSchema>;
/** An agreement as a form hands it in (defaults not yet applied). */
export type WrittenAgreementInput = z.input<typeof writtenAgreementSchema>;

/**
 * Runs a check across fields as soon as those fields are valid, even while others are not, so a
 * form shows every problem at once (zod skips refinements after any issue by default).
 */
export function onlyWhenValid(...fields: string[]) {
	return {
		when: (payload: z.core.ParsePayload) => !payload.issues.some((i) => fields.includes(String(i.path?.[0])))
	};
}

/** The labels of a form's two dates, as the form shows them (without „(optional)“). */
export interface RangeLabels {
	from: string;
	to: string;
}

/**
 * Adds a German issue on `validTo` when a from/to range runs backwards, naming both fields by the
 * labels their form shows (e.g. „Gilt bis“ liegt vor „Gilt ab“).
 */
export function checkRange(
	from: string,
	to: string | null,
	ctx: z.RefinementCtx,
	labels: RangeLabels,
	path = 'validTo'
): void {
	if (to !== null && to < from) {
		ctx.addIssue({ code: 'custom', message: `„${labels.to}“ liegt vor „${labels.from}“`, path: [path] });
	}
}
