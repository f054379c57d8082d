import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fullDevice } from '../../../../tests/fixtures/db/fullDevice';
import { freshWorkspace, useCloneableBlob } from '../../../../tests/fixtures/db/testWorkspace';
import { db, useWorkspace } from '$lib/client/db';
import { putRecord } from '$lib/client/db/changes';
import { getActiveFacilityId, getActor, setActiveFacilityId } from '$lib/client/db/meta';
import { DEFAULT_WORKSPACE_NAME } from '$lib/client/db/WorkspaceDb';
import { workspace } from '$lib/client/state/workspace.svelte';
import { citeRegisterEntry } from '$lib/client/services/registers/citations';
import { savePreventionProfile } from '$lib/client/services/registers/prevention';
import { countPendingChanges } from '$lib/client/sync/outbox';
import { syncStatus } from '$lib/client/state/syncStatus.svelte';
import { createFakeFetch, jsonResponse, type FakeFetch } from '$lib/client/sync/fakeServer';
import type { SessionResponse, SessionUser } from '$lib/domain/accounts';
import type { PullResponse, PushRequest, PushResponse } from '$lib/domain/sync/protocol';
import { session } from '$lib/client/state/session.svelte';
import {
	forgetCachedSession,
	readCachedSession,
	workspaceNameFor
} from '$lib/client/services/session/sessionCache';
import { sessionBoundFetch } from '$lib/client/api/sessionFetch';

useCloneableBlob();

function user(id: string, facilityId: string, role: SessionUser['role'] = 'leitung'): SessionUser {
	return {
		id,
		email: `${id}@test.example`,
		displayName: `Person ${id}`,
		role,
		facilities: [{ id: facilityId, name: `Kita ${facilityId}`, familienzentrum: `FZ ${facilityId}` }]
	};
}

function login(u: SessionUser): SessionResponse {
	return { user: u, expiresAt: '2099-01-01T00:00:00.000Z' };
}

/** A server that accepts every push, remembers who sent what, and answers pulls from a list. */
interface FakeServer extends FakeFetch {
	/** The session the browser's cookie stands for; null = expired. */
	signedIn: SessionUser | null;
	pushes: { as: string | null; request: PushRequest }[];
	pullRecords: PullResponse['records'];
	offline: boolean;
}

function fakeServer(): FakeServer {
	const fake = createFakeFetch() as FakeServer;
	fake.signedIn = null;
	fake.pushes = [];
	fake.pullRecords = [];
	fake.offline = false;
	const inner = fake.fetch;
	fake.fetch = async (input, init) => {
		if (fake.offline) throw new TypeError('Failed to fetch');
		const path = new URL(String(input), 'http://localhost').pathname;
		if (!fake.signedIn && path !== '/api/auth/logout') {
			return jsonResponse({ error: { code: 'unauthenticated', message: 'Bitte anmelden.' } }, 401);
		}
		return inner(input, init);
	};
	let revision = 0;
	fake.on('GET /api/auth/session', () => jsonResponse(login(fake.signedIn!)));
	fake.on('POST /api/auth/logout', () => {
		fake.signedIn = null;
		return jsonResponse({ ok: true });
	});
	fake.on('POST /api/sync/push', (body) => {
		const request = body as PushRequest;
		fake.pushes.push({ as: fake.signedIn?.id ?? null, request });
		const response: PushResponse = {
			results: request.changes.map((c) => ({ seq: c.seq, status: 'accepted', revision: ++revision })),
			lastSeq: request.changes.at(-1)!.seq
		};
		return jsonResponse(response);
	});
	fake.on('GET /api/sync/pull', () => {
		const ids = fake.signedIn?.facilities.map((f) => f.id) ?? [];
		const records = fake.pullRecords.filter((r) => ids.includes(r.facilityId));
		const response: PullResponse = {
			records,
			facilityIds: ids,
			cursor: records.at(-1)?.revision ?? 0,
			hasMore: false
		};
		return jsonResponse(response);
	});
	return fake;
}

let server: FakeServer;

async function signIn(u: SessionUser) {
	server.signedIn = u;
	return session.signedIn(login(u));
}

/** What one user pushed, as record ids. */
function pushedBy(userId: string): string[] {
	return server.pushes
		.filter((p) => p.as === userId)
		.flatMap((p) => p.request.changes.map((c) => c.recordId));
}

async function setStatus(facilityId: string, criterionId: string, status: 'erfuellt' | 'in_arbeit') {
	await putRecord('criterionStatuses', {
		id: `${facilityId}:${criterionId}`,
		facilityId,
		criterionId,
		status
	});
}

beforeEach(async () => {
	localStorage.clear();
	await forgetCachedSession();
	server = fakeServer();
	vi.stubGlobal('fetch', server.fetch);
	await freshWorkspace();
	await Dexie.delete(DEFAULT_WORKSPACE_NAME);
});

afterEach(() => {
	session.stop();
	workspace.dispose();
	vi.unstubAllGlobals();
	useCloneableBlob();
});

describe('signing in on a device', () => {
	it('opens a workspace of the user’s own that shows her centre under the server’s id', async () => {
		const lea = user(`lea-${crypto.randomUUID()}`, 'kita-a');
		const landing = await signIn(lea);

		expect(landing).toBe('/');
		expect(db.name).toBe(workspaceNameFor(lea));
		expect(await getActiveFacilityId()).toBe('kita-a');
		await vi.waitFor(() => expect(workspace.facility).toMatchObject({ id: 'kita-a', name: 'Kita kita-a' }));
		expect(await getActor()).toEqual({ displayName: lea.displayName, userId: lea.id });
		// The centre had no profile on the server, so the Leitung's device creates it: it syncs.
		expect(pushedBy(lea.id)).toContain('kita-a');
	});

	it('takes the centre’s profile from the server when it has one', async () => {
		const lea = user(`lea-${crypto.randomUUID()}`, 'kita-a');
		server.pullRecords = [
			{
				table: 'facilities',
				recordId: 'kita-a',
				facilityId: 'kita-a',
				revision: 1,
				deleted: false,
				record: {
					id: 'kita-a',
					facilityId: 'kita-a',
					createdAt: '2026-01-01T00:00:00.000Z',
					updatedAt: '2026-01-01T00:00:00.000Z',
					updatedBy: 'Demo',
					deleted: false,
					name: 'Familienzentrum Sonnenblume',
					city: 'Bochum',
					catalogueId: 'familienzentrum-nrw',
					catalogueVersion: '2026.1-arbeitsfassung'
				}
			}
		];
		await signIn(lea);
		await vi.waitFor(() =>
			expect(workspace.facility).toMatchObject({
				id: 'kita-a',
				name: 'Familienzentrum Sonnenblume',
				city: 'Bochum'
			})
		);
		expect(pushedBy(lea.id)).toEqual([]);
	});

	it('sends an advisor to her centres and never queues changes for her', async () => {
		const berit = user(`berit-${crypto.randomUUID()}`, 'kita-a', 'fachberatung');
		expect(await signIn(berit)).toBe('/beratung');
		await vi.waitFor(() => expect(workspace.facility?.id).toBe('kita-a'));
		expect(await countPendingChanges(db)).toBe(0);
	});
});

describe('after the browser evicted the workspace, the session kept', () => {
	const sonnenblume: PullResponse['records'][number] = {
		table: 'facilities',
		recordId: 'kita-a',
		facilityId: 'kita-a',
		revision: 1,
		deleted: false,
		record: {
			id: 'kita-a',
			facilityId: 'kita-a',
			createdAt: '2026-01-01T00:00:00.000Z',
			updatedAt: '2026-01-01T00:00:00.000Z',
			updatedBy: 'Demo',
			deleted: false,
			name: 'Familienzentrum Sonnenblume',
			city: 'Bochum',
			traeger: 'Caritas',
			catalogueId: 'familienzentrum-nrw',
			catalogueVersion: '2026.1-arbeitsfassung'
		}
	};

	async function evictAndReopen(lea: SessionUser): Promise<void> {
		session.stop();
		workspace.dispose();
		await useWorkspace(DEFAULT_WORKSPACE_NAME);
		await Dexie.delete(workspaceNameFor(lea));
		server.pushes = [];
		expect(await session.start()).toBe('ok');
		expect(db.name).toBe(workspaceNameFor(lea));
	}

	it('queues no blank profile and shows the server’s after the first sync', async () => {
		const lea = user(`lea-${crypto.randomUUID()}`, 'kita-a');
		server.pullRecords = [sonnenblume];
		await signIn(lea);
		await evictAndReopen(lea);

		expect(await countPendingChanges(db)).toBe(0);
		await syncStatus.syncNow();
		await vi.waitFor(() => expect(workspace.facility).toMatchObject({ city: 'Bochum', traeger: 'Caritas' }));
		expect(pushedBy(lea.id)).toEqual([]);
		expect(await countPendingChanges(db)).toBe(0);
	});

	it('creates the profile after the first sync when the server has none', async () => {
		const lea = user(`lea-${crypto.randomUUID()}`, 'kita-a');
		await signIn(lea);
		server.pullRecords = [];
		await evictAndReopen(lea);

		expect(await countPendingChanges(db)).toBe(0);
		await syncStatus.syncNow();
		await vi.waitFor(async () => expect(await countPendingChanges(db)).toBe(1));
		await syncStatus.syncNow();
		expect(pushedBy(lea.id)).toEqual(['kita-a']);
	});
});

describe('working offline after one login', () => {
	it('opens the same workspace again with no network at all', async () => {
		const lea = user(`lea-${crypto.randomUUID()}`, 'kita-a');
		await signIn(lea);
		await setStatus('kita-a', '1.1', 'erfuellt');
		session.stop();
		workspace.dispose();
		await useWorkspace(DEFAULT_WORKSPACE_NAME);

		server.offline = true;
		expect(await session.start()).toBe('ok');
		expect(session.user?.id).toBe(lea.id);
		expect(db.name).toBe(workspaceNameFor(lea));
		await vi.waitFor(() => expect(workspace.facility?.id).toBe('kita-a'));
		await vi.waitFor(() => expect(workspace.statuses.get('1.1')?.status).toBe('erfuellt'));
		expect(session.expired).toBe(false);
	});

	it('opens signed in after a kill cost the localStorage copy of the login', async () => {
		const lea = user(`lea-${crypto.randomUUID()}`, 'kita-a');
		await signIn(lea);
		await setStatus('kita-a', '1.1', 'erfuellt');
		session.stop();
		workspace.dispose();
		await useWorkspace(DEFAULT_WORKSPACE_NAME);
		// Chromium writes localStorage to disk seconds later; a kill before that loses it.
		localStorage.clear();

		expect(await session.start()).toBe('ok');
		expect(session.user?.id).toBe(lea.id);
		expect(db.name).toBe(workspaceNameFor(lea));
		await vi.waitFor(() => expect(workspace.statuses.get('1.1')?.status).toBe('erfuellt'));
		expect(readCachedSession()?.user.id).toBe(lea.id);
	});

	it('opens on a completely full device and shows her data', async () => {
		const device = fullDevice();
		try {
			const lea = user(`lea-${crypto.randomUUID()}`, 'kita-a');
			await signIn(lea);
			await setStatus('kita-a', '1.1', 'erfuellt');
			session.stop();
			workspace.dispose();
			await useWorkspace(DEFAULT_WORKSPACE_NAME);

			device.fill();
			expect(await session.start()).toBe('ok');
			expect(session.user?.id).toBe(lea.id);
			await vi.waitFor(() => expect(workspace.facility?.id).toBe('kita-a'));
			await vi.waitFor(() => expect(workspace.statuses.get('1.1')?.status).toBe('erfuellt'));
		} finally {
			device.dispose();
		}
	});

	it('stays signed out after a logout, also when localStorage is lost', async () => {
		const lea = user(`lea-${crypto.randomUUID()}`, 'kita-a');
		await signIn(lea);
		await session.logout();
		session.stop();
		localStorage.clear();

		expect(await session.start()).toBe('ok');
		expect(session.user).toBeNull();
		expect(db.name).toBe(DEFAULT_WORKSPACE_NAME);
	});

	it('asks to log in again when the session has expired, keeps every change and sends them after', async () => {
		const lea = user(`lea-${crypto.randomUUID()}`, 'kita-a');
		await signIn(lea);
		server.signedIn = null;
		await setStatus('kita-a', '1.2', 'in_arbeit');

		await session.refresh();
		expect(session.expired).toBe(true);
		expect(await countPendingChanges(db)).toBe(1);

		await signIn(lea);
		expect(session.expired).toBe(false);
		expect(db.name).toBe(workspaceNameFor(lea));
		expect(pushedBy(lea.id)).toContain('kita-a:1.2');
		expect(await countPendingChanges(db)).toBe(0);
	});
});

describe('a shared tablet', () => {
	it('never shows or pushes one user’s queued changes for another', async () => {
		const lea = user(`lea-${crypto.randomUUID()}`, 'kita-a');
		const rita = user(`rita-${crypto.randomUUID()}`, 'kita-b');
		await signIn(lea);
		server.offline = true;
		await setStatus('kita-a', '2.1', 'erfuellt');
		expect(await session.unsyncedCount()).toBe(1);
		await session.logout();
		expect(session.user).toBeNull();
		expect(readCachedSession()).toBeNull();
		expect(db.name).toBe(DEFAULT_WORKSPACE_NAME);

		server.offline = false;
		await signIn(rita);
		expect(db.name).toBe(workspaceNameFor(rita));
		expect(await countPendingChanges(db)).toBe(0);
		expect(await db.criterionStatuses.count()).toBe(0);
		expect(pushedBy(rita.id)).not.toContain('kita-a:2.1');

		await session.logout();
		await signIn(lea);
		expect(pushedBy(lea.id)).toContain('kita-a:2.1');
		expect(
			server.pushes.every((p) =>
				p.request.changes.every((c) => !c.recordId.startsWith(p.as === lea.id ? 'kita-b' : 'kita-a'))
			)
		).toBe(true);
	});

	it('ends a session left open by a logout without network once the network is back', async () => {
		const lea = user(`lea-${crypto.randomUUID()}`, 'kita-a');
		await signIn(lea);
		server.offline = true;
		await session.logout();
		expect(server.signedIn).not.toBeNull();

		server.offline = false;
		await session.refresh();
		expect(server.signedIn).toBeNull();
	});

	it('sends nothing for the anonymous workspace, even while an old session cookie is valid', async () => {
		const calls: string[] = [];
		const bound = sessionBoundFetch(async (input) => {
			calls.push(String(input));
			return jsonResponse({});
		});
		const response = await bound('/api/sync/pull?cursor=0');
		expect(response.status).toBe(401);
		expect(calls).toEqual([]);
	});
});

describe('work done before signing in', () => {
	async function workAnonymously() {
		await useWorkspace(DEFAULT_WORKSPACE_NAME);
		const anonymousFacility = crypto.randomUUID();
		await putRecord('facilities', {
			id: anonymousFacility,
			facilityId: anonymousFacility,
			name: 'Unser Familienzentrum',
			city: 'Herne',
			catalogueId: 'familienzentrum-nrw',
			catalogueVersion: '2026.1-arbeitsfassung'
		});
		await setActiveFacilityId(anonymousFacility);
		await setStatus(anonymousFacility, '1.1', 'erfuellt');
		await setStatus(anonymousFacility, '1.3', 'in_arbeit');
		await putRecord('evidence', {
			id: crypto.randomUUID(),
			facilityId: anonymousFacility,
			kind: 'note',
			title: 'Aushang Sprechstunde',
			date: '2026-10-01',
			criterionIds: ['1.1']
		});
		return anonymousFacility;
	}

	it('is previewed and, when taken over, becomes the centre’s own changes and leaves the demo', async () => {
		const anonymousFacility = await workAnonymously();
		const lea = user(`lea-${crypto.randomUUID()}`, 'kita-a');
		server.pullRecords = [
			{
				table: 'criterionStatuses',
				recordId: 'kita-a:1.3',
				facilityId: 'kita-a',
				revision: 1,
				deleted: false,
				record: {
					id: 'kita-a:1.3',
					facilityId: 'kita-a',
					createdAt: '2026-01-01T00:00:00.000Z',
					updatedAt: '2026-01-01T00:00:00.000Z',
					updatedBy: 'Tom',
					deleted: false,
					criterionId: '1.3',
					status: 'erfuellt',
					note: ''
				}
			}
		];
		await signIn(lea);
		const offer = session.takeoverOffer;
		expect(offer?.kind).toBe('offer');
		const plan = offer!.preview.plan;
		expect(plan.statuses.map((s) => s.criterionId)).toEqual(['1.1']);
		expect(plan.evidence.map((e) => e.title)).toEqual(['Aushang Sprechstunde']);
		// The centre's 1.3 is older than the demo's: the demo's value is preset, she keeps the centre's.
		expect(plan.conflicts.map((c) => [c.criterionId, c.preset])).toEqual([['1.3', 'anonymous']]);

		const result = await session.takeOver({ '1.3': 'centre' });
		expect(result).toMatchObject({ statuses: 1, evidence: 1, centreKept: 1, profileFields: 1 });
		expect(session.takeoverOffer).toBeNull();
		expect((await db.criterionStatuses.get('kita-a:1.1'))?.status).toBe('erfuellt');
		expect((await db.criterionStatuses.get('kita-a:1.3'))?.status).toBe('erfuellt');
		const evidence = await db.evidence.toArray();
		expect(evidence).toEqual([
			expect.objectContaining({ facilityId: 'kita-a', title: 'Aushang Sprechstunde' })
		]);
		expect((await db.facilities.get('kita-a'))?.city).toBe('Herne');
		expect(await countPendingChanges(db)).toBeGreaterThanOrEqual(3);

		// Gone from the demo workspace, which keeps its profile so the demo mode still opens.
		const anonymous = new (await import('$lib/client/db/WorkspaceDb')).WorkspaceDb(DEFAULT_WORKSPACE_NAME);
		expect(await anonymous.criterionStatuses.count()).toBe(0);
		expect(await anonymous.evidence.count()).toBe(0);
		expect(await anonymous.outbox.where('table').anyOf('evidence', 'criterionStatuses').count()).toBe(0);
		expect(await anonymous.facilities.get(anonymousFacility)).toBeDefined();
		anonymous.close();

		await session.logout();
		await signIn(lea);
		expect(session.takeoverOffer).toBeNull();
	});

	it('takes the prevention profile and its citations over into the centre’s ids', async () => {
		const anonymousFacility = await workAnonymously();
		const { profile } = await savePreventionProfile(anonymousFacility, {
			agreement: { signedOn: '2024-05-01', validUntil: null, attachment: null },
			networkKind: 'kommunale_praeventionskette',
			networkName: 'Präventionskette Herne',
			role: 'anlaufstelle'
		});
		await citeRegisterEntry(anonymousFacility, '1.1', 'preventionProfiles', profile.id);
		await signIn(user(`lea-${crypto.randomUUID()}`, 'kita-a'));

		await session.takeOver();
		expect(await db.preventionProfiles.get('kita-a:praevention')).toMatchObject({ facilityId: 'kita-a' });
		// The server takes ids made from a facility only from that facility (docs/sync.md).
		expect(await db.registerCitations.toArray()).toEqual([
			expect.objectContaining({
				id: '1.1~prp~kita-a:praevention',
				facilityId: 'kita-a',
				entryId: 'kita-a:praevention'
			})
		]);
	});

	it('stays apart when declined, and is offered again only after new demo work', async () => {
		const anonymousFacility = await workAnonymously();
		const lea = user(`lea-${crypto.randomUUID()}`, 'kita-a');
		await signIn(lea);
		expect(session.takeoverOffer?.kind).toBe('offer');
		await session.declineTakeover();
		expect(session.takeoverOffer).toBeNull();
		expect(await db.evidence.count()).toBe(0);
		await session.logout();
		expect(await db.evidence.count()).toBe(1);
		await signIn(lea);
		expect(session.takeoverOffer).toBeNull();

		await session.logout();
		await setStatus(anonymousFacility, '2.1', 'erfuellt');
		await signIn(lea);
		expect(session.takeoverOffer?.kind).toBe('offer');
	});

	it('tells an advisor why she cannot take it over, once', async () => {
		await workAnonymously();
		const berit = user(`berit-${crypto.randomUUID()}`, 'kita-a', 'fachberatung');
		await signIn(berit);
		expect(session.takeoverOffer).toMatchObject({ kind: 'not-allowed', role: 'fachberatung' });
		expect(await session.takeOver()).toBeNull();
		await session.declineTakeover();
		await session.logout();
		await signIn(berit);
		expect(session.takeoverOffer).toBeNull();
	});
});
