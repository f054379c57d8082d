import { vi } from 'vitest';
import type { AttachmentCheck, AttachmentKind, PreparedAttachment } from '$lib/client/media/attachment';
import type { EvidenceResult, EvidencePatch } from '$lib/client/services/evidence';
import type { EvidenceInput } from '$lib/components/evidence/evidenceDraft';
import type { Catalogue } from '$lib/domain/catalogue/schema';
import type { CriterionStatus, CriterionStatusValue, Evidence } from '$lib/domain/records';

/** Test data for the criterion page: a tiny catalogue, record factories and fake actions. */

export const FACILITY_ID = 'fz-sonnenblume';

export const testCatalogue: Catalogue = {
	format: 'guetesiegel-katalog/1',
	id: 'test-katalog',
	version: '2026.1-test',
	title: 'Testkatalog',
	official: false,
	reviewPeriod: 'kindergartenjahr',
	areas: [
		{ id: 'L1', kind: 'leistung', title: 'Beratung und Unterstützung', minimum: { points: 4 } },
		{ id: 'S3', kind: 'struktur', title: 'Kommunikation', minimum: { points: 2 } }
	],
	criteria: [
		{
			id: '1.1',
			areaId: 'L1',
			level: 'basis',
			points: 2,
			title: 'Sprechstunde der Erziehungsberatung',
			explanation: 'Die Erziehungsberatung bietet regelmäßig eine Sprechstunde im Haus an.',
			typicalEvidence: ['Kooperationsvereinbarung', 'Aushang mit Terminen']
		},
		{
			id: '1.2',
			areaId: 'L1',
			level: 'aufbau',
			points: 1,
			title: 'Offene Elterncafés',
			explanation: 'Regelmäßige offene Treffen für Eltern.',
			typicalEvidence: []
		},
		{
			id: '3.1',
			areaId: 'S3',
			level: 'basis',
			points: 1,
			title: 'Aushänge und Flyer in mehreren Sprachen',
			explanation: 'Informationen sind in den Sprachen der Familien zugänglich.',
			typicalEvidence: ['Fotos der Aushänge']
		}
	],
	overallMinimum: { points: 5 }
};

export function makeStatus(overrides: Partial<CriterionStatus> = {}): CriterionStatus {
	return {
		id: `${FACILITY_ID}:1.1`,
		facilityId: FACILITY_ID,
		criterionId: '1.1',
		status: 'in_arbeit',
		note: '',
		createdAt: '2026-11-20T08:00:00.000Z',
		updatedAt: '2026-11-21T13:05:00.000Z',
		updatedBy: 'Leitung Kita Sonnenblume',
		deleted: false,
		...overrides
	};
}

let evidenceSeq = 0;
export function makeEvidence(overrides: Partial<Evidence> = {}): Evidence {
	evidenceSeq++;
	return {
		id: `ev-${evidenceSeq}`,
		facilityId: FACILITY_ID,
		kind: 'note',
		title: `Nachweis ${evidenceSeq}`,
		note: '',
		url: '',
		date: '2026-10-01',
		validUntil: null,
		criterionIds: ['1.1'],
		attachment: null,
		createdAt: '2026-10-01T08:00:00.000Z',
		updatedAt: '2026-10-01T08:00:00.000Z',
		updatedBy: 'Leitung',
		deleted: false,
		...overrides
	};
}

/**
 * What the criterion page does through the services, as spies that succeed and record their calls
 * (override single ones per test). Tests route the mocked service modules here, see `mockServices`.
 */
export interface FakeActions {
	setStatus(status: CriterionStatusValue): Promise<void>;
	saveNote(note: string): Promise<void>;
	addEvidence(input: EvidenceInput, file: PreparedAttachment | null): Promise<EvidenceResult>;
	updateEvidence(id: string, patch: EvidencePatch): Promise<void>;
	deleteEvidence(id: string): Promise<void>;
	attachFile(id: string, file: PreparedAttachment): Promise<{ attachmentError: string | null }>;
	getAttachment(sha256: string): Promise<Blob | undefined>;
	prepareFile(file: File, kind: AttachmentKind): Promise<AttachmentCheck>;
}

export function fakeActions(overrides: Partial<FakeActions> = {}): FakeActions {
	return {
		setStatus: vi.fn(async () => {}),
		saveNote: vi.fn(async () => {}),
		addEvidence: vi.fn(async (input) => ({
			evidence: makeEvidence({ ...input, id: 'ev-new' }),
			attachmentError: null
		})),
		updateEvidence: vi.fn(async () => {}),
		deleteEvidence: vi.fn(async () => {}),
		attachFile: vi.fn(async () => ({ attachmentError: null })),
		getAttachment: vi.fn(async () => new Blob(['x'], { type: 'image/jpeg' })),
		prepareFile: vi.fn(async (file: File): Promise<AttachmentCheck> => ({
			ok: true,
			attachment: { blob: file, fileName: file.name, mimeType: file.type || 'image/jpeg', size: file.size }
		})),
		...overrides
	};
}

/** jsdom has no object URLs; count what is created and revoked. */
export function stubObjectUrls() {
	let next = 0;
	const created = vi.fn((_blob: Blob) => `blob:test/${++next}`);
	const revoked = vi.fn((_url: string) => {});
	URL.createObjectURL = created;
	URL.revokeObjectURL = revoked;
	return { created, revoked };
}
