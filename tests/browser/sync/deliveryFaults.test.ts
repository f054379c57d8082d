import { existsSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { storedAttachments } from '../support/app';
import { launchBrowser } from '../support/browser';
import { addNoteEvidence, addPhotoEvidence, outboxOf } from './device';
import {
	DEMO,
	goOffline,
	logIn,
	recordsOf,
	serverRecords,
	setStatus,
	sha256,
	startSyncServer,
	syncLine,
	syncNow,
	tabletOn,
	type PulledRecord,
	type RunningServer
} from './support';

/**
 * Faults on the way between tablet and server that the protocol must absorb: a push lost before it
 * reached the server, a push replayed, an upload cut half-way or whose answer was lost. After each,
 * what the tablet made offline is on the server exactly once and nothing waits on the tablet.
 */

let browser: Browser;
let server: RunningServer;
let context: BrowserContext;

beforeAll(async () => {
	[browser, server] = await Promise.all([launchBrowser(), startSyncServer()]);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});
afterEach(async () => {
	await context?.close();
});

async function leitungOffline(): Promise<Page> {
	context = await tabletOn(browser, server);
	const page = await logIn(context, DEMO.leitung);
	await goOffline(context, page);
	return page;
}

/** Comes online; the app syncs by itself on `online`; waits until that sync failed. */
async function comeOnlineAndFail(page: Page): Promise<void> {
	await context.setOffline(false);
	await expect
		.poll(async () => (await syncLine(page).textContent())?.trim(), { timeout: 20_000 })
		.toMatch(/^Fehler/);
}

function revisions(records: PulledRecord[]): string[] {
	return records.map((r) => `${r.table}/${r.recordId}@${r.revision}`).sort();
}

async function expectTabletClear(page: Page): Promise<void> {
	expect(await outboxOf(page)).toEqual({ pending: 0, rejected: 0 });
}

describe('sync across lost and repeated requests', () => {
	it('sends a push cut before the server got it again, unchanged, and stores it once', async () => {
		const page = await leitungOffline();
		await setStatus(page, '3.1', 'Erfüllt');
		await addNoteEvidence(page, '3.1', 'Netzwerktreffen im Stadtteil');
		expect(await outboxOf(page)).toEqual({ pending: 2, rejected: 0 });

		const bodies: string[] = [];
		await context.route('**/api/sync/push', async (route) => {
			bodies.push(route.request().postData() ?? '');
			if (bodies.length === 1) await route.abort('connectionreset');
			else await route.continue();
		});
		await comeOnlineAndFail(page);
		expect(await outboxOf(page)).toEqual({ pending: 2, rejected: 0 });

		await syncNow(page);
		await expectTabletClear(page);
		// The second attempt carried the same changes under the same numbers.
		const [lost, resent] = bodies.map((b) => JSON.parse(b) as { changes: { seq: number }[] });
		expect(resent.changes.map((c) => c.seq)).toEqual(lost.changes.map((c) => c.seq));
		const records = await serverRecords(context);
		expect(recordsOf(records, 'criterionStatuses').filter((s) => s.criterionId === '3.1')).toEqual([
			expect.objectContaining({ status: 'erfuellt', updatedBy: 'Lea Leitung' })
		]);
		expect(
			recordsOf(records, 'evidence').filter((e) => e.title === 'Netzwerktreffen im Stadtteil')
		).toHaveLength(1);
	});

	it('answers a replayed push as duplicate and stores nothing twice', async () => {
		const page = await leitungOffline();
		await setStatus(page, '3.3', 'In Arbeit');
		await addNoteEvidence(page, '3.3', 'Protokoll Elternbeirat');

		let captured: {
			body: string;
			answer: { results: { seq: number; status: string; revision?: number }[]; lastSeq: number };
		} | null = null;
		await context.route('**/api/sync/push', async (route) => {
			const response = await route.fetch();
			captured ??= { body: route.request().postData() ?? '', answer: await response.json() };
			await route.fulfill({ response });
		});
		await context.setOffline(false);
		await syncNow(page);
		await expectTabletClear(page);
		expect(captured).not.toBeNull();
		const { body, answer } = captured!;
		expect(answer.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
		const before = await serverRecords(context);

		const replay = await context.request.post('/api/sync/push', {
			data: body,
			headers: { 'content-type': 'application/json', origin: server.url }
		});
		expect(replay.status()).toBe(200);
		const replayed = (await replay.json()) as typeof answer;
		expect(replayed.lastSeq).toBe(answer.lastSeq);
		expect(replayed.results).toEqual(
			answer.results.map((r) =>
				expect.objectContaining({ seq: r.seq, status: 'duplicate', revision: r.revision })
			)
		);

		// No new revision, no second record, no conflict with itself.
		const after = await serverRecords(context);
		expect(revisions(after)).toEqual(revisions(before));
		expect(recordsOf(after, 'evidence').filter((e) => e.title === 'Protokoll Elternbeirat')).toHaveLength(1);
		expect(recordsOf(after, 'syncConflicts')).toEqual([]);
	});

	it('keeps nothing of an upload cut half-way and sends the photo once after its answer was lost', async () => {
		const page = await leitungOffline();
		await addPhotoEvidence(page, '4.2', 'Aushang Elterncafé');
		const [photo] = await storedAttachments(page);
		const bytes = Uint8Array.from(photo.bytes);
		const hash = sha256(bytes);

		// Half of the file arrives, then the connection breaks: the server keeps nothing of it.
		const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
		await sendHalfAndCut(`${server.url}/api/sync/attachments/${hash}`, cookie, bytes);
		const blobs = join(server.dataDir, 'blobs');
		await expect
			.poll(() => (existsSync(join(blobs, 'tmp')) ? readdirSync(join(blobs, 'tmp')) : []), { timeout: 5000 })
			.toEqual([]);
		expect(existsSync(join(blobs, hash.slice(0, 2), hash.slice(2, 4), hash))).toBe(false);
		expect((await context.request.head(`/api/sync/attachments/${hash}`)).status()).toBe(404);

		// The tablet's upload reaches the server, but its answer is lost.
		let uploads = 0;
		await context.route('**/api/sync/attachments/*', async (route) => {
			if (route.request().method() !== 'PUT') return route.continue();
			uploads += 1;
			const response = await route.fetch();
			if (uploads === 1) await route.abort('connectionreset');
			else await route.fulfill({ response });
		});
		await comeOnlineAndFail(page);
		expect(await outboxOf(page)).toEqual({ pending: 1, rejected: 0 });

		// The next sync finds the file on the server (HEAD) and does not send it again.
		await syncNow(page);
		await expectTabletClear(page);
		expect(uploads).toBe(1);
		const evidence = recordsOf(await serverRecords(context), 'evidence').filter(
			(e) => e.title === 'Aushang Elterncafé'
		);
		expect(evidence).toEqual([
			expect.objectContaining({ attachment: expect.objectContaining({ sha256: hash }) })
		]);
		const download = await context.request.get(`/api/sync/attachments/${hash}`);
		expect(download.status()).toBe(200);
		expect(sha256(await download.body())).toBe(hash);
	});
});

/** PUTs the first half of `bytes` (announcing all of them), then breaks the connection. */
function sendHalfAndCut(url: string, cookie: string, bytes: Uint8Array): Promise<void> {
	return new Promise((resolve) => {
		const { origin } = new URL(url);
		const req = request(url, {
			method: 'PUT',
			headers: {
				cookie,
				origin,
				'content-type': 'application/octet-stream',
				'content-length': String(bytes.length)
			}
		});
		req.on('error', () => resolve());
		req.on('close', () => resolve());
		req.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => {
			// Give the server a moment to start storing, then cut.
			setTimeout(() => req.destroy(), 200);
		});
	});
}
