import { officeHourPlansCsv, officeHourSessionsCsv } from '$lib/domain/registers/csv/registers';
import {
	officeHourPlaceLabels,
	officeHourPlanInputSchema,
	officeHourSessionInputSchema,
	officeHourTopicLabels,
	weekdayLabels
} from '$lib/domain/registers/officeHours';
import type { RegisterDescription } from './description';

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
			labels: { weekday: weekdayLabels, place: officeHourPlaceLabels },
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
			labels: { topic: officeHourTopicLabels },
			csv: {
				name: 'sprechstunden',
				periodic: true,
				build: (data, period) => officeHourSessionsCsv(data.officeHourSessions, data.officeHourPlans, period)
			}
		}
	]
};
