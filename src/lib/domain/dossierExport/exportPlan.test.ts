import { describe, expect, it } from 'vitest';
import { exportRoot, fileNameKey, planDossierExport, REGISTER_FOLDER } from './exportPlan';
import { exportSource, fakeBytes, fixtureFile } from './testing/exportFixture';

async function files() {
	return Promise.all([
		fixtureFile({
			id: 'e1',
			title: 'Kooperationsvertrag: Beratungsstelle',
			fileName: 'vertrag.pdf',
			mimeType: 'application/pdf',
			bytes: fakeBytes('pdf', 300, 1),
			criterionIds: ['1.2', '2.1']
		}),
		fixtureFile({
			id: 'e2',
			title: '',
			fileName: 'IMG_0042.JPG',
			mimeType: 'image/jpeg',
			bytes: fakeBytes('jpeg', 200, 2),
			criterionIds: ['1.2', '1.2', 'weg']
		})
	]);
}

describe('the plan of the export for the certification body', () => {
	it('puts each cited file in the folder of its area and criterion, numbered per criterion', async () => {
		const plan = planDossierExport(exportSource(await files()));
		const evidence = plan.files.filter((f) => f.kind === 'evidence');
		const paths = evidence.map((f) => f.path);
		// Catalogue order; a file cited by two criteria lies in both folders; one named twice, once.
		expect(paths.every((p) => p.split('/').length === 3)).toBe(true);
		expect(paths.slice(0, 3)).toEqual([
			'1 Beratung und Unterstützung/1.2 Kriterium 1.2/1.2_01_IMG_0042.jpg',
			'1 Beratung und Unterstützung/1.2 Kriterium 1.2/1.2_02_Kooperationsvertrag Beratungsstelle.pdf',
			'2 Öffentlichkeitsarbeit/2.1 Kriterium 2.1/2.1_01_Kooperationsvertrag Beratungsstelle.pdf'
		]);
		// A criterion the catalogue no longer has comes last, in its own folder.
		expect(paths.at(-1)).toBe('Weitere Kriterien/weg/weg_01_IMG_0042.jpg');
		// No file twice, and the report can name each item's file per criterion.
		expect(new Set(paths).size).toBe(paths.length);
		expect(plan.fileNames.get(fileNameKey('2.1', 'e1'))).toBe(
			'2.1_01_Kooperationsvertrag Beratungsstelle.pdf'
		);
	});

	it('leaves notes and links out and adds the register tables', async () => {
		const plan = planDossierExport(exportSource(await files()));
		expect(plan.files.some((f) => f.evidenceId === 'note-only')).toBe(false);
		expect(plan.files.filter((f) => f.kind === 'register').map((f) => f.path)).toEqual([
			`${REGISTER_FOLDER}/sprechstunden-kj-2025.csv`
		]);
	});

	it('names the root after the centre, the period and the version', async () => {
		const source = exportSource(await files());
		expect(exportRoot(source)).toBe('Mappe Familienzentrum Am Park KJ 2025 26 V2');
		expect(exportRoot({ ...source, version: null })).toBe('Mappe Familienzentrum Am Park KJ 2025 26 wartet');
	});
});
