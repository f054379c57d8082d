/**
 * The number on the installed app's icon (Badging API). Chromium-based browsers and Safari on an
 * installed PWA support it; elsewhere the methods are missing and nothing happens. Calls can also be
 * refused (no notification permission on some platforms): the badge is a bonus, never an error.
 */
export interface BadgeNavigator {
	setAppBadge?: (contents?: number) => Promise<void>;
	clearAppBadge?: () => Promise<void>;
}

export interface AppBadge {
	/** Shows `count` (clears the badge at 0); does nothing when the count has not changed. */
	show(count: number): Promise<void>;
}

export function createAppBadge(
	nav: BadgeNavigator | undefined = typeof navigator === 'undefined' ? undefined : navigator
): AppBadge {
	let shown: number | null = null;
	return {
		async show(count) {
			if (count === shown) return;
			shown = count;
			if (typeof nav?.setAppBadge !== 'function') return;
			try {
				if (count > 0) await nav.setAppBadge(count);
				else if (typeof nav.clearAppBadge === 'function') await nav.clearAppBadge();
				else await nav.setAppBadge(0);
			} catch {
				// Refused by the platform: the list in the app still says what is due.
			}
		}
	};
}
