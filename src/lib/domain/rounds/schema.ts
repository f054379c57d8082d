import { z } from 'zod';
import { roundFormSchema, roundKindSchema, reviewPeriodKindSchema } from '../catalogue/schema';
import { localDateSchema, recordBaseSchema } from '../records';

/**
 * A certification round (Zertifizierungsrunde) of a centre: first or re-certification, single centre
 * or Verbund, the Prüfzeitraum and the key dates the certification body sets. A centre has one round
 * per four years; the current one decides which evidence counts and which questionnaire applies.
 */

const optionalDate = localDateSchema.nullable().default(null);

export const certificationRoundFields = z.object({
	kind: roundKindSchema,
	form: roundFormSchema,
	/** Kalenderjahr in recent rounds, the Kindergartenjahr in earlier ones. */
	periodKind: reviewPeriodKindSchema,
	/** First and last day of the Prüfzeitraum (inclusive). */
	periodStart: localDateSchema,
	periodEnd: localDateSchema,
	/** Anmeldung bei der Zertifizierungsstelle. */
	registrationDate: optionalDate,
	/** Unterlagen hochgeladen bis. */
	documentsDue: optionalDate,
	/** Besuch vor Ort. */
	siteVisitDate: optionalDate,
	/** Last day the seal awarded in this round is valid. */
	sealValidUntil: optionalDate,
	note: z.string().max(2000, 'Höchstens 2.000 Zeichen').default('')
});
export type CertificationRoundFields = z.infer<typeof certificationRoundFields>;

function checkPeriod(r: Pick<CertificationRoundFields, 'periodStart' | 'periodEnd'>, ctx: z.RefinementCtx) {
	if (r.periodEnd < r.periodStart)
		ctx.addIssue({
			code: 'custom',
			path: ['periodEnd'],
			message: 'Das Ende des Prüfzeitraums liegt vor seinem Beginn'
		});
}

export const certificationRoundInputSchema = certificationRoundFields.superRefine(checkPeriod);
export const certificationRoundSchema = recordBaseSchema
	.extend(certificationRoundFields.shape)
	.superRefine(checkPeriod);
export type CertificationRound = z.infer<typeof certificationRoundSchema>;
