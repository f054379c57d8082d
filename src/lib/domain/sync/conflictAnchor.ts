/** The element id of a conflict on „Zu klären“, so markers elsewhere can link straight to it. */
export function conflictAnchor(conflictId: string): string {
	return `konflikt-${conflictId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
