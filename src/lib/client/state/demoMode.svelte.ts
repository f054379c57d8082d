/**
 * Whether the person on this device chose to try the app without an account (the demo mode). Asked
 * once, on the first open; kept in localStorage, which the first paint can read without the
 * session machinery. Signing in makes it moot; after a logout the marker shows again.
 */

const CHOSEN_KEY = 'guetesiegel-mappe.demo-mode';

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

class DemoMode {
	/** Bumped by `choose`, so readers of the stored choice update. */
	#version = $state(0);
	/** The choice when storage refused it: it holds for this visit. */
	#chosenThisVisit = false;

	/** She chose „Ohne Konto ausprobieren“ on this device. */
	get chosen(): boolean {
		void this.#version;
		return this.#chosenThisVisit || storage()?.getItem(CHOSEN_KEY) === '1';
	}

	choose(): void {
		try {
			storage()?.setItem(CHOSEN_KEY, '1');
		} catch {
			this.#chosenThisVisit = true;
		}
		this.#version += 1;
	}
}

export const demoMode = new DemoMode();
