import { beforeEach, describe, expect, it } from 'vitest';
import { blobOf, freshWorkspace, useCloneableBlob } from '../../../../../tests/fixtures/db/testWorkspace';
import type { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { deviceReportInput, megabytes, reportFileName } from '$lib/client/services/dossier/deviceExport';
import type { CriterionFeedback } from '$lib/domain/dossier/feedback';
import { fileNameKey } from '$lib/domain/dossierExport/exportPlan';
import { exportSource } from '$lib/domain/dossierExport/testing/exportFixture';

useCloneableBlob();

const file = (id: string, sha: string) => ({
	id,
	title: `Nachweis ${id}`,
	fileName: `${id}.pdf`,
	mimeType: 'application/pdf',
	bytes: new Uint8Array([1]),
	sha256: sha.repeat(64),
	criterionIds: ['B2']
});
const source = exportSource([file('ev-1', 'a'), file('ev-2', 'b')]);
const T0 = '2026-11-23T08:00:00.000Z';

function feedback(id: string, facilityId: string, deleted = false): CriterionFeedback {
	return {
		id,
		facilityId,
		createdAt: T0,
		updatedAt: T0,
		updatedBy: 'Berit Beratung',
		deleted,
		criterionId: 'B2',
		verdict: 'nachbessern',
		text: 'Bitte das Protokoll ergänzen.',
		reviewerName: 'Berit Beratung',
		dossierId: null,
		dossierVersion: null,
		periodKey: null,
		resolvedAt: null,
		resolvedBy: ''
	};
}

let db: WorkspaceDb;
beforeEach(async () => {
	db = await freshWorkspace();
	await db.attachments.put({
		sha256: 'a'.repeat(64),
		blob: blobOf([1], 'application/pdf'),
		mimeType: 'application/pdf',
		size: 1,
		createdAt: T0
	});
	await db.criterionFeedback.bulkPut([
		feedback('kita-a:B2', 'kita-a'),
		feedback('kita-a:A3', 'kita-a', true),
		feedback('kita-b:B2', 'kita-b')
	]);
});

describe('the report made on the device', () => {
	it('carries the centre’s current feedback only, and the files’ names in the export', async () => {
		const input = await deviceReportInput({
			source,
			submittedBy: 'Lea Leitung',
			receivedAt: null,
			withPhotos: false,
			online: true
		});
		expect(input.feedback.map((f) => f.id)).toEqual(['kita-a:B2']);
		expect(input.version).toBe(2);
		expect(input.plan.fileNames.get(fileNameKey('B2', 'ev-1'))).toMatch(/^B2_\d\d_/);
		expect(input.thumbnails).toBeUndefined();
		// Online the ZIP can still fetch a file the device lacks.
		expect([...(input.missing ?? [])]).toEqual([]);
	});

	it('marks the files not on the device as missing when offline', async () => {
		const input = await deviceReportInput({
			source,
			submittedBy: 'Lea Leitung',
			receivedAt: null,
			withPhotos: false,
			online: false
		});
		expect([...(input.missing ?? [])]).toEqual(['b'.repeat(64)]);
	});

	it('names the downloads after the version and sizes in German', () => {
		expect(reportFileName(source)).toMatch(/ V2 Bericht\.pdf$/);
		expect(megabytes(12_345_678)).toBe('12,3 MB');
	});
});
