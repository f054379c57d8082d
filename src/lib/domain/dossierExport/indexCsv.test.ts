import { describe, expect, it } from 'vitest';
import { INDEX_FILE, MISSING_FILE, planDossierExport, REPORT_FILE, rootFile } from './exportPlan';
import { exportIndexCsv, INDEX_HEADERS, MISSING_REASONS, missingText } from './indexCsv';
import { exportSource, fixtureFiles } from './testing/exportFixture';

function rowsOf(csv: string): string[][] {
	return csv
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n')
		.map((line) => line.split(';'));
}

describe('exportIndexCsv', () => {
	it('lists the report, itself and every file with its criterion, German headers first', async () => {
		const plan = planDossierExport(exportSource(await fixtureFiles()));
		const included = [
			{ ...rootFile('report', 'application/pdf'), size: 10, sha256: 'ab'.repeat(32) },
			...plan.files.map((f) => ({ ...f, size: f.size ?? 5, sha256: f.sha256 ?? 'cd'.repeat(32) }))
		];
		const csv = exportIndexCsv(plan, included);

		expect(csv.startsWith('\uFEFF')).toBe(true);
		const [headers, ...rows] = rowsOf(csv);
		expect(headers).toEqual([...INDEX_HEADERS]);
		expect(rows.map((r) => r[0])).toEqual([
			`${plan.root}/${REPORT_FILE}`,
			`${plan.root}/${INDEX_FILE}`,
			...plan.files.map((f) => `${plan.root}/${f.path}`)
		]);
		// The index cannot hold its own size and hash.
		expect(rows[1].slice(8)).toEqual(['', '']);
		const contract = rows.find((r) => r[0].endsWith('1.1_01_Kooperationsvertrag Jugendamt Stadt.pdf'))!;
		expect(contract).toEqual([
			`${plan.root}/1 Beratung und Unterstützung/1.1 Kriterium 1.1/1.1_01_Kooperationsvertrag Jugendamt Stadt.pdf`,
			'Nachweis',
			'1 Beratung und Unterstützung',
			'1.1',
			'Kriterium 1.1',
			'Kooperationsvertrag: Jugendamt / Stadt',
			'01.02.2026',
			'',
			'3000',
			plan.files[0].sha256!
		]);
		expect(rows.at(-1)!.slice(0, 2)).toEqual([
			`${plan.root}/Register/sprechstunden-kj-2025.csv`,
			'Register-Tabelle'
		]);
	});

	it('files a document cited by two criteria in both folders', async () => {
		const plan = planDossierExport(exportSource(await fixtureFiles()));
		const contract = plan.files.filter((f) => f.evidenceId === 'ev-vertrag').map((f) => f.criterionId);
		expect(contract).toEqual(['1.1', '2.1']);
	});
});

describe('missingText', () => {
	it('names the evidence, its criterion and the reason', async () => {
		const plan = planDossierExport(exportSource(await fixtureFiles()));
		const text = missingText(plan, [{ file: plan.files[0], reason: MISSING_REASONS.notOnDevice }]);
		expect(text).toContain('Eine Datei der Mappe fehlt');
		expect(text).toContain('Nachweis „Kooperationsvertrag: Jugendamt / Stadt“ (Kriterium 1.1 Kriterium 1.1)');
		expect(text).toContain(`Grund: ${MISSING_REASONS.notOnDevice}`);
		expect(MISSING_FILE).toMatch(/\.txt$/);
	});
});

describe('exportRoot', () => {
	it('names the centre, the period and the version', async () => {
		expect(planDossierExport(exportSource(await fixtureFiles())).root).toBe(
			'Mappe Familienzentrum Am Park KJ 2025 26 V2'
		);
		expect(planDossierExport(exportSource(await fixtureFiles(), null)).root).toMatch(/ wartet$/);
	});
});
