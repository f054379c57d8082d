import { beforeEach, describe, expect, it } from 'vitest';
import { blobOf, freshWorkspace, useCloneableBlob } from '../../../../../tests/fixtures/db/testWorkspace';
import { RecordValidationError } from '$lib/client/db/errors';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { exportWorkspace, importWorkspace } from '$lib/client/services/backup';
import { loadRegisterData } from './registerData';
import { deleteQualification, saveQualification } from './qualifications';

useCloneableBlob();

const FACILITY = 'fz-1';
const training = {
	title: 'Fortbildung Kinderschutz',
	kind: 'fortbildung' as const,
	holder: 'Fachkraft A',
	provider: 'Bildungswerk',
	startDate: '2026-03-02',
	endDate: '2026-03-02',
	hours: 6,
	online: false,
	criterionIds: ['1.1'],
	certificate: null
};

let db: WorkspaceDb;
beforeEach(async () => {
	db = await freshWorkspace();
});

describe('qualification service', () => {
	it('stores a qualification with its certificate and an outbox entry, and deletes it softly', async () => {
		const file = {
			blob: blobOf([0x25, 0x50, 0x44, 0x46, 0x2d], 'application/pdf'),
			fileName: 'TN-Bescheinigung.pdf'
		};
		const { qualification, attachmentError } = await saveQualification(FACILITY, training, { file });
		expect(attachmentError).toBeNull();
		expect(qualification.certificate).toMatchObject({ fileName: 'TN-Bescheinigung.pdf', size: 5 });
		const sha = qualification.certificate!.sha256;
		expect(await db.attachments.get(sha)).toBeDefined();
		expect(await db.qualifications.where('certificate.sha256').equals(sha).primaryKeys()).toEqual([
			qualification.id
		]);
		expect(await db.outbox.toArray()).toEqual([
			expect.objectContaining({ table: 'qualifications', recordId: qualification.id, op: 'put' })
		]);

		// Changing the hours keeps the certificate.
		const changed = await saveQualification(
			FACILITY,
			{ ...training, hours: 8, certificate: qualification.certificate },
			{ id: qualification.id }
		);
		expect(changed.qualification).toMatchObject({ hours: 8, certificate: { sha256: sha } });

		await deleteQualification(qualification.id);
		expect((await loadRegisterData(FACILITY)).qualifications).toEqual([]);
		expect((await db.qualifications.get(qualification.id))?.deleted).toBe(true);
	});

	it('refuses an invalid entry before storing its file', async () => {
		const file = { blob: blobOf([1, 2, 3], 'application/pdf'), fileName: 'x.pdf' };
		await expect(
			saveQualification(FACILITY, { ...training, endDate: '2026-03-01' }, { file })
		).rejects.toBeInstanceOf(RecordValidationError);
		expect(await db.attachments.count()).toBe(0);
		await expect(
			saveQualification(FACILITY, training, { file: { blob: blobOf([]), fileName: 'leer.pdf' } })
		).rejects.toMatchObject({ issues: [{ path: 'certificate', message: 'Die Datei ist leer.' }] });
	});

	it('goes into a backup with its certificate and comes back from it', async () => {
		const file = { blob: blobOf([0x25, 0x50, 0x44, 0x46, 0x2d], 'application/pdf'), fileName: 'TN.pdf' };
		const { qualification } = await saveQualification(FACILITY, training, { file });
		const backup = await exportWorkspace(db);
		const target = await freshWorkspace();
		expect(await importWorkspace(target, backup)).toMatchObject({
			ok: true,
			counts: expect.objectContaining({ qualifications: 1, attachments: 1 })
		});
		expect(await target.qualifications.get(qualification.id)).toEqual(qualification);
		expect(await target.attachments.get(qualification.certificate!.sha256)).toBeDefined();
	});
});
