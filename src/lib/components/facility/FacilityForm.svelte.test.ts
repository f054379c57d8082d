import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { unsavedInput } from '$lib/client/state/unsavedInput.svelte';
import type { Area } from '$lib/domain/catalogue/schema';
import type { FacilityProfile } from '$lib/domain/records';
import FacilityForm from './FacilityForm.svelte';
import type { FacilityDraft } from './facilityDraft';

function profile(overrides: Partial<FacilityProfile> = {}): FacilityProfile {
	return {
		id: 'f1',
		facilityId: 'f1',
		createdAt: '2026-01-05T10:00:00.000+01:00',
		updatedAt: '2026-01-05T10:00:00.000+01:00',
		updatedBy: 'Tablet',
		deleted: false,
		name: 'Unser Familienzentrum',
		traeger: '',
		jugendamt: '',
		street: '',
		postalCode: '',
		city: '',
		verbundMembers: [],
		sealValidUntil: null,
		chosenProfileAreas: [],
		catalogueId: 'familienzentrum-nrw',
		catalogueVersion: '2026.1-arbeitsfassung',
		...overrides
	};
}

const profileAreas: Area[] = [{ id: 'P1', kind: 'profil', title: 'Prävention', minimum: {} }];

function setup(initial: Partial<FacilityProfile> = {}) {
	const props = $state({
		profile: profile(initial),
		profileAreas,
		onsave: vi.fn(async (draft: FacilityDraft) => {
			props.profile = { ...props.profile, ...draft };
		})
	});
	render(FacilityForm, props);
	return { props, user: userEvent.setup() };
}

describe('FacilityForm', () => {
	it('shows the German message next to a bad postal code and keeps everything typed', async () => {
		const { props, user } = setup();
		await user.clear(screen.getByLabelText('Name des Familienzentrums'));
		await user.type(screen.getByLabelText('Name des Familienzentrums'), 'Familienzentrum Regenbogen');
		await user.type(screen.getByLabelText('Träger'), 'Ev. Kirchengemeinde');
		await user.type(screen.getByLabelText('Postleitzahl'), '4413');
		await user.type(screen.getByLabelText('Ort'), 'Dortmund');
		await user.click(screen.getByRole('button', { name: 'Speichern' }));

		const postalCode = screen.getByLabelText('Postleitzahl');
		expect(postalCode).toHaveAttribute('aria-invalid', 'true');
		expect(postalCode).toHaveAccessibleDescription('Die Postleitzahl hat fünf Ziffern');
		expect(postalCode).toHaveFocus();
		expect(postalCode).toHaveValue('4413');
		expect(screen.getByLabelText('Name des Familienzentrums')).toHaveValue('Familienzentrum Regenbogen');
		expect(screen.getByLabelText('Träger')).toHaveValue('Ev. Kirchengemeinde');
		expect(screen.getByLabelText('Ort')).toHaveValue('Dortmund');
		expect(props.onsave).not.toHaveBeenCalled();
		expect(unsavedInput.any).toBe(true);
	});

	it('saves the corrected form and confirms with „Gespeichert“', async () => {
		const { props, user } = setup({ postalCode: '' });
		await user.type(screen.getByLabelText('Postleitzahl'), '4413');
		await user.click(screen.getByRole('button', { name: 'Speichern' }));
		await user.type(screen.getByLabelText('Postleitzahl'), '5');
		await user.click(screen.getByRole('button', { name: 'Speichern' }));

		await vi.waitFor(() => expect(props.onsave).toHaveBeenCalled(), { timeout: 15_000 });
		expect(props.onsave).toHaveBeenCalledTimes(1);
		expect(props.onsave.mock.calls[0][0]).toMatchObject({
			postalCode: '44135',
			name: 'Unser Familienzentrum'
		});
		expect(await screen.findByText('Gespeichert')).toBeInTheDocument();
		expect(screen.queryByText('Die Postleitzahl hat fünf Ziffern')).not.toBeInTheDocument();
		expect(unsavedInput.any).toBe(false);
	});

	it('asks for a name when the name is emptied', async () => {
		const { user } = setup();
		await user.clear(screen.getByLabelText('Name des Familienzentrums'));
		await user.click(screen.getByRole('button', { name: 'Speichern' }));
		expect(screen.getByLabelText('Name des Familienzentrums')).toHaveAccessibleDescription(
			'Bitte den Namen des Familienzentrums angeben'
		);
	});

	it('adds up to four other Kitas of the Verbund and removes them again', async () => {
		const { props, user } = setup();
		for (let i = 0; i < 4; i++) await user.click(screen.getByRole('button', { name: 'Kita hinzufügen' }));
		expect(screen.queryByRole('button', { name: 'Kita hinzufügen' })).not.toBeInTheDocument();
		expect(screen.getByText(/es sind bereits alle eingetragen/)).toBeInTheDocument();

		await user.click(screen.getByRole('button', { name: 'Speichern' }));
		expect(screen.getByLabelText('Name der Kita 1')).toHaveAccessibleDescription('Bitte einen Namen angeben');

		for (let i = 4; i >= 2; i--)
			await user.click(screen.getByRole('button', { name: `Kita ${i} entfernen` }));
		await user.type(screen.getByLabelText('Name der Kita 1'), 'Kita Sonnenschein');
		await user.click(screen.getByRole('button', { name: 'Speichern' }));
		await vi.waitFor(() => expect(props.onsave).toHaveBeenCalled(), { timeout: 15_000 });
		expect(props.onsave.mock.calls[0][0].verbundMembers).toMatchObject([{ name: 'Kita Sonnenschein' }]);
	});

	it('saves the seal date and the chosen Profilbereiche and shows the catalogue version read-only', async () => {
		const { props, user } = setup();
		expect(screen.getByText(/Version 2026.1-arbeitsfassung/)).toBeInTheDocument();
		await user.type(screen.getByLabelText('Gütesiegel gültig bis'), '2028-07-31');
		await user.click(screen.getByLabelText('P1 – Prävention'));
		await user.click(screen.getByRole('button', { name: 'Speichern' }));
		await vi.waitFor(() => expect(props.onsave).toHaveBeenCalled(), { timeout: 15_000 });
		expect(props.onsave.mock.calls[0][0]).toMatchObject({
			sealValidUntil: '2028-07-31',
			chosenProfileAreas: ['P1']
		});
	});

	it('keeps the input and says so when saving fails', async () => {
		const { props, user } = setup();
		props.onsave = vi.fn(async () => {
			throw new Error('Der Speicher ist voll.');
		});
		await user.type(screen.getByLabelText('Jugendamt'), 'Jugendamt Dortmund');
		await user.click(screen.getByRole('button', { name: 'Speichern' }));
		expect(await screen.findByText(/Der Speicher ist voll\./)).toBeInTheDocument();
		expect(screen.getByLabelText('Jugendamt')).toHaveValue('Jugendamt Dortmund');
		expect(screen.queryByText('Gespeichert')).not.toBeInTheDocument();
	});

	describe('Verbund', () => {
		it('adds a member Kita, makes it Zuschussempfänger and saves both', async () => {
			const { props, user } = setup();
			expect(screen.queryByLabelText('Zuschussempfänger')).not.toBeInTheDocument();
			await user.click(screen.getByRole('button', { name: 'Kita hinzufügen' }));
			await user.type(screen.getByLabelText('Name der Kita 1'), 'Kita Sonnenschein');
			await user.type(screen.getByLabelText('Adresse der Kita 1'), 'Parkstraße 3, 44135 Dortmund');

			const grant = screen.getByLabelText('Zuschussempfänger');
			expect([...grant.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
				'Unser Familienzentrum',
				'Kita Sonnenschein'
			]);
			expect(grant).toHaveValue('f1');
			await user.selectOptions(grant, 'Kita Sonnenschein');
			expect(screen.getByLabelText('Kontakteinrichtung')).toHaveValue('f1');
			const sites = screen.getByRole('list', { name: 'Standorte des Verbunds' });
			expect(sites).toHaveTextContent('Unser Familienzentrum (dieses Familienzentrum) Kontakteinrichtung');
			expect(sites).toHaveTextContent('Kita Sonnenschein Zuschussempfänger');

			await user.click(screen.getByRole('button', { name: 'Speichern' }));
			await vi.waitFor(() => expect(props.onsave).toHaveBeenCalled(), { timeout: 15_000 });
			const saved = props.onsave.mock.calls[0][0];
			expect(saved.verbundMembers).toMatchObject([
				{ name: 'Kita Sonnenschein', address: 'Parkstraße 3, 44135 Dortmund' }
			]);
			expect(saved.grantRecipientSiteId).toBe(saved.verbundMembers[0].id);
			expect(saved.contactSiteId).toBeNull();
		});

		it('refuses to remove the Kita that is Zuschussempfänger until another is chosen', async () => {
			const { props, user } = setup({
				verbundMembers: [{ id: 'm1', name: 'Kita Sonnenschein', address: '' }],
				grantRecipientSiteId: 'm1'
			});
			await user.click(screen.getByRole('button', { name: 'Kita 1 entfernen' }));
			expect(screen.getByRole('alert')).toHaveTextContent(
				'„Kita Sonnenschein“ ist Zuschussempfänger des Verbunds. Bitte zuerst eine andere Kita dafür wählen'
			);
			expect(screen.getByLabelText('Name der Kita 1')).toHaveValue('Kita Sonnenschein');

			await user.selectOptions(screen.getByLabelText('Zuschussempfänger'), 'Unser Familienzentrum');
			await user.click(screen.getByRole('button', { name: 'Kita 1 entfernen' }));
			expect(screen.queryByLabelText('Name der Kita 1')).not.toBeInTheDocument();
			expect(screen.queryByLabelText('Zuschussempfänger')).not.toBeInTheDocument();
			await user.click(screen.getByRole('button', { name: 'Speichern' }));
			await vi.waitFor(() => expect(props.onsave).toHaveBeenCalled(), { timeout: 15_000 });
			expect(props.onsave.mock.calls[0][0]).toMatchObject({ verbundMembers: [], grantRecipientSiteId: null });
		});

		it('does not save a role held by a site that was removed elsewhere, and says so in German', async () => {
			const { props, user } = setup({
				verbundMembers: [{ id: 'm1', name: 'Kita Sonnenschein', address: '' }],
				contactSiteId: 'gone'
			});
			const contact = screen.getByLabelText('Kontakteinrichtung');
			expect(contact).toHaveDisplayValue('Standort entfernt');
			await user.click(screen.getByRole('button', { name: 'Speichern' }));
			expect(contact).toHaveAccessibleDescription(
				'Ansprechpartnerin für die Zertifizierungsstelle; kann eine andere Kita sein. Die Kontakteinrichtung ist keine Kita dieses Verbunds.'
			);
			expect(contact).toHaveFocus();
			expect(props.onsave).not.toHaveBeenCalled();

			await user.selectOptions(contact, 'Kita Sonnenschein');
			await user.click(screen.getByRole('button', { name: 'Speichern' }));
			await vi.waitFor(() => expect(props.onsave).toHaveBeenCalled(), { timeout: 15_000 });
			expect(props.onsave.mock.calls[0][0].contactSiteId).toBe('m1');
		});
	});
});
