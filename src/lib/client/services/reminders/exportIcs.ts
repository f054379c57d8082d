import type { LocalDate } from '$lib/domain/dates';
import type { Reminder } from '$lib/domain/reminders/types';

/**
 * Writes the reminders as an `.ics` file and hands it to the browser as a download. The calendar
 * library is bundled with the app (precached, so this works offline) but loaded only here, when the
 * user exports. Returns how many events the file holds.
 */
export async function downloadRemindersIcs(
	reminders: readonly Reminder[],
	facility: { id: string; name: string },
	today: LocalDate,
	doc: Document = document
): Promise<number> {
	const { remindersToIcs, icsFileName, exportedReminders } = await import('$lib/domain/reminders/ics');
	const text = remindersToIcs(reminders, {
		facilityId: facility.id,
		facilityName: facility.name,
		today,
		now: new Date()
	});
	const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
	const link = doc.createElement('a');
	link.href = url;
	link.download = icsFileName(today);
	link.style.display = 'none';
	doc.body.append(link);
	link.click();
	link.remove();
	// Revoke later: some browsers start the download only after the click handler returns.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
	return exportedReminders(reminders, today).length;
}
