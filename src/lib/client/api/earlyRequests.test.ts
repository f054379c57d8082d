import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import shellScript from '../../../../static/early-requests.js?raw';
import { fetchDossierOutline } from '$lib/client/api/dossiers';
import { fetchReviewFacilities, fetchReviewFacility } from '$lib/client/api/review';
import {
	clearCachedSession,
	markLogoutPending,
	writeCachedSession
} from '$lib/client/services/session/sessionCache';
import type { Role, SessionResponse } from '$lib/domain/accounts';
import { EARLY_REQUEST_GLOBAL, earlyFetch } from './earlyRequests';

/** The shell opens `path`: its early script runs as in app.html. */
function openShell(path: string): void {
	window.history.replaceState(null, '', path);
	new Function(shellScript)();
}

function signIn(role: Role): void {
	writeCachedSession({
		user: { id: 'berit', email: 'b@test.example', displayName: 'Berit', role, facilities: [] },
		expiresAt: '2026-12-31T00:00:00.000Z'
	} as unknown as SessionResponse);
}

const server = vi.fn((url: string) =>
	Promise.resolve(new Response(JSON.stringify({ asked: url }), { status: 404 }))
);

beforeEach(() => {
	server.mockClear();
	vi.stubGlobal('fetch', server);
});

afterEach(() => {
	vi.unstubAllGlobals();
	vi.restoreAllMocks();
	clearCachedSession();
	markLogoutPending(false);
	delete (window as unknown as Record<string, unknown>)[EARLY_REQUEST_GLOBAL];
});

describe('the request the shell starts for an advisor’s page', () => {
	it('is the one each page asks for, and the page takes it instead of asking again', async () => {
		signIn('fachberatung');
		const pages: [string, () => Promise<unknown>][] = [
			['/beratung', () => fetchReviewFacilities(earlyFetch)],
			['/beratung/kita-a', () => fetchReviewFacility('kita-a', earlyFetch)],
			['/beratung/kita-a/mappe/0f6c-2b', () => fetchDossierOutline('0f6c-2b', earlyFetch)]
		];
		for (const [path, load] of pages) {
			server.mockClear();
			openShell(path);
			expect(server, path).toHaveBeenCalledTimes(1);
			await load();
			expect(server, path).toHaveBeenCalledTimes(1);
		}
	});

	it('is taken once: the next load of the page asks the server', async () => {
		signIn('fachberatung');
		openShell('/beratung');
		await fetchReviewFacilities(earlyFetch);
		await fetchReviewFacilities(earlyFetch);
		expect(server).toHaveBeenCalledTimes(2);
	});

	it('is not taken when it is older than the app’s start', async () => {
		signIn('fachberatung');
		const now = vi.spyOn(performance, 'now').mockReturnValue(1_000);
		openShell('/beratung');
		now.mockReturnValue(60_000);
		await fetchReviewFacilities(earlyFetch);
		expect(server).toHaveBeenCalledTimes(2);
	});

	it('is not started for anyone but an advisor, nor on other pages', () => {
		openShell('/beratung');
		signIn('leitung');
		openShell('/beratung');
		signIn('fachberatung');
		openShell('/');
		openShell('/kriterien/1.1');
		openShell('/beratung/kita-a/mappe');
		markLogoutPending(true);
		openShell('/beratung');
		expect(server).not.toHaveBeenCalled();
	});
});
