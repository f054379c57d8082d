import { beforeEach, describe, expect, it } from 'vitest';
import { blobOf, freshWorkspace, useCloneableBlob } from '../../../../tests/fixtures/db/testWorkspace';
import { sha256Hex, storeAttachment } from '$lib/client/db/attachments';
import { putRecord } from '$lib/client/db/changes';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import type { SyncProgress } from '$lib/domain/sync/progress';
import { createSyncApi } from '$lib/client/api/sync';
import type { FileSender } from '$lib/client/api/fileUpload';
import { acceptAll, createFakeFetch, emptyPull, jsonResponse, type FakeFetch } from './fakeServer';
import { synchronize } from './sync';

useCloneableBlob();

const FACILITY = 'kita-a';
const T0 = '2026-11-23T08:00:00.000Z';

let db: WorkspaceDb;
let fake: FakeFetch;
let seen: SyncProgress[];
beforeEach(async () => {
	db = await freshWorkspace();
	fake = createFakeFetch();
	seen = [];
	fake.on('HEAD /api/sync/attachments/:sha256', () => new Response(null, { status: 404 }));
	fake.on('POST /api/sync/push', acceptAll());
	fake.on('GET /api/sync/pull', emptyPull());
});

async function fileEvidence(text: string, id: string) {
	const bytes = new TextEncoder().encode(text);
	const sha = await sha256Hex(bytes);
	await storeAttachment(sha, blobOf(bytes, 'application/pdf'), 'application/pdf');
	await putRecord('evidence', {
		id,
		facilityId: FACILITY,
		kind: 'file',
		title: `Datei ${id}`,
		date: '2026-11-20',
		criterionIds: ['1.2'],
		attachment: { sha256: sha, mimeType: 'application/pdf', size: bytes.length, fileName: `${id}.pdf` }
	});
	return { sha, bytes };
}

/** An upload that tells its bytes in three steps, like XMLHttpRequest's progress events. */
const steppedSender =
	(fetchFn: typeof fetch): FileSender =>
	async (url, blob, { onProgress }) => {
		for (const part of [0.25, 0.5, 1]) onProgress?.(Math.round(blob.size * part), blob.size);
		return fetchFn(url, { method: 'PUT', body: blob });
	};

const sync = (sender?: FileSender) =>
	synchronize(db, createSyncApi(fake.fetch, '', undefined, sender), (progress) => void seen.push(progress));

describe('sync progress', () => {
	it('counts changes sent and a file’s bytes until it is through', async () => {
		const { sha, bytes } = await fileEvidence('%PDF-1.4 '.padEnd(4000, 'x'), 'ev-1');
		await putRecord('criterionStatuses', {
			id: `${FACILITY}:1.1`,
			facilityId: FACILITY,
			criterionId: '1.1',
			status: 'in_arbeit',
			note: ''
		});
		fake.on('PUT /api/sync/attachments/:sha256', () =>
			jsonResponse({ sha256: sha, size: bytes.length, mimeType: 'application/pdf', created: true }, 201)
		);
		await sync(steppedSender(fake.fetch));
		const last = seen.at(-1)!;
		expect(last.changes).toEqual({ done: 2, total: 2 });
		expect(last.files).toEqual([
			expect.objectContaining({ name: 'ev-1.pdf', direction: 'upload', state: 'done', size: 4000 })
		]);
		const moving = seen
			.map((p) => p.files[0])
			.filter((f) => f?.state === 'transferring')
			.map((f) => f.transferred);
		expect(moving).toEqual([0, 1000, 2000, 4000]);
	});

	it('marks a file the server failed on as to be tried again, one it refused for good not', async () => {
		const failing = await fileEvidence('%PDF-1.4 kaputt', 'ev-1');
		const refused = await fileEvidence('kein pdf, aber länger', 'ev-2');
		fake.on('PUT /api/sync/attachments/:sha256', (_body, url) =>
			url.pathname.endsWith(failing.sha)
				? jsonResponse({ error: { code: 'internal', message: 'Serverfehler' } }, 500)
				: jsonResponse({ error: { code: 'unsupported_file_type', message: 'Nur PDF-Dateien.' } }, 415)
		);
		await sync();
		expect(seen.at(-1)!.files).toEqual([
			expect.objectContaining({
				sha256: failing.sha,
				state: 'failed',
				reason: 'Serverfehler',
				retryable: true
			}),
			expect.objectContaining({
				sha256: refused.sha,
				state: 'failed',
				reason: 'Nur PDF-Dateien.',
				retryable: false
			})
		]);
	});

	it('marks the file on its way when the server cannot be reached, and the sync ends', async () => {
		const { sha } = await fileEvidence('%PDF-1.4 unterwegs', 'ev-1');
		fake.on('PUT /api/sync/attachments/:sha256', () => Promise.reject(new TypeError('Failed to fetch')));
		await expect(sync()).rejects.toThrow('nicht erreichbar');
		expect(seen.at(-1)!.files).toEqual([
			expect.objectContaining({ sha256: sha, state: 'failed', retryable: true })
		]);
	});

	it('counts a download’s bytes from its answer, size from the header', async () => {
		const bytes = new TextEncoder().encode('%PDF-1.4 vom anderen Tablet');
		const sha = await sha256Hex(bytes);
		const record = {
			id: 'ev-9',
			facilityId: FACILITY,
			createdAt: T0,
			updatedAt: T0,
			updatedBy: 'B',
			deleted: false,
			kind: 'file',
			title: 'Vereinbarung',
			note: '',
			url: '',
			date: '2026-11-20',
			validUntil: null,
			criterionIds: ['1.2'],
			attachment: { sha256: sha, mimeType: 'application/pdf', size: bytes.length, fileName: 'v.pdf' }
		};
		fake.on('GET /api/sync/pull', () =>
			jsonResponse({
				records: [
					{ table: 'evidence', recordId: 'ev-9', facilityId: FACILITY, revision: 2, deleted: false, record }
				],
				facilityIds: [FACILITY],
				cursor: 2,
				hasMore: false
			})
		);
		fake.on(
			'GET /api/sync/attachments/:sha256',
			() =>
				new Response(bytes, {
					headers: { 'content-type': 'application/pdf', 'content-length': String(bytes.length) }
				})
		);
		await sync();
		const last = seen.at(-1)!;
		expect(last.received).toBe(1);
		expect(last.files).toEqual([
			expect.objectContaining({ direction: 'download', state: 'done', size: bytes.length })
		]);
		expect(last.files[0].transferred).toBe(bytes.length);
	});
});
