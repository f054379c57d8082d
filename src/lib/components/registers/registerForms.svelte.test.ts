import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { db } from '$lib/client/db';
import { readDraft } from '$lib/client/db/drafts';
import type { PreparedAttachment } from '$lib/client/media/attachment';
import { RecordValidationError } from '$lib/client/db/errors';
import { makeOfficeHourPlan, makePartner } from '$fixtures/registers';
import ChildminderArrangementForm from './ChildminderArrangementForm.svelte';
import ChildminderContactForm from './ChildminderContactForm.svelte';
import FamilyEducationOfferForm from './FamilyEducationOfferForm.svelte';
import OfficeHourSessionForm from './OfficeHourSessionForm.svelte';
import PartnerForm from './PartnerForm.svelte';
import PreventionOfferForm from './PreventionOfferForm.svelte';
import PreventionProfileForm from './PreventionProfileForm.svelte';

const TODAY = '2026-03-03';
const saveButton = () => screen.getByRole('button', { name: 'Speichern' });

describe('register forms with bad input', () => {
	it('session log: explains wrong counts in German and keeps "2,5" and "-1" as typed', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn(async () => {});
		render(OfficeHourSessionForm, { plans: [], today: TODAY, unsavedKey: 't-session', onsave });
		await user.type(screen.getByLabelText('Dauer in Minuten'), '2,5');
		await user.type(screen.getByLabelText('Anzahl der Kontakte'), '-1');
		await user.click(saveButton());

		expect(onsave).not.toHaveBeenCalled();
		expect(screen.getByLabelText('Dauer in Minuten')).toHaveAccessibleDescription(
			'Bitte eine ganze Zahl angeben'
		);
		expect(screen.getByLabelText('Anzahl der Kontakte')).toHaveAccessibleDescription(
			'Die Zahl kann nicht negativ sein'
		);
		expect(screen.getByLabelText('Thema')).toHaveAccessibleDescription('Bitte ein Thema wählen');
		expect(screen.getByLabelText('Dauer in Minuten')).toHaveValue('2,5');
		expect(screen.getByLabelText('Anzahl der Kontakte')).toHaveValue('-1');
		expect(screen.getByLabelText('Dauer in Minuten')).toHaveFocus();
	});

	it('session log: prefills the length from the plan and saves counts as numbers', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn(async () => {});
		const plan = makeOfficeHourPlan({ startTime: '14:00', endTime: '15:30' });
		render(OfficeHourSessionForm, { plans: [plan], today: TODAY, unsavedKey: 't-session-2', onsave });
		expect(screen.getByLabelText('Dauer in Minuten')).toHaveValue('90');
		await user.type(screen.getByLabelText('Anzahl der Kontakte'), '4');
		await user.selectOptions(screen.getByLabelText('Thema'), 'Entwicklung des Kindes');
		await user.click(saveButton());
		await vi.waitFor(() => expect(onsave).toHaveBeenCalled());
		expect(onsave).toHaveBeenCalledWith({
			date: TODAY,
			durationMinutes: 90,
			contacts: 4,
			topic: 'entwicklung',
			planId: plan.id
		});
	});

	it('course: marks the session row with the bad participant count and keeps every row', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn(async () => {});
		render(FamilyEducationOfferForm, { partners: [], today: TODAY, unsavedKey: 't-course', onsave });
		await user.type(screen.getByLabelText('Teilnehmende Termin 1'), '8');
		await user.click(screen.getByRole('button', { name: 'Termin hinzufügen' }));
		expect(screen.getByLabelText('Datum Termin 2')).toHaveValue('2026-03-10');
		await user.type(screen.getByLabelText('Teilnehmende Termin 2'), 'zehn');
		await user.click(saveButton());

		expect(onsave).not.toHaveBeenCalled();
		expect(screen.getByLabelText('Titel')).toHaveAccessibleDescription('Bitte einen Titel angeben');
		expect(screen.getByLabelText('Art des Angebots')).toHaveAccessibleDescription(
			'Bitte die Art des Angebots wählen'
		);
		expect(screen.getByLabelText('Teilnehmende Termin 2')).toHaveAccessibleDescription(
			'Bitte die Zahl der Teilnehmenden angeben'
		);
		expect(screen.getByLabelText('Kosten')).toHaveAccessibleDescription(
			'Bitte angeben, ob das Angebot kostenfrei ist'
		);
		expect(screen.getByLabelText('Teilnehmende Termin 1')).toHaveValue('8');
		expect(screen.getByLabelText('Teilnehmende Termin 2')).toHaveValue('zehn');
	});

	it('course: refuses an offer without any date and saves a complete one', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn(async () => {});
		render(FamilyEducationOfferForm, {
			partners: [makePartner({ id: 'p1', name: 'FBS Süd' })],
			today: TODAY,
			unsavedKey: 't-course-2',
			onsave
		});
		await user.type(screen.getByLabelText('Titel'), 'Elterncafé; offen');
		await user.selectOptions(screen.getByLabelText('Art des Angebots'), 'Elterncafé');
		await user.selectOptions(screen.getByLabelText('Kooperationspartner (optional)'), 'FBS Süd');
		await user.selectOptions(screen.getByLabelText('Kosten'), 'Kostenfrei');
		await user.click(screen.getByRole('button', { name: 'Termin 1 entfernen' }));
		await user.click(saveButton());
		expect(onsave).not.toHaveBeenCalled();
		expect(screen.getByText('Bitte mindestens einen Termin angeben')).toBeInTheDocument();

		await user.click(screen.getByRole('button', { name: 'Termin hinzufügen' }));
		await user.type(screen.getByLabelText('Teilnehmende Termin 1'), '12');
		await user.clear(screen.getByLabelText('Sprachen'));
		await user.type(screen.getByLabelText('Sprachen'), 'Deutsch, Arabisch');
		await user.click(screen.getByRole('checkbox', { name: '0–3 Jahre' }));
		await user.click(saveButton());
		await vi.waitFor(() => expect(onsave).toHaveBeenCalled());
		expect(onsave).toHaveBeenCalledWith({
			title: 'Elterncafé; offen',
			kind: 'elterncafe',
			partnerId: 'p1',
			sessions: [{ date: TODAY, participants: 12 }],
			targetGroup: '',
			languages: ['Deutsch', 'Arabisch'],
			free: true,
			location: 'im_zentrum',
			phases: ['null_bis_drei']
		});
	});

	it('Kindertagespflege contact: at least one contact', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn(async () => {});
		render(ChildminderContactForm, { today: TODAY, unsavedKey: 't-contact', onsave });
		await user.clear(screen.getByLabelText('Anzahl'));
		await user.type(screen.getByLabelText('Anzahl'), '0');
		await user.click(saveButton());
		expect(onsave).not.toHaveBeenCalled();
		expect(screen.getByLabelText('Anzahl')).toHaveAccessibleDescription(
			'Wie viele Familien oder Personen Bitte mindestens 1 angeben'
		);
		expect(screen.getByLabelText('Art des Kontakts')).toHaveAccessibleDescription(
			'Bitte die Art des Kontakts wählen'
		);
	});

	it('Kindertagespflege arrangement: end before start', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn(async () => {});
		render(ChildminderArrangementForm, { today: TODAY, unsavedKey: 't-arrangement', onsave });
		await user.selectOptions(screen.getByLabelText('Art'), 'Vertretungsregelung');
		await user.type(screen.getByLabelText('Bezeichnung'), 'Tagespflegeperson B');
		await user.type(screen.getByLabelText('Bis (optional)'), '2026-01-31');
		await user.click(saveButton());
		expect(onsave).not.toHaveBeenCalled();
		expect(screen.getByLabelText('Bis (optional)')).toHaveAccessibleDescription('„Bis“ liegt vor „Von“');
		expect(screen.getByLabelText('Bezeichnung')).toHaveValue('Tagespflegeperson B');
	});

	it('partner: agreement ending before it was signed, then saved with the picked file', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn(async (_fields: unknown, _file: PreparedAttachment | null) => {});
		const prepared: PreparedAttachment = {
			blob: new Blob(['%PDF-']),
			fileName: 'KV.pdf',
			mimeType: 'application/pdf',
			size: 5
		};
		const prepareFile = vi.fn(async () => ({ ok: true as const, attachment: prepared }));
		render(PartnerForm, { unsavedKey: 't-partner', prepareFile, onsave });
		await user.type(screen.getByLabelText('Name der Organisation'), 'Erziehungsberatung Nord');
		await user.selectOptions(screen.getByLabelText('Art des Partners'), 'Erziehungsberatungsstelle');
		await user.click(screen.getByRole('checkbox', { name: 'Es gibt eine schriftliche Vereinbarung' }));
		await user.type(screen.getByLabelText('Unterschrieben am'), '2026-05-01');
		await user.type(screen.getByLabelText('Gültig bis (optional)'), '2026-04-01');
		await user.upload(
			screen.getByLabelText('Datei der Vereinbarung (optional)'),
			new File(['%PDF-'], 'KV.pdf', { type: 'application/pdf' })
		);
		await user.click(saveButton());
		expect(onsave).not.toHaveBeenCalled();
		expect(screen.getByLabelText('Gültig bis (optional)')).toHaveAccessibleDescription(
			'Leer lassen, wenn die Vereinbarung unbefristet gilt. „Gültig bis“ liegt vor „Unterschrieben am“'
		);

		await user.clear(screen.getByLabelText('Gültig bis (optional)'));
		await user.type(screen.getByLabelText('Gültig bis (optional)'), '2029-04-30');
		await user.click(saveButton());
		// A kept draft is removed before the save starts.
		await vi.waitFor(() => expect(onsave).toHaveBeenCalled());
		expect(onsave).toHaveBeenCalledWith(
			{
				name: 'Erziehungsberatung Nord',
				kind: 'erziehungsberatungsstelle',
				contactRole: '',
				agreement: { signedOn: '2026-05-01', validUntil: '2029-04-30', attachment: null }
			},
			prepared
		);
	});

	it('partner: shows a refused file next to the file field', async () => {
		const user = userEvent.setup();
		const prepareFile = vi.fn(async () => ({
			ok: false as const,
			message: 'Dieser Dateityp wird nicht angenommen.'
		}));
		render(PartnerForm, { unsavedKey: 't-partner-2', prepareFile, onsave: vi.fn() });
		await user.click(screen.getByRole('checkbox', { name: 'Es gibt eine schriftliche Vereinbarung' }));
		await user.upload(
			screen.getByLabelText('Datei der Vereinbarung (optional)'),
			new File(['x'], 'vertrag.pdf', { type: 'application/pdf' })
		);
		expect(screen.getByLabelText('Datei der Vereinbarung (optional)')).toHaveAccessibleDescription(
			'PDF oder Foto der unterschriebenen Vereinbarung Dieser Dateityp wird nicht angenommen.'
		);
	});

	it('shows field messages that come back from the database check', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn(async () => {
			throw new RecordValidationError('preventionProfiles', [
				{ path: 'networkName', message: 'Höchstens 200 Zeichen' }
			]);
		});
		render(PreventionProfileForm, { unsavedKey: 't-profile', prepareFile: vi.fn(), onsave });
		await user.selectOptions(screen.getByLabelText('Art des Netzwerks'), 'Netzwerk Frühe Hilfen');
		await user.selectOptions(screen.getByLabelText('Rolle des Familienzentrums'), 'Lokale Anlaufstelle');
		await user.type(screen.getByLabelText('Name des Netzwerks oder Programms'), 'Frühe Hilfen Musterstadt');
		await user.click(saveButton());
		await vi.waitFor(() => expect(onsave).toHaveBeenCalled());
		expect(onsave).toHaveBeenCalledOnce();
		expect(screen.getByLabelText('Name des Netzwerks oder Programms')).toHaveAccessibleDescription(
			'Höchstens 200 Zeichen'
		);
		expect(screen.getByLabelText('Name des Netzwerks oder Programms')).toHaveValue(
			'Frühe Hilfen Musterstadt'
		);
	});

	it('prevention offer: wants phases and kinds, and focuses the first problem', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn(async () => {});
		render(PreventionOfferForm, { today: TODAY, unsavedKey: 't-offer', onsave });
		await user.type(screen.getByLabelText('Titel'), 'Babytreff');
		await user.click(saveButton());
		expect(onsave).not.toHaveBeenCalled();
		const phases = screen.getByRole('group', { name: 'Phasen der Präventionskette' });
		expect(within(phases).getByText('Bitte mindestens eine Phase wählen')).toBeInTheDocument();
		expect(within(phases).getByRole('checkbox', { name: 'Schwangerschaft' })).toHaveFocus();
		expect(screen.getByText('Bitte mindestens eine Art wählen')).toBeInTheDocument();
	});
});

describe('register forms keep a draft', () => {
	it('course: brings back what was typed, adds sessions to it, and forgets it on „Abbrechen“', async () => {
		const user = userEvent.setup();
		const props = { partners: [], today: TODAY, unsavedKey: 't-course-draft', onsave: vi.fn(async () => {}) };
		const first = render(FamilyEducationOfferForm, { ...props, oncancel: vi.fn() });
		await user.type(screen.getByLabelText('Titel'), 'Babymassage');
		await user.click(screen.getByRole('button', { name: 'Termin hinzufügen' }));
		await user.type(screen.getByLabelText('Teilnehmende Termin 2'), '6');
		await expect.poll(() => readDraft(db.name, 't-course-draft')).toMatchObject({ title: 'Babymassage' });
		first.unmount();

		const oncancel = vi.fn();
		render(FamilyEducationOfferForm, { ...props, oncancel });
		await vi.waitFor(() => expect(screen.getByLabelText('Titel')).toHaveValue('Babymassage'));
		expect(screen.getByRole('status')).toHaveTextContent('Entwurf wiederhergestellt');
		expect(screen.getByLabelText('Teilnehmende Termin 2')).toHaveValue('6');
		// A session added to the restored draft is a row of its own.
		await user.click(screen.getByRole('button', { name: 'Termin hinzufügen' }));
		expect(screen.getByLabelText('Datum Termin 3')).toHaveValue('2026-03-17');

		await user.click(screen.getByRole('button', { name: 'Abbrechen' }));
		expect(oncancel).toHaveBeenCalled();
		await expect.poll(() => readDraft(db.name, 't-course-draft')).toBeUndefined();
	});
});
