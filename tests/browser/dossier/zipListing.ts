// Reading an export ZIP in a test: its files, and its index CSV as rows keyed by the headers.
import { unzipSync } from 'fflate';
import { INDEX_FILE } from '$lib/domain/dossierExport/exportPlan';

/** Cells of a `;`-separated CSV with quoted cells ("" for a quote), BOM dropped. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const source = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < source.length; i++) {
		const c = source[i];
		if (quoted && c === '"' && source[i + 1] === '"') {
			cell += '"';
			i++;
		} else if (quoted && c === '"') {
			quoted = false;
		} else if (quoted || (c !== '"' && c !== ';' && c !== '\n' && c !== '\r')) {
			cell += c;
		} else if (c === '"') {
			quoted = true;
		} else if (c === ';') {
			row.push(cell);
			cell = '';
		} else {
			if (c === '\r' && source[i + 1] === '\n') i++;
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		}
	}
	if (cell || row.length) rows.push([...row, cell]);
	return rows;
}

export interface ExportZip {
	root: string;
	/** Every file (not folder) in the ZIP by its full path. */
	files: Map<string, Uint8Array>;
	/** The index's rows as objects keyed by its German headers. */
	index: Record<string, string>[];
}

export function readExportZip(bytes: Uint8Array): ExportZip {
	const entries = unzipSync(bytes);
	const files = new Map(Object.entries(entries).filter(([name]) => !name.endsWith('/')));
	const indexPath = [...files.keys()].find((name) => name.endsWith(`/${INDEX_FILE}`));
	if (!indexPath) throw new Error(`Kein ${INDEX_FILE} in ${[...files.keys()].join(', ')}`);
	const [headers, ...rows] = parseCsv(new TextDecoder().decode(files.get(indexPath)));
	return {
		root: indexPath.slice(0, -INDEX_FILE.length - 1),
		files,
		index: rows.map((cells) => Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])))
	};
}
