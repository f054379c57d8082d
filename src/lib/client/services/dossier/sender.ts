/**
 * Sending queued hand-ins, one round at a time. The session registers the round (it knows who is
 * signed in and what an expired session means); the hand-in and the session both ask for a sending
 * here, so that they do not import each other.
 */
let round: () => Promise<void> = () => Promise.resolve();
let sending: Promise<void> | null = null;
let sendAgain = false;

export function registerDossierSender(send: () => Promise<void>): void {
	round = send;
}

/** Sends queued hand-ins (after a sync, or right after handing in); one sending at a time. */
export function sendQueuedHandIns(): Promise<void> {
	if (sending) {
		// A hand-in queued while sending runs gets its own round right after.
		sendAgain = true;
		return sending;
	}
	sending = (async () => {
		do {
			sendAgain = false;
			await round();
		} while (sendAgain);
	})().finally(() => (sending = null));
	return sending;
}
