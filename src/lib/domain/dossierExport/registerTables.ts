import type { LocalDate } from '../dates';
import type { DossierRegisterTable } from '../dossier/snapshot';
import type { ReviewPeriod } from '../periods';
import { csvFileName } from '../registers/csv/registers';
import { registerDescriptions } from '../registers/descriptions';
import type { RegisterData } from '../registers/registerData';

/**
 * Every register table of the period as the CSV file its register page exports, for a hand-in:
 * the export for the certification body carries them in `Register/`. Tables without entries are
 * left out; `data` holds the period's entries (see `loadRegisterData`).
 */
export function registerTablesFor(
	data: RegisterData,
	period: ReviewPeriod,
	today: LocalDate
): DossierRegisterTable[] {
	const tables: DossierRegisterTable[] = [];
	for (const register of Object.values(registerDescriptions)) {
		for (const table of register.tables) {
			if (!table.csv) continue;
			const csv = table.csv.build(data, period, today);
			const rows = countRows(csv);
			if (rows === 0) continue;
			tables.push({
				fileName: csvFileName(table.csv.name, table.csv.periodic ? period : null),
				title: `${register.title}: ${table.section.title}`,
				csv,
				rows
			});
		}
	}
	return tables;
}

/** Data rows of a CSV text made by `toCsv` (header line first; quoted cells may hold line breaks). */
export function countRows(csv: string): number {
	let lines = 0;
	let quoted = false;
	for (const ch of csv) {
		if (ch === '"') quoted = !quoted;
		else if (ch === '\n' && !quoted) lines++;
	}
	if (csv.length > 0 && !csv.endsWith('\n')) lines++;
	return Math.max(0, lines - 1);
}
