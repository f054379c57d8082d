import type { ResolvedPathname } from '$app/types';
import type { SessionUser } from '$lib/domain/accounts';

/**
 * Where setting up a device from a one-time link stands. Outside the page on purpose: signing in
 * switches the workspace, and the root layout shows „Die Mappe wird geöffnet …“ meanwhile, which
 * unmounts the page; its own state would be lost and the used link would greet her again.
 */
class DeviceSetup {
	/** The link's token this state belongs to; another link starts afresh. */
	token = $state<string | null>(null);
	/** The account's email once the password is saved. */
	doneFor = $state<string | null>(null);
	signingIn = $state(false);
	signedIn = $state.raw<{ user: SessionUser; landing: ResolvedPathname } | null>(null);

	/** Starts over when the page opens another link. */
	forToken(token: string | null): this {
		if (this.token !== token) {
			this.token = token;
			this.doneFor = null;
			this.signingIn = false;
			this.signedIn = null;
		}
		return this;
	}
}

export const deviceSetup = new DeviceSetup();
