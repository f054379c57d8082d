import type { Catalogue } from '../../catalogue/schema';
import { DOSSIER_FORMAT, type DossierEvidence, type DossierSnapshot } from '../../dossier/snapshot';
import type { ExportSource } from '../exportPlan';
import { makeCatalogue } from '../../../../../tests/fixtures/catalogues';

/** A small dossier version with files, for the export's tests on the device and the server. */

export const exportCatalogue: Catalogue = makeCatalogue([
	{ kind: 'leistung', title: 'Beratung und Unterstützung', criteria: ['B2', 'A3'] },
	{ kind: 'struktur', title: 'Öffentlichkeitsarbeit', criteria: ['B1'] }
]);

export interface FixtureFile {
	id: string;
	title: string;
	fileName: string;
	mimeType: string;
	bytes: Uint8Array;
	sha256: string;
	criterionIds: string[];
}

export function evidenceOf(file: FixtureFile, date = '2026-02-01'): DossierEvidence {
	return {
		id: file.id,
		kind: file.mimeType.startsWith('image/') ? 'photo' : 'file',
		title: file.title,
		note: '',
		url: '',
		date,
		validUntil: null,
		criterionIds: file.criterionIds,
		attachment: {
			sha256: file.sha256,
			fileName: file.fileName,
			mimeType: file.mimeType,
			size: file.bytes.byteLength
		}
	} as DossierEvidence;
}

export function exportSnapshot(files: FixtureFile[], facilityId = 'kita-a'): DossierSnapshot {
	return {
		format: DOSSIER_FORMAT,
		facility: { id: facilityId, name: 'Familienzentrum Am Park', sealValidUntil: null },
		period: {
			key: 'kj-2025',
			kind: 'kindergartenjahr',
			start: '2025-08-01',
			end: '2026-07-31',
			label: 'KJ 2025/26'
		},
		catalogue: {
			id: exportCatalogue.id,
			version: exportCatalogue.version,
			title: exportCatalogue.title,
			official: false
		},
		round: null,
		chosenProfileAreas: [],
		statuses: [],
		evidence: [
			...files.map((f) => evidenceOf(f)),
			{ ...evidenceOf(files[0]), id: 'note-only', kind: 'note', title: 'Nur eine Notiz', attachment: null }
		],
		registerSummaries: null,
		readiness: {
			passes: false,
			areas: [],
			overall: {
				points: 0,
				pointsRequired: 0,
				basisLeistung: 0,
				basisLeistungRequired: 0,
				basisStruktur: 0,
				basisStrukturRequired: 0,
				passes: false
			},
			explanations: []
		},
		registerTables: [
			{
				fileName: 'sprechstunden-kj-2025.csv',
				title: 'Sprechstunden: Termine',
				csv: '\uFEFFDatum;Thema\r\n01.02.2026;Erziehungsberatung\r\n',
				rows: 1
			}
		],
		preparedAt: '2026-03-01T10:00:00.000Z',
		preparedBy: 'Lea Leitung'
	};
}

export function exportSource(files: FixtureFile[], version: number | null = 2): ExportSource {
	return { snapshot: exportSnapshot(files), catalogue: exportCatalogue, version };
}

/** Bytes that look like the file type, distinct per seed. */
export function fakeBytes(kind: 'pdf' | 'jpeg', size: number, seed: number): Uint8Array {
	const bytes = new Uint8Array(size);
	for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed * 17) & 0xff;
	const head = kind === 'pdf' ? [0x25, 0x50, 0x44, 0x46, 0x2d] : [0xff, 0xd8, 0xff];
	bytes.set(head, 0);
	return bytes;
}

export async function fixtureFile(spec: Omit<FixtureFile, 'sha256'>): Promise<FixtureFile> {
	const digest = await crypto.subtle.digest('SHA-256', spec.bytes as Uint8Array<ArrayBuffer>);
	const sha256 = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
	return { ...spec, sha256 };
}

/** Three files: a PDF for 1.1 and 2.1, a photo for 1.2, a PDF for 1.1 with an umlaut title. */
export async function fixtureFiles(size = 3000): Promise<FixtureFile[]> {
	return Promise.all([
		fixtureFile({
			id: 'ev-vertrag',
			title: 'Kooperationsvertrag: Jugendamt / Stadt',
			fileName: 'vertrag.pdf',
			mimeType: 'application/pdf',
			bytes: fakeBytes('pdf', size, 1),
			criterionIds: ['1.1', '2.1']
		}),
		fixtureFile({
			id: 'ev-foto',
			title: 'Aushang Sprechstunde',
			fileName: 'IMG_0001.JPG',
			mimeType: 'image/jpeg',
			bytes: fakeBytes('jpeg', size * 2, 2),
			criterionIds: ['1.2']
		}),
		fixtureFile({
			id: 'ev-uebersicht',
			title: 'Übersicht Öffnungszeiten',
			fileName: 'oeffnung.pdf',
			mimeType: 'application/pdf',
			bytes: fakeBytes('pdf', size + 7, 3),
			criterionIds: ['1.1']
		})
	]);
}
