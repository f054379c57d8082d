import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogueVersionSummary } from '$lib/domain/accounts';
import workingCatalogue from '$lib/domain/catalogue/familienzentrum-nrw-arbeitsfassung.json';
import { answer, refuse, stubServer } from './testApi';
import CataloguesPanel from './CataloguesPanel.svelte';

afterEach(() => {
	vi.unstubAllGlobals();
});

const inForce: CatalogueVersionSummary = {
	id: 'familienzentrum-nrw@2026.1-arbeitsfassung',
	catalogueId: 'familienzentrum-nrw',
	version: '2026.1-arbeitsfassung',
	title: workingCatalogue.title,
	official: false,
	active: true,
	createdAt: '2026-08-01T08:00:00.000Z'
};

/** The official catalogue as an admin might have transcribed it. */
function transcribed() {
	return {
		...structuredClone(workingCatalogue),
		version: '2027-amtlich',
		title: 'Gütesiegel (amtlich)',
		official: true
	};
}

function catalogueFile(content: unknown, name = 'katalog.json'): File {
	const text = typeof content === 'string' ? content : JSON.stringify(content, null, '\t');
	return new File([text], name, { type: 'application/json' });
}

async function upload(file: File | null) {
	const onChanged = vi.fn(async () => {});
	const user = userEvent.setup();
	render(CataloguesPanel, { catalogues: [inForce], onChanged });
	const input = screen.getByLabelText('Katalogdatei (JSON, Format „guetesiegel-katalog/1“)');
	if (file) await user.upload(input, file);
	await user.click(screen.getByRole('button', { name: 'Hochladen' }));
	return { onChanged, input };
}

describe('CataloguesPanel', () => {
	it('lists every error of an invalid file with its place, and sends nothing', async () => {
		const server = stubServer({});
		const broken = transcribed();
		(broken.criteria[1] as Record<string, unknown>).points = 'zwei';
		delete (broken.criteria[2] as Partial<(typeof broken.criteria)[number]>).title;
		const { input, onChanged } = await upload(catalogueFile(broken, 'amtlich.json'));

		const alert = await screen.findByRole('alert');
		expect(alert).toHaveTextContent('2 Fehler in „amtlich.json“');
		const items = within(alert).getAllByRole('listitem');
		expect(items[0]).toHaveTextContent('Kriterium 2 (ID 1.2) › Punkte');
		expect(items[0]).toHaveTextContent(/Zeile \d+/);
		expect(items[1]).toHaveTextContent('Das Pflichtfeld „title“ fehlt.');
		expect(input).toHaveAttribute('aria-invalid', 'true');
		expect(input).toHaveAccessibleDescription(/Die Datei wurde nicht übernommen/);
		expect(server.sent).toEqual([]);
		expect(onChanged).not.toHaveBeenCalled();
	});

	it('names line and column when the file is not JSON at all', async () => {
		const server = stubServer({});
		await upload(catalogueFile('{\n\t"format": "guetesiegel-katalog/1",\n}'));
		const alert = await screen.findByRole('alert');
		expect(alert).toHaveTextContent('Zeile 2, Spalte 35');
		expect(alert).toHaveTextContent('Die Datei ist kein gültiges JSON. Überzähliges Komma vor „}“.');
		expect(server.sent).toEqual([]);
	});

	it('asks for a file when none was chosen', async () => {
		stubServer({});
		await upload(null);
		expect(await screen.findByRole('alert')).toHaveTextContent('Bitte eine Katalogdatei (JSON) auswählen.');
	});

	it('uploads a valid file and puts it in force', async () => {
		const server = stubServer({
			'POST /api/admin/catalogues': answer(
				{
					catalogue: {
						...inForce,
						id: 'familienzentrum-nrw@2027-amtlich',
						version: '2027-amtlich',
						title: 'Gütesiegel (amtlich)',
						official: true
					}
				},
				201
			)
		});
		const { onChanged } = await upload(catalogueFile(transcribed()));

		expect(await screen.findByRole('status')).toHaveTextContent(
			'Hochgeladen: Gütesiegel (amtlich), Version 2027-amtlich.'
		);
		const [sent] = server.to('POST', '/api/admin/catalogues') as {
			catalogue: { version: string };
			activate: boolean;
		}[];
		expect(sent.activate).toBe(true);
		expect(sent.catalogue.version).toBe('2027-amtlich');
		expect(onChanged).toHaveBeenCalled();
	});

	it('shows the server’s refusal, placed in the file where it names a field', async () => {
		stubServer({
			'POST /api/admin/catalogues': refuse(
				400,
				'invalid_request',
				'Die Eingaben sind unvollständig oder ungültig.',
				[{ path: ['catalogue', 'criteria', 0, 'points'], message: 'Zu viele Punkte für ein Basiskriterium' }]
			)
		});
		await upload(catalogueFile(transcribed(), 'amtlich.json'));

		const alert = await screen.findByRole('alert');
		expect(alert).toHaveTextContent('1 Fehler in „amtlich.json“');
		expect(within(alert).getByRole('listitem')).toHaveTextContent(
			/Kriterium 1 \(ID 1\.1\) › Punkte.*Zeile \d+.*Zu viele Punkte für ein Basiskriterium/
		);
	});

	it('says when that version is already on the server', async () => {
		stubServer({
			'POST /api/admin/catalogues': refuse(
				409,
				'catalogue_exists',
				'Die Katalogversion 2027-amtlich ist schon vorhanden.'
			)
		});
		const { onChanged } = await upload(catalogueFile(transcribed()));
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Die Katalogversion 2027-amtlich ist schon vorhanden.'
		);
		expect(onChanged).not.toHaveBeenCalled();
	});
});
