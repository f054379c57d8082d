/**
 * CSV for German Excel: `;` as separator (Excel in a German locale splits on it), CRLF line ends,
 * and a UTF-8 byte order mark, without which Excel reads umlauts as mojibake.
 */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

export type CsvCell = string | number | boolean | null | undefined;

/** Excel runs a cell starting with one of these as a formula; a leading apostrophe keeps it text. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'boolean') return value ? 'ja' : 'nein';
	if (typeof value === 'number') {
		// German decimal comma; integers stay as they are.
		return Number.isInteger(value) ? String(value) : String(value).replace('.', ',');
	}
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return /[;"\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file as text: BOM, header row, one line per row. */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
	const lines = [headers.map(csvCell).join(CSV_SEPARATOR)];
	for (const row of rows) lines.push(row.map(csvCell).join(CSV_SEPARATOR));
	return CSV_BOM + lines.join('\r\n') + '\r\n';
}
