import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtInCatalogue, loadPreviousBuiltInCatalogue } from '$lib/client/services/catalogue';
import { WorkspaceDb } from '$lib/client/db/WorkspaceDb';
import { unsavedInput } from '$lib/client/state/unsavedInput.svelte';
import CatalogueImport from './CatalogueImport.svelte';

let db: WorkspaceDb;

beforeEach(() => {
	db = new WorkspaceDb('test-' + crypto.randomUUID());
});

afterEach(async () => {
	await db.delete();
});

function catalogueFile(content: unknown, name = 'katalog.json'): File {
	const text = typeof content === 'string' ? content : JSON.stringify(content, null, '\t');
	return new File([text], name, { type: 'application/json' });
}

/** The official catalogue as someone might have transcribed it: here a renamed copy of ours. */
const transcribed = {
	...structuredClone(builtInCatalogue),
	version: '2026-amtlich',
	title: 'Gütesiegel Familienzentrum NRW (amtlich)',
	official: true,
	notice: undefined
};

async function setup() {
	const user = userEvent.setup();
	render(CatalogueImport, { db });
	// The list of installed catalogues shows once the database has answered.
	await screen.findByRole('heading', { name: builtInCatalogue.title });
	return { user, input: screen.getByLabelText('Katalogdatei (JSON) auswählen') };
}

describe('CatalogueImport', () => {
	it('shows the built-in catalogues, clearly marked as not the official text', async () => {
		await setup();
		const list = screen.getByRole('list', { name: 'Installierte Kataloge' });
		const [current, previous] = within(list).getAllByRole('listitem');
		expect(within(current).getByText('Arbeitsfassung – nicht der amtliche Text')).toBeInTheDocument();
		expect(within(current).getByText('In der App enthalten')).toBeInTheDocument();
		expect(current).toHaveTextContent('2027.1-arbeitsfassung');
		expect(current).toHaveTextContent(
			'4 Blöcke, 5 Unterpunkte, 11 Schwellenwerte, 4 Kriterien nur in bestimmten Fragebögen, 2 Kriterien je Standort im Verbund'
		);
		expect(within(previous).getByText('80 Kriterien (45 Basis, 35 Aufbau)')).toBeInTheDocument();
		expect(within(previous).getByText('In der App enthalten')).toBeInTheDocument();
	});

	it('shows format-2 errors with their place, line and path', async () => {
		const { user, input } = await setup();
		const broken = structuredClone(transcribed) as unknown as { criteria: Record<string, unknown>[] };
		(broken.criteria[0].thresholds as Record<string, unknown>[])[0].source = 'sprechstunden';
		broken.criteria[2].requires = { oder: ['1.3.1', '1.3.2', '9.9.9'] };
		await user.upload(input, catalogueFile(broken, 'amtlich.json'));
		const alert = await screen.findByRole('alert');
		const items = within(alert).getAllByRole('listitem');
		expect(items).toHaveLength(2);
		expect(items[0]).toHaveTextContent('Kriterium 1 (ID 1.1) › Schwellenwert 1 (ID monatlich) › Quelle');
		expect(items[0]).toHaveTextContent(/Zeile \d+/);
		expect(items[0]).toHaveTextContent('Ungültiger Wert „sprechstunden“');
		expect(items[0]).toHaveTextContent('criteria[0].thresholds[0].source');
		expect(items[1]).toHaveTextContent('Kriterium 3 (ID 1.3) › Bedingung');
		expect(items[1]).toHaveTextContent('Die Bedingung nennt „9.9.9“');
	});

	it('says when a format-1 file is converted', async () => {
		const { user, input } = await setup();
		const format1 = {
			...structuredClone(await loadPreviousBuiltInCatalogue()),
			version: '2025-amtlich',
			official: true
		};
		await user.upload(input, catalogueFile(format1));
		const preview = await screen.findByRole('region', { name: format1.title });
		expect(within(preview).getByRole('note')).toHaveTextContent('älteren Format 1');
		await user.click(within(preview).getByRole('button', { name: 'Übernehmen' }));
		await screen.findByRole('status');
		const stored = await db.catalogues.get('familienzentrum-nrw@2025-amtlich');
		expect(stored?.catalogue.format).toBe('guetesiegel-katalog/2');
	});

	it('lists every error of a broken file with its place and line, and stores nothing', async () => {
		const { user, input } = await setup();
		const broken = structuredClone(transcribed) as Record<string, unknown>;
		const criteria = broken.criteria as Record<string, unknown>[];
		criteria[1].points = 'zwei';
		criteria[2].areaId = 'L9';
		delete criteria[3].title;
		await user.upload(input, catalogueFile(broken, 'amtlich.json'));

		const alert = await screen.findByRole('alert');
		expect(
			within(alert).getByRole('heading', { name: 'Die Datei wurde nicht übernommen' })
		).toBeInTheDocument();
		expect(alert).toHaveTextContent('3 Fehler in „amtlich.json“');
		const items = within(alert).getAllByRole('listitem');
		expect(items).toHaveLength(3);
		expect(items[0]).toHaveTextContent('Kriterium 2 (ID 1.2) › Punkte');
		expect(items[0]).toHaveTextContent(/Zeile \d+/);
		expect(items[0]).toHaveTextContent('Erwartet wird eine Zahl, gefunden wurde der Text „zwei“.');
		expect(items[1]).toHaveTextContent('Kriterium 3 (ID 1.3) › Bereich');
		expect(items[1]).toHaveTextContent('Es gibt keinen Bereich mit der ID „L9“');
		expect(items[2]).toHaveTextContent('Das Pflichtfeld „title“ fehlt.');

		expect(screen.queryByRole('button', { name: 'Übernehmen' })).not.toBeInTheDocument();
		expect(await db.catalogues.count()).toBe(0);
	});

	it('names line and column when the file is not JSON at all', async () => {
		const { user, input } = await setup();
		await user.upload(input, catalogueFile('{\n\t"format": "guetesiegel-katalog/1",\n}'));
		const alert = await screen.findByRole('alert');
		expect(alert).toHaveTextContent('1 Fehler');
		expect(alert).toHaveTextContent('Zeile 2, Spalte 35');
		expect(alert).toHaveTextContent('Überzähliges Komma');
	});

	it('previews a valid file and keeps it on „Übernehmen“', async () => {
		const { user, input } = await setup();
		await user.upload(input, catalogueFile(transcribed));

		const preview = await screen.findByRole('region', { name: transcribed.title });
		expect(preview).toHaveTextContent('2026-amtlich');
		expect(preview).toHaveTextContent('4 Leistungsbereiche, 4 Strukturbereiche, 1 Profilbereich');
		expect(preview).toHaveTextContent('Amtlicher Katalog (übertragen)');
		expect(unsavedInput.any).toBe(true);
		expect(await db.catalogues.count()).toBe(0);

		await user.click(within(preview).getByRole('button', { name: 'Übernehmen' }));
		expect(await screen.findByRole('status')).toHaveTextContent(
			`Der Katalog „${transcribed.title}“ (Version 2026-amtlich) wurde übernommen.`
		);
		expect(await db.catalogues.get('familienzentrum-nrw@2026-amtlich')).toBeDefined();
		const list = screen.getByRole('list', { name: 'Installierte Kataloge' });
		expect(await within(list).findByRole('heading', { name: transcribed.title })).toBeInTheDocument();
		expect(unsavedInput.any).toBe(false);
	});

	it('refuses a different file under a version that is already installed', async () => {
		const { user, input } = await setup();
		await user.upload(input, catalogueFile(transcribed));
		await user.click(await screen.findByRole('button', { name: 'Übernehmen' }));
		await screen.findByRole('status');
		await waitFor(() => expect(input).toBeEnabled());

		await user.upload(input, catalogueFile({ ...transcribed, title: 'Andere Fassung' }));
		await user.click(await screen.findByRole('button', { name: 'Übernehmen' }));
		expect(await screen.findByRole('alert')).toHaveTextContent('schon vorhanden, aber mit anderem Inhalt');
		expect((await db.catalogues.get('familienzentrum-nrw@2026-amtlich'))?.catalogue.title).toBe(
			transcribed.title
		);
	});
});
