/**
 * How this device adds the app to its home screen, so the set-up guide shows the one way that works:
 * - `installed`: it already runs from the home screen (standalone display);
 * - `prompt`: the browser offered its own install dialog (Chromium's `beforeinstallprompt`);
 * - `ios`: Safari on iPhone or iPad, which has no such dialog: Teilen → „Zum Home-Bildschirm“;
 * - `menu`: any other browser: its menu has „App installieren“ or „Zum Startbildschirm hinzufügen“.
 */
export type InstallGuidance = 'installed' | 'prompt' | 'ios' | 'menu';

export interface InstallFacts {
	userAgent: string;
	/** `navigator.maxTouchPoints`: iPadOS 13+ reports itself as a Mac, but a Mac has no touch. */
	maxTouchPoints: number;
	/** `display-mode: standalone`, or Safari's `navigator.standalone`. */
	standalone: boolean;
	/** A `beforeinstallprompt` event is waiting to be used. */
	promptAvailable: boolean;
}

export function installGuidance(facts: InstallFacts): InstallGuidance {
	if (facts.standalone) return 'installed';
	if (facts.promptAvailable) return 'prompt';
	const ios = /iPhone|iPad|iPod/.test(facts.userAgent);
	const iPadAsMac = /Macintosh/.test(facts.userAgent) && facts.maxTouchPoints > 1;
	return ios || iPadAsMac ? 'ios' : 'menu';
}
