import { untrack } from 'svelte';
import type { ResolvedPathname } from '$app/types';
import { db, selectWorkspace, useWorkspace, type DbHealth } from '$lib/client/db';
import { setActiveFacilityId } from '$lib/client/db/meta';
import { registerDossierSender, sendQueuedHandIns } from '$lib/client/services/dossier/sender';
import { countQueuedDossiers, sendQueuedDossiers } from '$lib/client/services/dossier/queue';
import { workspace } from '$lib/client/state/workspace.svelte';
import { countPendingChanges } from '$lib/client/sync/outbox';
import { syncStatus } from '$lib/client/state/syncStatus.svelte';
import type { SessionResponse, SessionUser } from '$lib/domain/accounts';
import {
	acknowledgeNotAllowed,
	declineTakeover,
	previewTakeover,
	takeOver,
	takeoverDecided,
	type TakeoverPreview,
	type TakeoverResult
} from '$lib/client/services/session/takeover';
import type { ConflictChoice } from '$lib/domain/takeover/takeoverPlan';
import { checkSession, logoutOnServer, type FetchFn } from '$lib/client/api/session';
import {
	forgetCachedSession,
	isLogoutPending,
	markLogoutPending,
	readCachedSession,
	restoreCachedSession,
	saveCachedSession,
	workspaceNameFor,
	type CachedSession
} from '$lib/client/services/session/sessionCache';
import { sessionBoundFetch } from '$lib/client/api/sessionFetch';
import { learnCatalogues } from '$lib/client/services/catalogueSwitch';
import {
	ensureUserFacility,
	NO_FACILITY_ID,
	prepareUserWorkspace,
	writesFacilityData
} from '$lib/client/services/session/userWorkspace';

/**
 * Work from the demo mode waiting at login: offered to a Leitung or team member with its preview;
 * an advisor or admin is told why she cannot take it over (she has no centre of her own to put it in).
 */
export type TakeoverOffer =
	| { kind: 'offer'; preview: TakeoverPreview }
	| { kind: 'not-allowed'; preview: TakeoverPreview; role: SessionUser['role'] };

/** Where a role starts after logging in. */
export function landingPathFor(user: SessionUser): ResolvedPathname {
	if (user.role === 'fachberatung') return '/beratung' as ResolvedPathname;
	if (user.role === 'admin') return '/admin' as ResolvedPathname;
	return '/' as ResolvedPathname;
}

/**
 * The user signed in on this device, as reactive state, and the one place that switches workspaces:
 * each user works in a database of her own (`guetesiegel-mappe-<userId>`), the anonymous workspace
 * is used before anyone signs in. The session survives without network indefinitely; an expired
 * server session only pauses sync until the same user logs in again, and every local change stays.
 */
class Session {
	#cached = $state.raw<CachedSession | null>(null);
	#expired = $state(false);
	#takeoverOffer = $state.raw<TakeoverOffer | null>(null);
	#stopWatching: (() => void) | null = null;
	#fetch: FetchFn = (...args) => fetch(...args);

	constructor() {
		registerDossierSender(() => this.#send());
	}

	/** The signed-in user as last confirmed by the server; null when nobody is signed in. */
	get user(): SessionUser | null {
		return this.#cached?.user ?? null;
	}

	/** The server no longer accepts the session: „Bitte erneut anmelden“. Local work goes on. */
	get expired(): boolean {
		return this.user !== null && (this.#expired || syncStatus.view.state === 'needs-login');
	}

	/** Work from the demo mode, offered to take over into the user's centre (see `TakeoverOffer`). */
	get takeoverOffer(): TakeoverOffer | null {
		return this.#takeoverOffer;
	}

	/**
	 * Knows the cached user and switches `db` to her workspace synchronously, without opening it:
	 * for a start whose workspace work waits (see `startApp`). `start` does the rest later.
	 */
	selectCachedUser(): SessionUser | null {
		this.#cached = readCachedSession();
		if (this.#cached) selectWorkspace(workspaceNameFor(this.user));
		return this.user;
	}

	/**
	 * Switches to the cached user's workspace at once (synchronously: `db` is swapped before any
	 * other code of the page runs, so nothing syncs the wrong workspace), then opens it. Call as early
	 * as possible, e.g. at the top of the root layout's script.
	 */
	openCachedWorkspace(): Promise<DbHealth> {
		this.#cached = readCachedSession();
		if (this.#cached || isLogoutPending()) return useWorkspace(workspaceNameFor(this.user));
		// A kill right after a login may have cost the localStorage copy: the durable one decides.
		return restoreCachedSession().then((restored) => {
			this.#cached ??= restored;
			return useWorkspace(workspaceNameFor(this.user));
		});
	}

	/**
	 * Opens the device's workspace for whoever is signed in, starts the workspace state and watches
	 * for hand-ins to send. Asks the server about the session in the background (when online).
	 */
	async start(options: { fetch?: FetchFn } = {}): Promise<DbHealth> {
		if (options.fetch) this.#fetch = options.fetch;
		const health = await this.openCachedWorkspace();
		if (health !== 'ok') return health;
		const user = this.user;
		if (user) {
			const facilityId = await prepareUserWorkspace(user);
			await ensureUserFacility(user, facilityId);
		}
		const result = await workspace.init();
		this.#watch();
		void this.refresh();
		// The offer stands until it is answered, also across a reload.
		if (user && result === 'ok') await this.#offerTakeover(user);
		return result;
	}

	/** Stops watching (tests). */
	stop(): void {
		this.#stopWatching?.();
		this.#stopWatching = null;
	}

	#watch(): void {
		if (this.#stopWatching) return;
		const onOnline = () => void this.refresh();
		if (typeof window !== 'undefined') window.addEventListener('online', onOnline);
		// Hand-ins go after every finished sync: by then the files they cite are uploaded.
		const stopEffect = $effect.root(() => {
			$effect(() => {
				if (syncStatus.lastReport === null) return;
				untrack(() => {
					void this.sendDossiers();
					void this.#settleFacility();
					void this.#learnCatalogue();
				});
			});
		});
		this.#stopWatching = () => {
			stopEffect();
			if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
		};
	}

	/** After a sync: the catalogue version in force, and the centre's own if missing (catalogueSwitch). */
	async #learnCatalogue(): Promise<void> {
		const user = this.user;
		if (!user || !writesFacilityData(user)) return;
		await learnCatalogues(sessionBoundFetch(this.#fetch)).catch((error: unknown) => {
			// The workspace was switched meanwhile (a sign-in, a logout): the next sync asks again.
			if ((error as Error | null)?.name === 'DatabaseClosedError') return;
			console.error('Learning the catalogue versions failed', error);
		});
	}

	/**
	 * After a sync: a stand-in profile (made before the server was asked, e.g. after the browser
	 * evicted the workspace) the server turned out not to have becomes the centre's real profile.
	 */
	async #settleFacility(): Promise<void> {
		const user = this.user;
		const facilityId = workspace.facility?.id;
		if (!user || !facilityId) return;
		await ensureUserFacility(user, facilityId).catch((error: unknown) => {
			console.error('Creating the facility profile failed', error);
		});
	}

	/**
	 * Asks the server whether the session still holds and takes over changes to the user (name,
	 * facilities). Ends a session left open by a logout made without network.
	 */
	async refresh(): Promise<void> {
		if (!this.user) {
			if (isLogoutPending() && (await logoutOnServer(this.#fetch))) markLogoutPending(false);
			return;
		}
		const check = await checkSession(this.#fetch);
		if (check.kind === 'unreachable') return;
		if (check.kind === 'expired' || check.session.user.id !== this.user.id) {
			this.#expired = true;
			return;
		}
		this.#expired = false;
		const before = this.user;
		this.#cached = await saveCachedSession(check.session);
		const sameFacilities =
			before.facilities.map((f) => f.id).join() === check.session.user.facilities.map((f) => f.id).join();
		if (!sameFacilities || before.displayName !== check.session.user.displayName) {
			const facilityId = await prepareUserWorkspace(check.session.user);
			await ensureUserFacility(check.session.user, facilityId);
			if (workspace.facility?.id !== facilityId) await workspace.init();
		}
	}

	/**
	 * After a successful login: remembers the user, opens her own workspace (the same one again
	 * after an expired session, so her queued changes go now), pulls the centre's data, makes sure
	 * the facility has a profile and offers to take over entries made before signing in. Returns
	 * where her role starts.
	 */
	async signedIn(response: SessionResponse): Promise<ResolvedPathname> {
		markLogoutPending(false);
		// On disk before anything reports the login: a kill from here on still opens signed in.
		this.#cached = await saveCachedSession(response);
		this.#expired = false;
		const user = response.user;
		workspace.dispose();
		const health = await useWorkspace(workspaceNameFor(user));
		if (health === 'ok') {
			const facilityId = await prepareUserWorkspace(user);
			await this.#syncOnce();
			const pendingBefore = await countPendingChanges(db);
			await ensureUserFacility(user, facilityId);
			await workspace.init();
			// A profile the server did not have yet goes up right away, for the team's other tablets.
			if ((await countPendingChanges(db)) > pendingBefore) await syncStatus.syncNow();
			await this.#offerTakeover(user);
		}
		this.#watch();
		return landingPathFor(user);
	}

	async #offerTakeover(user: SessionUser): Promise<void> {
		const preview = await previewTakeover(workspace.facility?.id ?? NO_FACILITY_ID, criterionTitle).catch(
			(error: unknown) => {
				console.error('Reading the demo workspace failed', error);
				return null;
			}
		);
		if (!preview || (await takeoverDecided(preview.fingerprint))) {
			this.#takeoverOffer = null;
			return;
		}
		this.#takeoverOffer = writesFacilityData(user)
			? { kind: 'offer', preview }
			: { kind: 'not-allowed', preview, role: user.role };
	}

	/** A full sync that surely ran on the current workspace (one already running may be on the old one). */
	async #syncOnce(): Promise<void> {
		await syncStatus.syncNow();
		for (let waited = 0; syncStatus.view.state === 'syncing' && waited < 30_000; waited += 100) {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		await syncStatus.syncNow();
	}

	/** Changes and hand-ins on this device that the server has not confirmed yet. */
	async unsyncedCount(): Promise<number> {
		if (!this.user) return 0;
		return (await countPendingChanges(db)) + (await countQueuedDossiers(db));
	}

	/**
	 * Logs out: ends the server session (or, offline, remembers to end it when back online), forgets
	 * the user on this device and opens the anonymous workspace. The user's workspace stays on the
	 * device with every unsynced change; it is sent when she logs in here again.
	 */
	async logout(): Promise<void> {
		const reached = await logoutOnServer(this.#fetch);
		markLogoutPending(!reached);
		await forgetCachedSession();
		this.#cached = null;
		this.#expired = false;
		this.#takeoverOffer = null;
		workspace.dispose();
		const health = await useWorkspace(workspaceNameFor(null));
		if (health === 'ok') await workspace.init();
	}

	/** Shows another facility of the user (Kitas of a Verbund). */
	async switchFacility(facilityId: string): Promise<void> {
		const user = this.user;
		if (!user || !user.facilities.some((f) => f.id === facilityId)) return;
		await setActiveFacilityId(facilityId);
		await ensureUserFacility(user, facilityId);
		await workspace.init();
	}

	/**
	 * Takes the demo work over into the centre, each conflict as chosen (else its preset). The offer
	 * stays until the move succeeded, so a failure can be tried again.
	 */
	async takeOver(choices: Readonly<Record<string, ConflictChoice>> = {}): Promise<TakeoverResult | null> {
		const user = this.user;
		const facilityId = workspace.facility?.id;
		if (!user || !writesFacilityData(user) || !facilityId) return null;
		const result = await takeOver(facilityId, criterionTitle, choices);
		this.#takeoverOffer = null;
		// The moved work goes to the server now, for the team's other tablets.
		void syncStatus.syncNow();
		return result;
	}

	/** „Jetzt nicht“ (or, for an advisor, „Verstanden“): not offered again until the demo work changes. */
	async declineTakeover(): Promise<void> {
		const offer = this.#takeoverOffer;
		this.#takeoverOffer = null;
		if (!offer) return;
		if (offer.kind === 'offer') await declineTakeover(offer.preview.fingerprint);
		else await acknowledgeNotAllowed(offer.preview.fingerprint);
	}

	/** Sends queued hand-ins (after a sync, or right after handing in); one sending at a time. */
	sendDossiers(): Promise<void> {
		return sendQueuedHandIns();
	}

	async #send(): Promise<void> {
		if (!this.user) return;
		const outcome = await sendQueuedDossiers(sessionBoundFetch(this.#fetch)).catch((error: unknown) => {
			console.error('Sending hand-ins failed', error);
			return 'unreachable' as const;
		});
		if (outcome === 'needs-login') this.#expired = true;
	}
}

/** A criterion's title in the centre's catalogue, for the preview; its id when the catalogue lacks it. */
function criterionTitle(criterionId: string): string {
	const criterion = workspace.catalogue.criteria.find((c) => c.id === criterionId);
	return criterion ? `${criterion.id} ${criterion.title}` : criterionId;
}

export const session = new Session();
