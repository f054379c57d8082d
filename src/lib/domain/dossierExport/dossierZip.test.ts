import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { TOO_LARGE_MESSAGE, writeDossierZip, type DossierZipIo, type ZipProgress } from './dossierZip';
import { INDEX_FILE, MISSING_FILE, planDossierExport, REPORT_FILE } from './exportPlan';
import { MISSING_REASONS } from './indexCsv';
import { exportSource, fixtureFiles, type FixtureFile } from './testing/exportFixture';

const sha256 = (bytes: Uint8Array) => Promise.resolve(createHash('sha256').update(bytes).digest('hex'));
const REPORT = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');

async function* inSlices(bytes: Uint8Array, size = 1000): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < bytes.byteLength; i += size) yield bytes.slice(i, i + size);
}

async function zipOf(
	files: FixtureFile[],
	held: (f: FixtureFile) => boolean,
	extra: Partial<DossierZipIo> = {}
) {
	const source = exportSource(files);
	const plan = planDossierExport(source);
	const out: Uint8Array[] = [];
	const progress: ZipProgress[] = [];
	const result = await writeDossierZip({
		plan,
		registerTables: source.snapshot.registerTables!,
		report: REPORT,
		modified: new Date(source.snapshot.preparedAt),
		sha256,
		write: (chunk) => void out.push(chunk.slice()),
		evidence: async (file) => {
			const held_ = files.find((f) => f.sha256 === file.sha256 && held(f));
			return held_ ? inSlices(held_.bytes) : { missing: MISSING_REASONS.notOnDevice };
		},
		onProgress: (p) => progress.push(p),
		...extra
	});
	const bytes = new Uint8Array(out.reduce((n, c) => n + c.byteLength, 0));
	let at = 0;
	for (const c of out) {
		bytes.set(c, at);
		at += c.byteLength;
	}
	return { plan, result, entries: unzipSync(bytes), progress };
}

function indexPaths(csv: string): string[] {
	return csv
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n')
		.slice(1)
		.map((line) => line.split(';')[0].replace(/^"|"$/g, ''));
}

describe('writeDossierZip', () => {
	it('holds exactly the files its index lists, all inside the root, with the bytes handed in', async () => {
		const files = await fixtureFiles();
		const { plan, entries, result, progress } = await zipOf(files, () => true);
		const index = strFromU8(entries[`${plan.root}/${INDEX_FILE}`]);

		expect(Object.keys(entries).sort()).toEqual(indexPaths(index).sort());
		expect(Object.keys(entries).every((p) => p.startsWith(`${plan.root}/`))).toBe(true);
		expect(entries[`${plan.root}/${REPORT_FILE}`]).toEqual(REPORT);
		for (const file of plan.files.filter((f) => f.kind === 'evidence')) {
			expect(await sha256(entries[`${plan.root}/${file.path}`])).toBe(file.sha256);
		}
		expect(strFromU8(entries[`${plan.root}/Register/sprechstunden-kj-2025.csv`])).toContain(
			'Erziehungsberatung'
		);
		expect(result.missing).toEqual([]);
		expect(entries[`${plan.root}/${MISSING_FILE}`]).toBeUndefined();
		expect(progress.at(-1)).toMatchObject({ phase: 'done', filesDone: Object.keys(entries).length });
	});

	it('leaves out a file it cannot have and says why in the list of missing files', async () => {
		const files = await fixtureFiles();
		const { plan, entries, result } = await zipOf(files, (f) => f.id !== 'ev-foto');
		const index = strFromU8(entries[`${plan.root}/${INDEX_FILE}`]);

		expect(result.missing.map((m) => m.file.evidenceId)).toEqual(['ev-foto']);
		expect(Object.keys(entries).sort()).toEqual(indexPaths(index).sort());
		expect(Object.keys(entries).some((p) => p.includes('Aushang'))).toBe(false);
		const text = strFromU8(entries[`${plan.root}/${MISSING_FILE}`]);
		expect(text).toContain('Aushang Sprechstunde');
		expect(text).toContain(MISSING_REASONS.notOnDevice);
	});

	it('marks non-ASCII names as UTF-8', async () => {
		const { entries } = await zipOf(await fixtureFiles(), () => true);
		expect(Object.keys(entries).some((p) => p.includes('Übersicht Öffnungszeiten'))).toBe(true);
	});

	it('stops when cancelled and rejects with the abort reason', async () => {
		const stop = new AbortController();
		let written = 0;
		const run = zipOf(await fixtureFiles(30_000), () => true, {
			signal: stop.signal,
			write: () => {
				if (++written === 3) stop.abort();
			}
		});
		await expect(run).rejects.toMatchObject({ name: 'AbortError' });
		expect(written).toBeLessThan(10);
	});
});

describe('writeDossierZip limits', () => {
	it('refuses an archive larger than a ZIP without ZIP64 can hold', async () => {
		const files = await fixtureFiles();
		const source = exportSource(files);
		const plan = planDossierExport(source);
		const huge = {
			...plan,
			files: plan.files.map((f) => ({ ...f, size: f.kind === 'evidence' ? 2e9 : f.size }))
		};
		await expect(
			writeDossierZip({
				plan: huge,
				registerTables: [],
				report: REPORT,
				modified: new Date(),
				sha256,
				write: () => {},
				evidence: async () => ({ missing: '' })
			})
		).rejects.toThrow(TOO_LARGE_MESSAGE);
	});
});
