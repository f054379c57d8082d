/** Date and time as German users read it, e.g. "23.11.2026, 09:00". */
export function formatDateTime(iso: string): string {
	return new Date(iso).toLocaleString('de-DE', { dateStyle: 'medium', timeStyle: 'short' });
}
