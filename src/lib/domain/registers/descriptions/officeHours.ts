import { officeHourPlansCsv, officeHourSessionsCsv } from '$lib/domain/registers/csv/registers';
import {
	officeHourPlaceLabels,
	officeHourPlaceSchema,
	officeHourPlanInputSchema,
	officeHourPlanValidityLabels,
	officeHourSessionInputSchema,
	officeHourTopicLabels,
	officeHourTopicSchema,
	weekdayLabels
} from '$lib/domain/registers/officeHours';
import { validityFieldSpecs, type FieldSpecs, type RegisterDescription } from './description';

/** The fields of a plan's form. */
export const officeHourPlanFieldSpecs = {
	weekday: { label: 'Wochentag', type: 'choice', options: Object.keys(weekdayLabels), labels: weekdayLabels },
	startTime: { label: 'Beginn', type: 'time' },
	endTime: { label: 'Ende', type: 'time' },
	counsellingService: {
		label: 'Beratungsstelle',
		hint: 'Die Organisation, z. B. „Erziehungsberatungsstelle Nord“.',
		maxlength: 200
	},
	place: {
		label: 'Ort',
		type: 'choice',
		options: officeHourPlaceSchema.options,
		labels: officeHourPlaceLabels,
		none: null
	},
	...validityFieldSpecs(officeHourPlanValidityLabels)
} as const satisfies FieldSpecs;

/** The fields of a session's form; the plan is picked by the form itself. */
export const officeHourSessionFieldSpecs = {
	date: { label: 'Datum', type: 'date' },
	durationMinutes: { label: 'Dauer in Minuten', type: 'count' },
	contacts: { label: 'Anzahl der Kontakte', type: 'count' },
	topic: {
		label: 'Thema',
		type: 'choice',
		options: officeHourTopicSchema.options,
		labels: officeHourTopicLabels
	}
} as const satisfies FieldSpecs;

/** Erziehungsberatung: the plan of regular office hours and the log of sessions held. */
export const officeHoursRegister: RegisterDescription = {
	segment: 'sprechstunden',
	title: 'Sprechstunden der Erziehungsberatung',
	pageTitle: 'Sprechstunden',
	intro:
		'Plan der regelmäßigen Sprechstunden und die tatsächlich gehaltenen Termine – nur Zahlen, keine Namen.',
	periodic: true,
	draftRegister: 'officeHours',
	summary: 'officeHours',
	tables: [
		{
			kind: 'plan',
			section: {
				id: 'plan-title',
				title: 'Plan der Sprechstunden',
				add: 'Sprechstunde planen',
				csv: 'Plan als CSV',
				empty: 'Noch kein Plan',
				emptyHint:
					'Tragen Sie die regelmäßigen Sprechstunden der Erziehungsberatung ein, um geplante und gehaltene Termine zu vergleichen.'
			},
			table: 'officeHourPlans',
			schema: officeHourPlanInputSchema,
			fields: officeHourPlanFieldSpecs,
			csv: {
				name: 'sprechstunden-plan',
				periodic: false,
				build: (data) => officeHourPlansCsv(data.officeHourPlans)
			}
		},
		{
			kind: 'session',
			section: {
				id: 'sessions-title',
				title: 'Gehaltene Sprechstunden',
				add: 'Sprechstunde eintragen',
				empty: 'Keine Sprechstunden im {period}'
			},
			table: 'officeHourSessions',
			schema: officeHourSessionInputSchema,
			fields: officeHourSessionFieldSpecs,
			csv: {
				name: 'sprechstunden',
				periodic: true,
				build: (data, period) => officeHourSessionsCsv(data.officeHourSessions, data.officeHourPlans, period)
			}
		}
	]
};
