import type { Catalogue } from '../catalogue/schema';
import type { LocalDate } from '../dates';
import type { DossierEvidence, DossierSnapshot } from '../dossier/snapshot';
import { evidenceFileName, extensionOf, folderName, namePart } from './fileNames';

/**
 * What the export for the certification body holds, decided once for the device and the server
 * (issue 14): a root folder with the report, the index, the register tables and a folder per area
 * and criterion with that criterion's files, named `<criterion id>_<nn>_<title>.<ext>`. A file
 * cited by two criteria lies in both folders, as the certification body's form asks per criterion.
 * Pure: the writers (client/services/dossierExport, server/dossierExport) fetch the bytes.
 */

export const REPORT_FILE = '00_Bericht.pdf';
export const INDEX_FILE = '00_Verzeichnis.csv';
export const MISSING_FILE = '00_Fehlende_Dateien.txt';
export const REGISTER_FOLDER = 'Register';

export type ExportFileKind = 'evidence' | 'register' | 'report' | 'index' | 'missing';

export interface ExportFile {
	/** Path inside the root folder, `/`-separated. */
	path: string;
	kind: ExportFileKind;
	/** Evidence: the stored attachment's hash (the writer fetches the bytes by it). */
	sha256: string | null;
	size: number | null;
	mimeType: string;
	areaId: string | null;
	/** The area's title in the catalogue, '' when unknown. */
	areaTitle: string;
	criterionId: string | null;
	criterionTitle: string;
	evidenceId: string | null;
	/** Evidence title, or the register table's title. */
	title: string;
	date: LocalDate | null;
	validUntil: LocalDate | null;
}

export interface ExportPlan {
	/** The folder everything lies in, e.g. `Mappe Familienzentrum Am Park 2026 V2`. */
	root: string;
	/** Evidence files in catalogue order, then the register tables. */
	files: ExportFile[];
	/** Each evidence item's file name per criterion (`${criterionId}|${evidenceId}`), for the report. */
	fileNames: ReadonlyMap<string, string>;
}

export interface ExportSource {
	snapshot: DossierSnapshot;
	catalogue: Catalogue;
	/** The server's version number; null for a hand-in still waiting on this device. */
	version: number | null;
}

export function fileNameKey(criterionId: string, evidenceId: string): string {
	return `${criterionId}|${evidenceId}`;
}

/**
 * `Mappe <centre> <period> V<n>`, or `… wartet` for a hand-in still waiting on this device. A part
 * left empty by `namePart` (a name of forbidden characters only) is skipped, not a double space.
 */
export function exportRoot(source: Pick<ExportSource, 'snapshot' | 'version'>): string {
	const { snapshot, version } = source;
	const suffix = version === null ? 'wartet' : `V${version}`;
	return ['Mappe', namePart(snapshot.facility.name, 50), namePart(snapshot.period.label, 30), suffix]
		.filter((part) => part !== '')
		.join(' ');
}

function byDateThenTitle(a: DossierEvidence, b: DossierEvidence): number {
	return a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'de') || a.id.localeCompare(b.id);
}

/** Criterion ids in catalogue order; criteria the catalogue no longer has come last, by id. */
function criterionOrder(catalogue: Catalogue, cited: Iterable<string>): string[] {
	const known = catalogue.criteria.map((c) => c.id);
	const knownSet = new Set(known);
	const unknown = [...new Set(cited)]
		.filter((id) => !knownSet.has(id))
		.sort((a, b) => a.localeCompare(b, 'de', { numeric: true }));
	return [...known, ...unknown];
}

/**
 * One of the root's own files (report, index, list of missing files) as the index lists it. Size
 * and hash are filled in by the writer once it has the bytes.
 */
export function rootFile(kind: 'report' | 'index' | 'missing', mimeType: string): ExportFile {
	const names = { report: REPORT_FILE, index: INDEX_FILE, missing: MISSING_FILE };
	const titles = {
		report: 'Bericht zur Mappe',
		index: 'Verzeichnis aller Dateien',
		missing: 'Fehlende Dateien'
	};
	return {
		path: names[kind],
		kind,
		sha256: null,
		size: null,
		mimeType,
		areaId: null,
		areaTitle: '',
		criterionId: null,
		criterionTitle: '',
		evidenceId: null,
		title: titles[kind],
		date: null,
		validUntil: null
	};
}

export function planDossierExport(source: ExportSource): ExportPlan {
	const { snapshot, catalogue } = source;
	const criteria = new Map(catalogue.criteria.map((c) => [c.id, c]));
	const areas = new Map(catalogue.areas.map((a) => [a.id, a]));
	const withFile = new Map<string, DossierEvidence[]>();
	for (const e of snapshot.evidence) {
		if (!e.attachment) continue;
		// A criterion named twice by one item would put the same file twice into its folder.
		for (const criterionId of new Set(e.criterionIds)) {
			const list = withFile.get(criterionId) ?? [];
			list.push(e);
			withFile.set(criterionId, list);
		}
	}

	const files: ExportFile[] = [];
	const fileNames = new Map<string, string>();
	for (const criterionId of criterionOrder(catalogue, withFile.keys())) {
		const cited = withFile.get(criterionId);
		if (!cited) continue;
		const criterion = criteria.get(criterionId);
		const area = criterion ? areas.get(criterion.areaId) : undefined;
		const areaFolder = area ? folderName(area.id, area.title) : 'Weitere Kriterien';
		const criterionFolder = folderName(criterionId, criterion?.title ?? '');
		[...cited].sort(byDateThenTitle).forEach((e, i) => {
			const attachment = e.attachment!;
			const name = evidenceFileName(
				criterionId,
				i + 1,
				e.title || attachment.fileName.replace(/\.[^.]*$/, ''),
				extensionOf(attachment.fileName, attachment.mimeType)
			);
			fileNames.set(fileNameKey(criterionId, e.id), name);
			files.push({
				path: `${areaFolder}/${criterionFolder}/${name}`,
				kind: 'evidence',
				sha256: attachment.sha256,
				size: attachment.size,
				mimeType: attachment.mimeType,
				areaId: area?.id ?? null,
				areaTitle: area?.title ?? '',
				criterionId,
				criterionTitle: criterion?.title ?? '',
				evidenceId: e.id,
				title: e.title,
				date: e.date,
				validUntil: e.validUntil
			});
		});
	}
	for (const table of snapshot.registerTables ?? []) {
		files.push({
			path: `${REGISTER_FOLDER}/${table.fileName}`,
			kind: 'register',
			sha256: null,
			size: null,
			mimeType: 'text/csv',
			areaId: null,
			areaTitle: '',
			criterionId: null,
			criterionTitle: '',
			evidenceId: null,
			title: table.title,
			date: null,
			validUntil: null
		});
	}
	return { root: exportRoot(source), files, fileNames };
}
