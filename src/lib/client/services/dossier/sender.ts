/**
 * Who sends queued hand-ins for the signed-in user: the session registers itself when it loads.
 * Registered rather than imported, so that the session (which sends after every sync) and the
 * hand-in do not import each other.
 */
let send: () => Promise<void> = () => Promise.resolve();

export function registerDossierSender(sender: () => Promise<void>): void {
	send = sender;
}

/** Sends the queued hand-ins now, if a session is there to send them. */
export function sendQueuedSoon(): Promise<void> {
	return send();
}
