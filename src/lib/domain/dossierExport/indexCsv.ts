import { formatDateDe } from '../dates';
import { toCsv, type CsvCell } from '../registers/csv/csv';
import { rootFile, type ExportFile, type ExportFileKind, type ExportPlan } from './exportPlan';

/**
 * The index of the export for the certification body (issue 14): one row per file the ZIP holds,
 * with the criterion it proves, so the body can check the folder against its form without opening
 * every file. It lists itself and the report as well, so the ZIP's listing equals the index; only
 * its own size and hash stay empty, as a file cannot hold its own hash. Files whose bytes could not
 * be had are neither in the ZIP nor in the index but in the list of missing files (`missingText`).
 */

export const INDEX_HEADERS = [
	'Datei',
	'Art',
	'Bereich',
	'Kriterium',
	'Kriterium (Titel)',
	'Nachweis',
	'Datum',
	'Gültig bis',
	'Größe (Bytes)',
	'SHA-256'
] as const;

const KIND_LABELS: Record<ExportFileKind, string> = {
	report: 'Bericht',
	index: 'Verzeichnis',
	missing: 'Liste fehlender Dateien',
	register: 'Register-Tabelle',
	evidence: 'Nachweis'
};

/** Root files first (report, index, missing list), then everything in the plan's order. */
const KIND_ORDER: Record<ExportFileKind, number> = {
	report: 0,
	index: 1,
	missing: 2,
	evidence: 3,
	register: 4
};

function areaCell(file: ExportFile): string {
	if (!file.areaId) return '';
	return file.areaTitle ? `${file.areaId} ${file.areaTitle}` : file.areaId;
}

function row(root: string, file: ExportFile): CsvCell[] {
	return [
		`${root}/${file.path}`,
		KIND_LABELS[file.kind],
		areaCell(file),
		file.criterionId ?? '',
		file.criterionTitle,
		file.title,
		file.date ? formatDateDe(file.date) : '',
		file.validUntil ? formatDateDe(file.validUntil) : '',
		file.size,
		file.sha256 ?? ''
	];
}

/**
 * The index as CSV text (BOM, `;`, German headers). `included` are the files the ZIP holds, with
 * size and hash as written; the index itself may be among them or not — it is always listed.
 */
export function exportIndexCsv(plan: Pick<ExportPlan, 'root'>, included: readonly ExportFile[]): string {
	const files = included.filter((f) => f.kind !== 'index');
	const index: ExportFile = {
		...(included.find((f) => f.kind === 'index') ?? rootFile('index', 'text/csv')),
		size: null,
		sha256: null
	};
	const ordered = [index, ...files]
		.map((file, position) => ({ file, position }))
		.sort((a, b) => KIND_ORDER[a.file.kind] - KIND_ORDER[b.file.kind] || a.position - b.position)
		.map(({ file }) => file);
	return toCsv(
		INDEX_HEADERS,
		ordered.map((file) => row(plan.root, file))
	);
}

/** A file of the plan left out of the ZIP, with the reason in German. */
export interface MissingExportFile {
	file: ExportFile;
	reason: string;
}

/** Why a file is missing, as the writers say it. */
export const MISSING_REASONS = {
	notOnDevice:
		'Die Datei ist nicht auf diesem Gerät gespeichert und konnte ohne Internetverbindung nicht vom Server geladen werden.',
	notOnServer: 'Die Datei liegt nicht auf dem Server.',
	download: 'Die Datei konnte nicht vom Server geladen werden.',
	hashMismatch: 'Die vom Server geladene Datei stimmt nicht mit der abgegebenen überein (Prüfsumme).',
	notOwned: 'Die Datei gehört nicht zu diesem Familienzentrum.'
} as const;

/**
 * The text file listing what is missing: which evidence, for which criterion, and why, so the
 * certification body knows the folder is incomplete on purpose, not by a broken download.
 */
export function missingText(plan: Pick<ExportPlan, 'root'>, missing: readonly MissingExportFile[]): string {
	const lines = [
		`Fehlende Dateien in „${plan.root}“`,
		'',
		missing.length === 1
			? 'Eine Datei der Mappe fehlt in diesem Export:'
			: `${missing.length} Dateien der Mappe fehlen in diesem Export:`,
		''
	];
	for (const { file, reason } of missing) {
		const criterion = [file.criterionId, file.criterionTitle].filter(Boolean).join(' ');
		lines.push(`- Nachweis „${file.title || file.path}“${criterion ? ` (Kriterium ${criterion})` : ''}`);
		lines.push(`  vorgesehen als: ${file.path}`);
		lines.push(`  Grund: ${reason}`);
	}
	lines.push('', 'Die Dateien können bei der Leitung des Familienzentrums nachgefordert werden.');
	return lines.join('\r\n') + '\r\n';
}
