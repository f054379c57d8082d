/**
 * Work a request starts but does not wait for, such as the mail of „Passwort vergessen“: the answer
 * must not take longer when an account exists (and a mail is sent) than when it does not. Failures are
 * logged without the address or the link; tests wait for `backgroundWorkSettled`.
 */
const pending = new Set<Promise<void>>();

export function runInBackground(what: string, task: () => Promise<void>): void {
	// setImmediate: the request's answer goes out before the task takes its first turn.
	const run = new Promise<void>((resolve) => setImmediate(resolve))
		.then(task)
		.catch((error: unknown) => {
			// The code only (ECONNECTION, EENVELOPE …): SMTP replies may quote the recipient's address.
			console.error(`${what} fehlgeschlagen (${errorCode(error)})`);
		})
		.finally(() => pending.delete(run));
	pending.add(run);
}

/** Resolves when everything started so far has finished (tests, and a clean shutdown). */
export async function backgroundWorkSettled(): Promise<void> {
	while (pending.size > 0) await Promise.all([...pending]);
}

function errorCode(error: unknown): string {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unbekannt';
}
