import { installGuidance, type InstallGuidance } from '$lib/domain/pwa/installGuidance';

/** Chromium's install event; not in TypeScript's DOM types. */
interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/**
 * The browser's offer to install the app, kept from the moment this module loads: Chromium fires
 * `beforeinstallprompt` once per page and only a kept event can open the dialog later, from a click.
 */
class InstallPrompt {
	#event = $state.raw<BeforeInstallPromptEvent | null>(null);
	#installed = $state(false);

	constructor() {
		if (typeof window === 'undefined') return;
		window.addEventListener('beforeinstallprompt', (event) => {
			// Keep it for our own button instead of the browser's mini-infobar.
			event.preventDefault();
			this.#event = event as BeforeInstallPromptEvent;
		});
		window.addEventListener('appinstalled', () => {
			this.#installed = true;
			this.#event = null;
		});
	}

	get guidance(): InstallGuidance {
		if (typeof window === 'undefined') return 'menu';
		const standalone =
			this.#installed ||
			window.matchMedia?.('(display-mode: standalone)').matches === true ||
			(navigator as { standalone?: boolean }).standalone === true;
		return installGuidance({
			userAgent: navigator.userAgent,
			maxTouchPoints: navigator.maxTouchPoints ?? 0,
			standalone,
			promptAvailable: this.#event !== null
		});
	}

	/** Opens the browser's install dialog; true when the user accepted. */
	async install(): Promise<boolean> {
		const event = this.#event;
		if (!event) return false;
		this.#event = null;
		await event.prompt();
		const { outcome } = await event.userChoice;
		if (outcome === 'accepted') this.#installed = true;
		return outcome === 'accepted';
	}
}

export const installPrompt = new InstallPrompt();
