import { resolve } from '$app/paths';
import type { ReminderLink } from '$lib/domain/reminders/types';

/** The page where the user acts on a reminder. */
export function reminderHref(link: ReminderLink): string {
	switch (link.to) {
		case 'criterion':
			return resolve('/kriterien/[id]', { id: link.criterionId });
		case 'register':
			return resolve('/register/[register=register]', { register: link.segment });
		case 'criteria':
			return resolve('/kriterien');
		case 'facility':
			return resolve('/einrichtung');
		case 'rounds':
			return resolve('/runden');
	}
}
