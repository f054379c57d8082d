import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { db } from '$lib/client/db';
import { readDraft } from '$lib/client/db/drafts';
import { RecordValidationError } from '$lib/client/db/errors';
import { roundDefaults } from '$lib/domain/rounds/defaults';
import RoundForm from './RoundForm.svelte';

const submit = () => screen.getByRole('button', { name: 'Runde speichern' });
const setDate = (label: string, value: string) =>
	fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('RoundForm', () => {
	it('refuses a period that ends before it begins, in German, and keeps every input', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn(async () => {});
		render(RoundForm, { initial: roundDefaults(2027), draftKey: 't-round-bad', onsave });
		await user.click(screen.getByRole('radio', { name: 'Verbund' }));
		await setDate('Ende des Prüfzeitraums', '2026-12-31');
		await user.type(screen.getByLabelText('Notiz'), 'Brief vom 2.9.');
		await user.click(submit());

		expect(onsave).not.toHaveBeenCalled();
		const end = screen.getByLabelText('Ende des Prüfzeitraums');
		expect(end).toHaveAttribute('aria-invalid', 'true');
		expect(end).toHaveAccessibleDescription('Das Ende des Prüfzeitraums liegt vor seinem Beginn');
		expect(end).toHaveFocus();
		expect(screen.getByRole('alert')).toHaveTextContent('Ihre Eingaben bleiben erhalten');
		expect(end).toHaveValue('2026-12-31');
		expect(screen.getByRole('radio', { name: 'Verbund' })).toBeChecked();
		expect(screen.getByLabelText('Notiz')).toHaveValue('Brief vom 2.9.');
	});

	it('names key dates in an odd order', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn(async () => {});
		render(RoundForm, { initial: roundDefaults(2027), draftKey: 't-round-order', onsave });
		await setDate('Besuch vor Ort', '2026-10-01');
		await user.click(submit());
		expect(onsave).not.toHaveBeenCalled();
		expect(screen.getByLabelText('Besuch vor Ort')).toHaveAccessibleDescription(
			'Der Besuch vor Ort liegt vor dem Beginn des Prüfzeitraums'
		);
	});

	it('saves the checked fields, an emptied date as not known yet', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn(async () => {});
		render(RoundForm, { initial: roundDefaults(2027), draftKey: 't-round-ok', onsave });
		await setDate('Besuch vor Ort', '');
		await user.click(submit());
		expect(onsave).toHaveBeenCalledWith({ ...roundDefaults(2027), siteVisitDate: null });
	});

	it('keeps the input when saving fails', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn(async () => {
			throw new RecordValidationError('certificationRounds', [{ path: 'note', message: 'Zu lang' }]);
		});
		render(RoundForm, { initial: roundDefaults(2027), draftKey: 't-round-fail', onsave });
		await user.type(screen.getByLabelText('Notiz'), 'Wichtig');
		await user.click(submit());
		expect(await screen.findByRole('alert')).toHaveTextContent('Die Runde wurde nicht gespeichert. Zu lang');
		expect(screen.getByLabelText('Notiz')).toHaveValue('Wichtig');
	});

	it('suggests the dates of a Kindergartenjahr when the period kind is switched before any date was typed', async () => {
		const user = userEvent.setup();
		render(RoundForm, {
			initial: roundDefaults(2027),
			draftKey: 't-round-kind',
			onsave: vi.fn(async () => {})
		});
		await user.selectOptions(screen.getByLabelText('Art des Zeitraums'), 'Kindergartenjahr');
		expect(screen.getByLabelText('Beginn des Prüfzeitraums')).toHaveValue('2027-08-01');
		expect(screen.getByLabelText('Ende des Prüfzeitraums')).toHaveValue('2028-07-31');
	});

	it('brings back what was typed when it opens again', async () => {
		const user = userEvent.setup();
		const props = { initial: roundDefaults(2027), draftKey: 't-round-draft', onsave: vi.fn(async () => {}) };
		const first = render(RoundForm, props);
		await user.type(screen.getByLabelText('Notiz'), 'Termin steht noch nicht fest');
		await setDate('Anmeldung', '2026-09-15');
		await expect
			.poll(() => readDraft(db.name, 't-round-draft'))
			.toMatchObject({ note: 'Termin steht noch nicht fest', registrationDate: '2026-09-15' });
		first.unmount();

		render(RoundForm, props);
		await vi.waitFor(() =>
			expect(screen.getByLabelText('Notiz')).toHaveValue('Termin steht noch nicht fest')
		);
		expect(screen.getByLabelText('Anmeldung')).toHaveValue('2026-09-15');
		expect(screen.getByRole('status')).toHaveTextContent('Entwurf wiederhergestellt');
	});

	it('takes over a change from another tablet unless something was typed', async () => {
		const user = userEvent.setup();
		const props = $state({
			initial: roundDefaults(2027),
			draftKey: 't-round-remote',
			onsave: vi.fn(async () => {})
		});
		render(RoundForm, props);
		props.initial = { ...roundDefaults(2027), siteVisitDate: '2028-05-20' };
		await vi.waitFor(() => expect(screen.getByLabelText('Besuch vor Ort')).toHaveValue('2028-05-20'));

		await user.type(screen.getByLabelText('Notiz'), 'Eigene Eingabe');
		props.initial = { ...roundDefaults(2027), siteVisitDate: '2028-05-27' };
		await tick();
		expect(screen.getByLabelText('Besuch vor Ort')).toHaveValue('2028-05-20');
		expect(screen.getByLabelText('Notiz')).toHaveValue('Eigene Eingabe');
	});
});
