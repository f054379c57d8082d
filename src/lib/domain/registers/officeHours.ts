import { z } from 'zod';
import { recordBaseSchema, siteIdSchema } from '../records';
import {
	checkRange,
	clockTimeSchema,
	countSchema,
	onlyWhenValid,
	optionalRegisterDateSchema,
	registerDateSchema
} from './common';

/**
 * Erziehungsberatung: the plan of regular office hours held in or near the centre, and the log of
 * sessions actually held. The log keeps counts and a topic category only, never who came.
 */

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const weekdaySchema = z
	.number({ error: 'Bitte einen Wochentag wählen' })
	.int()
	.min(1, 'Bitte einen Wochentag wählen')
	.max(7, 'Bitte einen Wochentag wählen');

export const weekdayLabels: Record<number, string> = {
	1: 'Montag',
	2: 'Dienstag',
	3: 'Mittwoch',
	4: 'Donnerstag',
	5: 'Freitag',
	6: 'Samstag',
	7: 'Sonntag'
};

export const officeHourPlaceSchema = z.enum(['im_zentrum', 'in_der_naehe'], {
	error: 'Bitte den Ort wählen'
});
export type OfficeHourPlace = z.infer<typeof officeHourPlaceSchema>;
export const officeHourPlaceLabels: Record<OfficeHourPlace, string> = {
	im_zentrum: 'Im Familienzentrum',
	in_der_naehe: 'In der Nähe'
};

export const officeHourPlanFields = z.object({
	weekday: weekdaySchema,
	startTime: clockTimeSchema,
	endTime: clockTimeSchema,
	/** The counselling service (an organisation, e.g. "Erziehungsberatungsstelle Nord"). */
	counsellingService: z
		.string({ error: 'Bitte die Beratungsstelle angeben' })
		.trim()
		.min(1, 'Bitte die Beratungsstelle angeben')
		.max(200, 'Höchstens 200 Zeichen'),
	place: officeHourPlaceSchema,
	validFrom: registerDateSchema,
	/** null: the plan runs until further notice. */
	validTo: optionalRegisterDateSchema,
	/** Verbund: the Kita it belongs to (records.ts, siteIdSchema). */
	siteId: siteIdSchema
});
export type OfficeHourPlanFields = z.infer<typeof officeHourPlanFields>;

function checkTimes(p: Pick<OfficeHourPlanFields, 'startTime' | 'endTime'>, ctx: z.RefinementCtx) {
	if (p.endTime <= p.startTime) {
		ctx.addIssue({ code: 'custom', message: 'Das Ende liegt nicht nach dem Beginn', path: ['endTime'] });
	}
}

/** The labels of the plan form's dates (descriptions/officeHours.ts), named by its messages. */
export const officeHourPlanValidityLabels = { from: 'Gilt ab', to: 'Gilt bis' } as const;

function checkValidity(p: Pick<OfficeHourPlanFields, 'validFrom' | 'validTo'>, ctx: z.RefinementCtx) {
	checkRange(p.validFrom, p.validTo, ctx, officeHourPlanValidityLabels);
}

/** What the plan form validates (no record metadata). */
export const officeHourPlanInputSchema = officeHourPlanFields
	.superRefine(checkTimes, onlyWhenValid('startTime', 'endTime'))
	.superRefine(checkValidity, onlyWhenValid('validFrom', 'validTo'));
export const officeHourPlanSchema = recordBaseSchema
	.extend(officeHourPlanFields.shape)
	.superRefine(checkTimes, onlyWhenValid('startTime', 'endTime'))
	.superRefine(checkValidity, onlyWhenValid('validFrom', 'validTo'));
export type OfficeHourPlan = z.infer<typeof officeHourPlanSchema>;

/** Topic categories of a session, coarse on purpose so no single family can be recognised. */
export const officeHourTopicSchema = z.enum(
	[
		'erziehungsfragen',
		'entwicklung',
		'kita_schule',
		'trennung_scheidung',
		'familienkonflikte',
		'belastung_krise',
		'sonstiges'
	],
	{ error: 'Bitte ein Thema wählen' }
);
export type OfficeHourTopic = z.infer<typeof officeHourTopicSchema>;
export const officeHourTopicLabels: Record<OfficeHourTopic, string> = {
	erziehungsfragen: 'Erziehungsfragen',
	entwicklung: 'Entwicklung des Kindes',
	kita_schule: 'Kita und Schule',
	trennung_scheidung: 'Trennung und Scheidung',
	familienkonflikte: 'Konflikte in der Familie',
	belastung_krise: 'Belastung und Krise',
	sonstiges: 'Sonstiges'
};

export const officeHourSessionFields = z.object({
	date: registerDateSchema,
	durationMinutes: countSchema(1, 24 * 60, 'Minuten'),
	contacts: countSchema(0, 500, 'Kontakte'),
	topic: officeHourTopicSchema,
	/** The plan this session belongs to; null for an extra session. */
	planId: z.string().min(1).max(120).nullable().default(null),
	/** Verbund: the Kita it belongs to (records.ts, siteIdSchema). */
	siteId: siteIdSchema
});
export type OfficeHourSessionFields = z.infer<typeof officeHourSessionFields>;

export const officeHourSessionInputSchema = officeHourSessionFields;
export const officeHourSessionSchema = recordBaseSchema.extend(officeHourSessionFields.shape);
export type OfficeHourSession = z.infer<typeof officeHourSessionSchema>;
