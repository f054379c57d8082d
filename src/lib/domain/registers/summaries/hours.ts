/**
 * Hours with one decimal, for display: 90 minutes → 1.5. Apart from the office-hours summary
 * (`officeHours.ts` re-exports it) because the Übersicht's number formatting needs it without zod.
 */
export function hoursOf(minutes: number): number {
	return Math.round(minutes / 6) / 10;
}
