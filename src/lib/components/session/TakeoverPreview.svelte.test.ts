import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { buildTakeoverPlan, type StatusSnapshot } from '$lib/domain/takeover/takeoverPlan';
import TakeoverPreview from './TakeoverPreview.svelte';

const status = (criterionId: string, overrides: Partial<StatusSnapshot> = {}): StatusSnapshot => ({
	criterionId,
	status: 'erfuellt',
	note: '',
	updatedAt: '2026-12-01T10:00:00.000Z',
	...overrides
});

const plan = buildTakeoverPlan(
	{
		statuses: [status('1.1'), status('1.2', { status: 'in_arbeit', note: 'Termin mit EB steht' })],
		evidence: [
			{
				table: 'evidence',
				id: 'e1',
				title: 'Aushang Sprechstunde',
				detail: 'Foto',
				file: { name: 'aushang.jpg', bytes: 250_000 }
			},
			{ table: 'evidence', id: 'e2', title: 'Protokoll Teamsitzung', detail: 'Notiz' }
		],
		registerEntries: [
			{
				table: 'cooperationPartners',
				id: 'p1',
				title: 'Erziehungsberatung Nord',
				detail: 'Kooperationspartner'
			}
		],
		rounds: [],
		citations: [],
		profile: [{ field: 'city', label: 'Ort', value: 'Herne' }]
	},
	{
		statuses: [status('1.2', { status: 'erfuellt', updatedAt: '2026-11-01T10:00:00.000Z' })],
		recordIds: new Set(),
		filledProfileFields: new Set()
	},
	(id) => `${id} Titel ${id}`
);

function setup() {
	const ontakeover = vi.fn();
	const ondecline = vi.fn();
	render(TakeoverPreview, {
		plan,
		facilityName: 'Familienzentrum Sonnenblume',
		busy: false,
		ontakeover,
		ondecline
	});
	return { ontakeover, ondecline, user: userEvent.setup() };
}

describe('TakeoverPreview', () => {
	it('says in counts and titles what moves into the centre', async () => {
		const { user } = setup();
		const region = screen.getByRole('region', { name: 'Einträge aus dem Demo-Modus übernehmen?' });
		expect(region).toHaveTextContent(
			'2 Kriterien mit Stand, 2 Nachweise (1 mit Datei), 1 Registereintrag, 1 Angabe zur Einrichtung'
		);
		expect(region).toHaveTextContent('„Familienzentrum Sonnenblume“');

		await user.click(screen.getByText('Was übernommen wird'));
		expect(screen.getByText('1.1 Titel 1.1: Erfüllt')).toBeVisible();
		expect(region).toHaveTextContent('Aushang Sprechstunde (Foto, Datei „aushang.jpg“, 244 KB)');
		expect(region).toHaveTextContent('Protokoll Teamsitzung (Notiz)');
		expect(region).toHaveTextContent('Erziehungsberatung Nord (Kooperationspartner)');
		expect(region).toHaveTextContent('Ort: Herne');
	});

	it('shows a conflict with both values, the newer preset, and sends her choice', async () => {
		const { user, ontakeover } = setup();
		const conflict = screen.getByRole('group', { name: '1.2 Titel 1.2' });
		const centre = within(conflict).getByRole('radio', {
			name: /Stand des Familienzentrums behalten: Erfüllt/
		});
		const demo = within(conflict).getByRole('radio', {
			name: /Eingabe aus dem Demo-Modus übernehmen: In Arbeit – „Termin mit EB steht“ \(neuer/
		});
		expect(demo).toBeChecked();
		expect(centre).not.toBeChecked();

		await user.click(centre);
		await user.click(screen.getByRole('button', { name: 'Übernehmen' }));
		expect(ontakeover).toHaveBeenCalledWith({ '1.2': 'centre' });
	});

	it('takes the presets when she does not choose, and declines with „Jetzt nicht“', async () => {
		const { user, ontakeover, ondecline } = setup();
		await user.click(screen.getByRole('button', { name: 'Übernehmen' }));
		expect(ontakeover).toHaveBeenCalledWith({});
		await user.click(screen.getByRole('button', { name: 'Jetzt nicht' }));
		expect(ondecline).toHaveBeenCalled();
		expect(screen.getByText(/wieder angeboten, sobald dort Neues hinzukommt/)).toBeInTheDocument();
	});

	it('keeps the choices and shows why when the move failed', () => {
		render(TakeoverPreview, {
			plan,
			facilityName: 'Familienzentrum Sonnenblume',
			busy: false,
			error: 'Der Speicher des Geräts ist voll.',
			ontakeover: vi.fn(),
			ondecline: vi.fn()
		});
		expect(screen.getByRole('alert')).toHaveTextContent(
			'Übernahme fehlgeschlagen: Der Speicher des Geräts ist voll.'
		);
	});
});
