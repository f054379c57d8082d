import { onMount } from 'svelte';
import { afterFirstContent } from '$lib/client/state/firstContent';
import { afterPaint, mayHaveCachedSession } from '$lib/client/state/firstPaint';
import { readiness } from '$lib/client/state/readiness.svelte';
import { askBeforeLosingPickedFiles } from '$lib/client/state/unkeptFiles';
import { workspace } from '$lib/client/state/workspace.svelte';

/** What the start needs of the session parts: the session, which opens the user's workspace. */
interface WithSession<U = unknown> {
	session: { user: U | null; start(): Promise<unknown>; selectCachedUser(): U | null };
}

export interface StartupHooks<P extends WithSession> {
	/**
	 * Whether the signed-in user's workspace (opening it, sync) may wait until the page has shown its
	 * content: true for the advisor on her pages, which show server data only (issue 15).
	 */
	workspaceMayWait?: (user: NonNullable<P['session']['user']>) => boolean;
	/**
	 * Loads the session, sync and account parts with `import()`: they bring zod and the sync code
	 * along, which the Übersicht can show without.
	 */
	loadSessionParts: () => Promise<P>;
	/** The parts are there: the layout shows sync status and account area from now on. */
	sessionPartsLoaded: (parts: P) => void;
	failed: (error: unknown) => void;
}

/**
 * The app's start, in order; the root layout calls it at the top of its script (it uses `onMount`
 * and `$effect`, so during the component's set-up). Someone signed in: her own workspace opens
 * through the session, before anything else. Nobody signed in: the anonymous workspace shows at once
 * and the session parts load after the first paint.
 */
export function startApp<P extends WithSession>(hooks: StartupHooks<P>): void {
	askBeforeLosingPickedFiles();

	async function startSession(): Promise<void> {
		const parts = await hooks.loadSessionParts();
		// A sign-in on the login page meanwhile has started the session already (and must not be
		// interrupted). Otherwise `start` switches to the signed-in user's own workspace synchronously,
		// so the sync status (which starts sync when it mounts) only ever sees that workspace.
		if (parts.session.user) {
			hooks.sessionPartsLoaded(parts);
			return;
		}
		// The advisor on her pages: her workspace is chosen now, opened once the page shows its content.
		const user = parts.session.selectCachedUser();
		if (user && hooks.workspaceMayWait?.(user as NonNullable<P['session']['user']>)) {
			hooks.sessionPartsLoaded(parts);
			afterFirstContent(() => void parts.session.start().catch(hooks.failed));
			return;
		}
		const started = parts.session.start();
		hooks.sessionPartsLoaded(parts);
		await started;
	}

	if (mayHaveCachedSession()) {
		startSession().catch(hooks.failed);
	} else {
		// The session's own `workspace.init()` later keeps what runs.
		workspace.init().catch(hooks.failed);
		let requested = false;
		$effect(() => {
			if (!workspace.loaded || requested) return;
			requested = true;
			afterPaint(() => void startSession().catch(hooks.failed));
		});
	}

	onMount(() => {
		// Ask once that the browser never evicts the workspace; the answer shows in Einstellungen.
		// After the first content: the question can wait, the Übersicht's first load need not carry it.
		afterFirstContent(() => {
			import('$lib/client/services/storageHealth')
				.then(({ requestPersistence }) => requestPersistence())
				.catch(() => undefined);
		});

		const onVisible = () => {
			if (document.visibilityState === 'visible') readiness.refreshToday();
		};
		document.addEventListener('visibilitychange', onVisible);
		return () => document.removeEventListener('visibilitychange', onVisible);
	});
}
