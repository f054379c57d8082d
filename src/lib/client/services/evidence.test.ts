import { createHash } from 'node:crypto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blobOf, freshWorkspace, useCloneableBlob } from '../../../../tests/fixtures/db/testWorkspace';
import { RecordNotFoundError, RecordValidationError, StorageFullError } from '$lib/client/db/errors';
import { readEvidence } from '$lib/client/db/queries';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { MAX_ATTACHMENT_BYTES } from '$lib/domain/records';
import {
	addEvidence,
	attachEvidenceFile,
	deleteEvidence,
	getAttachment,
	updateEvidence,
	type EvidenceInput
} from './evidence';

useCloneableBlob();

const photoBytes = [0xff, 0xd8, 0xff, 0xe0, 9, 8, 7, 6, 0xff, 0xd9];
const sha = (bytes: number[]) => createHash('sha256').update(Uint8Array.from(bytes)).digest('hex');

function photoInput(extra: Partial<EvidenceInput> = {}): EvidenceInput {
	return {
		facilityId: 'f1',
		kind: 'photo',
		title: 'Aushang Sprechstunde',
		date: '2026-03-02',
		criterionIds: ['1.1'],
		...extra
	};
}

const photo = () => ({ blob: blobOf(photoBytes, 'image/jpeg'), fileName: 'aushang.jpg' });

/** What a browser raises when the origin's quota is used up, as Dexie wraps it. */
function quotaError() {
	return new Dexie.AbortError(
		'Transaction aborted',
		new DOMException('Quota exceeded', 'QuotaExceededError')
	);
}

let db: WorkspaceDb;
beforeEach(async () => {
	db = await freshWorkspace();
});
afterEach(() => {
	vi.restoreAllMocks();
});

describe('addEvidence', () => {
	it('stores the photo under its SHA-256 and cites it from the evidence', async () => {
		const { evidence, attachmentError } = await addEvidence(photoInput(), photo());

		expect(attachmentError).toBeNull();
		expect(evidence.attachment).toEqual({
			sha256: sha(photoBytes),
			mimeType: 'image/jpeg',
			size: photoBytes.length,
			fileName: 'aushang.jpg'
		});
		const stored = await getAttachment(sha(photoBytes));
		expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(Uint8Array.from(photoBytes));
		expect(await db.outbox.where({ table: 'evidence', recordId: evidence.id }).count()).toBe(1);
	});

	it('stores the same file once however often it is cited', async () => {
		const a = await addEvidence(photoInput(), photo());
		const b = await addEvidence(photoInput({ title: 'Noch einmal' }), photo());

		expect(a.evidence.id).not.toBe(b.evidence.id);
		expect(await db.attachments.count()).toBe(1);
	});

	it('saves a note without a file', async () => {
		const { evidence } = await addEvidence(photoInput({ kind: 'note', note: 'Elterncafé jeden Dienstag' }));
		expect(evidence).toMatchObject({ kind: 'note', attachment: null, note: 'Elterncafé jeden Dienstag' });
	});

	it('keeps the text when the storage is full and says so in German', async () => {
		vi.spyOn(db.attachments, 'put').mockRejectedValue(quotaError());

		const { evidence, attachmentError } = await addEvidence(photoInput(), photo());

		expect(attachmentError).toMatch(/^Foto konnte nicht gespeichert werden: Speicher voll\./);
		expect(await db.evidence.get(evidence.id)).toMatchObject({
			title: 'Aushang Sprechstunde',
			attachment: { sha256: sha(photoBytes) }
		});
		expect(await db.attachments.count()).toBe(0);
		const view = await readEvidence('f1');
		expect(view.missingAttachments).toEqual(new Set([sha(photoBytes)]));
	});

	it('saves the record before the file, so a device that fills up keeps the text', async () => {
		const order: string[] = [];
		const putRecord = db.evidence.put.bind(db.evidence);
		vi.spyOn(db.evidence, 'put').mockImplementation((...args) => (order.push('record'), putRecord(...args)));
		vi.spyOn(db.attachments, 'put').mockImplementation(() => {
			order.push('file');
			return Dexie.Promise.reject(quotaError());
		});

		const { attachmentError } = await addEvidence(photoInput(), photo());

		expect(order).toEqual(['record', 'file']);
		expect(attachmentError).toContain('Foto erneut hinzufügen');
		expect(await db.evidence.count()).toBe(1);
	});

	it('says in German that the device is full when not even the text fits, and stores nothing', async () => {
		vi.spyOn(db.outbox, 'add').mockRejectedValue(quotaError());

		const error = await addEvidence(photoInput(), photo()).catch((e: unknown) => e);

		expect(error).toBeInstanceOf(StorageFullError);
		expect((error as Error).message).toMatch(/Speicher dieses Geräts ist voll.*Speicher freigeben/);
		expect(await db.evidence.count()).toBe(0);
		expect(await db.attachments.count()).toBe(0);
	});

	it('lets the file be added again once there is space', async () => {
		vi.spyOn(db.attachments, 'put').mockRejectedValueOnce(quotaError());
		const { evidence } = await addEvidence(photoInput(), photo());

		const retry = await attachEvidenceFile(evidence.id, photo());

		expect(retry.attachmentError).toBeNull();
		expect((await readEvidence('f1')).missingAttachments.size).toBe(0);
	});

	it('sends the evidence again, whole, when its file is added after the server refused it without', async () => {
		vi.spyOn(db.attachments, 'put').mockRejectedValueOnce(quotaError());
		const { evidence } = await addEvidence(photoInput(), photo());
		// The server refused the change: it cites a file it does not have.
		const [sent] = await db.outbox.toArray();
		await db.outbox.update(sent.seq!, {
			pushSeq: 1,
			values: { ...evidence },
			status: 'rejected',
			rejection: { code: 'missing_attachment', reason: 'Datei fehlt.', at: evidence.createdAt }
		});

		await attachEvidenceFile(evidence.id, photo());

		const waiting = (await db.outbox.toArray()).filter((e) => e.status !== 'rejected');
		expect(waiting).toEqual([
			expect.objectContaining({ recordId: evidence.id, op: 'put', fields: sent.fields })
		]);
		expect(waiting[0].pushSeq).toBeUndefined();
		expect(waiting[0].values).toBeUndefined();
		expect(await db.outbox.count()).toBe(1);
	});

	it('refuses bad input before storing anything', async () => {
		const error = await addEvidence(photoInput({ title: ' ', criterionIds: [] }), photo()).catch(
			(e: unknown) => e
		);

		expect(error).toBeInstanceOf(RecordValidationError);
		expect(Object.keys((error as RecordValidationError).fieldErrors).sort()).toEqual([
			'criterionIds',
			'title'
		]);
		expect(await db.attachments.count()).toBe(0);
		expect(await db.evidence.count()).toBe(0);
	});

	it('refuses a photo without a file and a file over the limit', async () => {
		await expect(addEvidence(photoInput())).rejects.toThrow('Bitte eine Datei auswählen');
		const big = { blob: blobOf([1]), fileName: 'gross.pdf' };
		Object.defineProperty(big.blob, 'size', { value: MAX_ATTACHMENT_BYTES + 1 });
		await expect(addEvidence(photoInput({ kind: 'file' }), big)).rejects.toThrow(/zu groß/);
	});
});

describe('updateEvidence', () => {
	it('saves edits and records the changed fields', async () => {
		const { evidence } = await addEvidence(photoInput({ kind: 'note' }));
		const updated = await updateEvidence(evidence.id, { title: 'Neuer Titel', validUntil: '2027-07-31' });

		expect(updated).toMatchObject({ title: 'Neuer Titel', validUntil: '2027-07-31' });
		expect((await db.outbox.orderBy('seq').last())?.fields.sort()).toEqual(['title', 'validUntil']);
	});

	it('saves a Verbund site, and joint as null, and syncs the change', async () => {
		const { evidence } = await addEvidence(photoInput({ kind: 'note', siteId: 'kita-2' }));
		expect(evidence.siteId).toBe('kita-2');
		const updated = await updateEvidence(evidence.id, { siteId: null });
		expect(updated.siteId).toBeNull();
		expect((await db.outbox.orderBy('seq').last())?.fields).toEqual(['siteId']);
	});

	it('refuses to edit deleted evidence', async () => {
		const { evidence } = await addEvidence(photoInput({ kind: 'note' }));
		await deleteEvidence(evidence.id);
		await expect(updateEvidence(evidence.id, { title: 'x' })).rejects.toThrow(RecordNotFoundError);
	});
});

describe('deleteEvidence', () => {
	it('hides the evidence but keeps the row and its file for sync', async () => {
		const { evidence } = await addEvidence(photoInput(), photo());
		await deleteEvidence(evidence.id);

		expect((await readEvidence('f1')).evidence).toEqual([]);
		expect(await db.evidence.get(evidence.id)).toMatchObject({ deleted: true });
		expect(await db.attachments.count()).toBe(1);
		expect(await db.outbox.orderBy('seq').last()).toMatchObject({ op: 'delete', recordId: evidence.id });
	});
});
