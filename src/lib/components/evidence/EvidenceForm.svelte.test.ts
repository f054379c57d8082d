import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { prepareAttachment } from '$lib/client/media/attachment';
import { unsavedInput } from '$lib/client/state/unsavedInput.svelte';
import { stubObjectUrls, testCatalogue } from '$lib/components/criterion/testFixtures';
import { MAX_ATTACHMENT_BYTES } from '$lib/domain/records';
import EvidenceForm from './EvidenceForm.svelte';
import { validateEvidenceDraft, type EvidenceDraft } from './evidenceDraft';

beforeEach(() => {
	stubObjectUrls();
});

function renderForm(prepareFile = prepareAttachment) {
	const onsubmit = vi.fn(async () => {});
	const oncancel = vi.fn();
	const result = render(EvidenceForm, {
		catalogue: testCatalogue,
		criterionId: '1.1',
		today: '2026-11-21',
		unsavedKey: 'evidence-form:test',
		prepareFile,
		onsubmit,
		oncancel
	});
	return { ...result, onsubmit, oncancel };
}

/** A PDF that claims `size` bytes without allocating them. */
function bigPdf(size: number): File {
	const file = new File(['%PDF-1.7\n'], 'Scan Kooperationsvertrag.pdf', { type: 'application/pdf' });
	Object.defineProperty(file, 'size', { value: size });
	return file;
}

describe('EvidenceForm', () => {
	it('starts as a note dated today, linked to the criterion it was opened from', () => {
		renderForm();
		expect(screen.getByRole('radio', { name: 'Notiz' })).toBeChecked();
		expect(screen.getByLabelText('Datum des Nachweises')).toHaveValue('2026-11-21');
		expect(screen.getByLabelText('Gültig bis (optional)')).toHaveValue('');
		expect(screen.getByRole('button', { name: 'Kriterium 1.1 entfernen' })).toBeInTheDocument();
	});

	it('shows the German message for a missing title next to the field and keeps everything else', async () => {
		const user = userEvent.setup();
		const { onsubmit } = renderForm();
		await user.type(screen.getByLabelText('Text der Notiz'), 'Elternabend am 12. November');
		await user.type(screen.getByLabelText('Gültig bis (optional)'), '2027-07-31');
		await user.click(screen.getByRole('button', { name: 'Nachweis speichern' }));

		const title = screen.getByLabelText('Titel');
		expect(screen.getByText('Bitte einen Titel angeben')).toBeInTheDocument();
		expect(title).toHaveAttribute('aria-invalid', 'true');
		expect(title).toHaveAccessibleDescription('Bitte einen Titel angeben');
		expect(title).toHaveFocus();
		expect(screen.getByLabelText('Text der Notiz')).toHaveValue('Elternabend am 12. November');
		expect(screen.getByLabelText('Gültig bis (optional)')).toHaveValue('2027-07-31');
		expect(onsubmit).not.toHaveBeenCalled();
	});

	it('shows every problem at once, including a valid-until before the date', async () => {
		const user = userEvent.setup();
		renderForm();
		await user.type(screen.getByLabelText('Gültig bis (optional)'), '2026-01-31');
		await user.click(screen.getByRole('button', { name: 'Kriterium 1.1 entfernen' }));
		await user.click(screen.getByRole('button', { name: 'Nachweis speichern' }));
		expect(screen.getByText('Bitte einen Titel angeben')).toBeInTheDocument();
		expect(screen.getByText('Bitte mindestens ein Kriterium zuordnen')).toBeInTheDocument();
		expect(screen.getByText('„Gültig bis“ liegt vor „Datum des Nachweises“')).toBeInTheDocument();
	});

	it('asks for a complete address for a link', async () => {
		const user = userEvent.setup();
		const { onsubmit } = renderForm();
		await user.click(screen.getByRole('radio', { name: 'Link' }));
		await user.type(screen.getByLabelText('Titel'), 'Programm auf der Webseite');
		await user.type(screen.getByLabelText('Adresse (Link)'), 'fz-sonnenblume');
		await user.click(screen.getByRole('button', { name: 'Nachweis speichern' }));
		expect(screen.getByText('Bitte eine vollständige Adresse (https://…) angeben')).toBeInTheDocument();
		expect(onsubmit).not.toHaveBeenCalled();
	});

	it('refuses a file over the limit with its size and the limit, keeping the rest of the form', async () => {
		const user = userEvent.setup();
		const { onsubmit } = renderForm();
		await user.click(screen.getByRole('radio', { name: 'Datei' }));
		await user.type(screen.getByLabelText('Titel'), 'Kooperationsvertrag');
		await user.upload(screen.getByLabelText('Datei auswählen'), bigPdf(Math.round(31.4 * 1024 * 1024)));

		expect(
			await screen.findByText(/Die Datei ist zu groß: 31,4 MB\. Erlaubt sind höchstens 25 MB\./)
		).toBeVisible();
		expect(screen.getByLabelText('Titel')).toHaveValue('Kooperationsvertrag');
		await user.click(screen.getByRole('button', { name: 'Nachweis speichern' }));
		expect(onsubmit).not.toHaveBeenCalled();
		expect(screen.getByLabelText('Titel')).toHaveValue('Kooperationsvertrag');
	});

	it('refuses a file that is neither a PDF nor an image, whatever it is called', async () => {
		const user = userEvent.setup({ applyAccept: false });
		renderForm();
		await user.click(screen.getByRole('radio', { name: 'Datei' }));
		await user.upload(
			screen.getByLabelText('Datei auswählen'),
			new File(['PK\x03\x04word/'], 'vertrag.pdf', { type: 'application/pdf' })
		);
		expect(await screen.findByText(/Dieser Dateityp wird nicht angenommen/)).toBeInTheDocument();
	});

	it('accepts a PDF of the right size and hands it over with the text', async () => {
		const user = userEvent.setup();
		const { onsubmit } = renderForm();
		await user.click(screen.getByRole('radio', { name: 'Datei' }));
		const pdf = bigPdf(MAX_ATTACHMENT_BYTES);
		await user.upload(screen.getByLabelText('Datei auswählen'), pdf);
		expect(await screen.findByText('Scan Kooperationsvertrag.pdf')).toBeInTheDocument();
		await user.type(screen.getByLabelText('Titel'), 'Kooperationsvertrag');
		await user.click(screen.getByRole('button', { name: 'Nachweis speichern' }));
		await vi.waitFor(() => expect(onsubmit).toHaveBeenCalled(), { timeout: 15_000 });
		expect(onsubmit).toHaveBeenCalledWith(
			expect.objectContaining({ kind: 'file', title: 'Kooperationsvertrag' }),
			{
				blob: pdf,
				fileName: 'Scan Kooperationsvertrag.pdf',
				mimeType: 'application/pdf',
				size: MAX_ATTACHMENT_BYTES
			}
		);
	});

	it('asks for a file when a photo has none', async () => {
		const user = userEvent.setup();
		renderForm();
		await user.click(screen.getByRole('radio', { name: 'Foto' }));
		await user.type(screen.getByLabelText('Titel'), 'Aushang');
		await user.click(screen.getByRole('button', { name: 'Nachweis speichern' }));
		expect(screen.getByText('Bitte eine Datei auswählen')).toBeInTheDocument();
	});

	it('reminds not to photograph children or families and offers camera and picker', async () => {
		const user = userEvent.setup();
		renderForm();
		await user.click(screen.getByRole('radio', { name: 'Foto' }));
		expect(screen.getByText('Bitte fotografieren Sie keine Kinder oder Familien.')).toBeInTheDocument();
		expect(screen.getByText(/Fotografieren Sie Aushänge, Flyer und Dokumente\./)).toBeInTheDocument();
		const camera = screen.getByLabelText('Foto aufnehmen');
		expect(camera).toHaveAttribute('capture', 'environment');
		expect(camera).toHaveAttribute('accept', 'image/*');
		expect(camera).toHaveAccessibleDescription(/keine Kinder oder Familien/);
		expect(screen.getByLabelText('Bild auswählen')).toHaveAttribute('accept', 'image/*');
	});

	it('hands a photo to the preparation step and shows what will be stored', async () => {
		const user = userEvent.setup();
		const prepared = new Blob(['jpeg'], { type: 'image/jpeg' });
		const prepareFile = vi.fn(async () => ({
			ok: true as const,
			attachment: {
				blob: prepared,
				fileName: 'IMG_0001.jpg',
				mimeType: 'image/jpeg',
				size: 480_000,
				width: 2000,
				height: 1500
			}
		}));
		renderForm(prepareFile);
		await user.click(screen.getByRole('radio', { name: 'Foto' }));
		const photo = new File(['raw'], 'IMG_0001.HEIC', { type: 'image/heic' });
		await user.upload(screen.getByLabelText('Foto aufnehmen'), photo);
		expect(prepareFile).toHaveBeenCalledWith(photo, 'photo');
		expect(await screen.findByText('IMG_0001.jpg')).toBeInTheDocument();
		expect(screen.getByText(/2000 × 1500 Pixel/)).toBeInTheDocument();
		expect(screen.getByRole('img', { name: 'Vorschau des gewählten Bildes' })).toBeInTheDocument();
	});

	it('links further criteria found by searching', async () => {
		const user = userEvent.setup();
		const { onsubmit } = renderForm();
		await user.type(screen.getByLabelText('Weitere Kriterien suchen'), 'aushang');
		await user.click(screen.getByRole('checkbox', { name: /3\.1 Aushänge und Flyer/ }));
		expect(screen.getByRole('button', { name: 'Kriterium 3.1 entfernen' })).toBeInTheDocument();
		await user.type(screen.getByLabelText('Titel'), 'Flyer');
		await user.click(screen.getByRole('button', { name: 'Nachweis speichern' }));
		await vi.waitFor(() => expect(onsubmit).toHaveBeenCalled(), { timeout: 15_000 });
		expect(onsubmit).toHaveBeenCalledWith(expect.objectContaining({ criterionIds: ['1.1', '3.1'] }), null);
	});

	it('reports unsaved input while something is typed and clears it when closed', async () => {
		const user = userEvent.setup();
		const { unmount } = renderForm();
		expect(unsavedInput.any).toBe(false);
		await user.type(screen.getByLabelText('Titel'), 'A');
		await waitFor(() => expect(unsavedInput.any).toBe(true));
		unmount();
		expect(unsavedInput.any).toBe(false);
	});

	it('keeps everything typed and says why when saving fails', async () => {
		const user = userEvent.setup();
		const { onsubmit } = renderForm();
		onsubmit.mockRejectedValueOnce(
			Object.assign(new Error('Der Speicher dieses Geräts ist voll.'), { name: 'StorageFullError' })
		);
		await user.type(screen.getByLabelText('Titel'), 'Elternbrief');
		await user.click(screen.getByRole('button', { name: 'Nachweis speichern' }));
		expect(
			await screen.findByText(/Der Nachweis konnte nicht gespeichert werden\. Der Speicher/)
		).toBeInTheDocument();
		expect(screen.getByLabelText('Titel')).toHaveValue('Elternbrief');
	});
});

describe('validateEvidenceDraft', () => {
	const draft: EvidenceDraft = {
		kind: 'note',
		title: '  Elternabend  ',
		date: '2026-11-21',
		validUntil: '',
		url: 'https://ignored.example',
		note: '',
		criterionIds: ['1.1']
	};

	it('trims the title, turns an empty valid-until into null and drops the address of a non-link', () => {
		expect(validateEvidenceDraft(draft, null)).toEqual({
			ok: true,
			input: { ...draft, title: 'Elternabend', validUntil: null, url: '' }
		});
	});

	it('gives German messages for a cleared date and an overlong title', () => {
		const result = validateEvidenceDraft({ ...draft, date: '', title: 'x'.repeat(201) }, null);
		expect(result).toEqual({
			ok: false,
			errors: { date: 'Bitte ein gültiges Datum angeben', title: 'Höchstens 200 Zeichen' }
		});
	});
});
