import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { Blob as NodeBlob } from 'node:buffer';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '$lib/client/db';
import { setActor } from '$lib/client/db/meta';
import { criterionStatusId } from '$lib/domain/records';
import CriterionDetail from './CriterionDetail.svelte';
import { stubObjectUrls, testCatalogue } from './testFixtures';

const FACILITY = 'fz-integration';
const criterion = testCatalogue.criteria[0];

beforeAll(async () => {
	await setActor({ displayName: 'Leitung Anna' });
});

beforeEach(() => {
	stubObjectUrls();
});

/**
 * The real services, except that the prepared file is handed on as a Node Blob: jsdom's Blob gives
 * ArrayBuffers of another realm, which Node's crypto.subtle.digest refuses (browsers have one realm).
 */
vi.mock('$lib/client/media/attachment', async (original) => {
	const real = await original<typeof import('$lib/client/media/attachment')>();
	return {
		...real,
		prepareAttachment: async (file: File, kind: 'photo' | 'file') => {
			const result = await real.prepareAttachment(file, kind);
			if (!result.ok) return result;
			const bytes = new Uint8Array(await result.attachment.blob.arrayBuffer());
			const blob = new NodeBlob([bytes], { type: result.attachment.mimeType }) as unknown as Blob;
			return { ok: true as const, attachment: { ...result.attachment, blob } };
		}
	};
});

function readBack() {
	return Promise.all([
		db.criterionStatuses.get(criterionStatusId(FACILITY, criterion.id)),
		db.evidence.where('criterionIds').equals(criterion.id).toArray()
	]);
}

describe('CriterionDetail with the real services and IndexedDB', () => {
	it('stores a status change with who made it, and a PDF with its file, each with an outbox entry', async () => {
		const user = userEvent.setup();
		const { rerender } = render(CriterionDetail, {
			criterion,
			catalogue: testCatalogue,
			status: undefined,
			evidence: [],
			facilityId: FACILITY,
			today: '2026-11-21'
		});

		await user.click(screen.getByRole('radio', { name: 'Erfüllt' }));
		expect(await screen.findByText('Status „Erfüllt“ gespeichert')).toBeInTheDocument();
		let [status, evidence] = await readBack();
		expect(status).toMatchObject({ status: 'erfuellt', updatedBy: 'Leitung Anna', facilityId: FACILITY });
		await rerender({ status });
		expect(screen.getByText(/Zuletzt geändert von Leitung Anna am/)).toBeInTheDocument();
		expect(screen.getByRole('radio', { name: 'Erfüllt' })).toBeChecked();

		await user.click(screen.getByRole('button', { name: 'Nachweis hinzufügen' }));
		await user.click(screen.getByRole('radio', { name: 'Datei' }));
		const pdf = new File(['%PDF-1.7\nKooperationsvereinbarung'], 'Vereinbarung.pdf', {
			type: 'application/pdf'
		});
		await user.upload(screen.getByLabelText('Datei auswählen'), pdf);
		expect(await screen.findByText('Vereinbarung.pdf')).toBeInTheDocument();
		await user.type(screen.getByLabelText('Titel'), 'Kooperationsvereinbarung Beratungsstelle');
		await user.type(screen.getByLabelText('Gültig bis (optional)'), '2027-01-31');
		await user.click(screen.getByRole('button', { name: 'Nachweis speichern' }));
		expect(
			await screen.findByText(/Nachweis „Kooperationsvereinbarung Beratungsstelle“ gespeichert/)
		).toBeInTheDocument();

		[status, evidence] = await readBack();
		expect(evidence).toHaveLength(1);
		expect(evidence[0]).toMatchObject({
			kind: 'file',
			facilityId: FACILITY,
			validUntil: '2027-01-31',
			criterionIds: ['1.1'],
			attachment: { mimeType: 'application/pdf', fileName: 'Vereinbarung.pdf', size: pdf.size }
		});
		const stored = await db.attachments.get(evidence[0].attachment!.sha256);
		expect(stored?.size).toBe(pdf.size);
		const outbox = await db.outbox.toArray();
		expect(outbox.map((o) => o.table).sort()).toEqual(['criterionStatuses', 'evidence']);

		await rerender({ evidence });
		const item = screen.getByRole('article', { name: 'Kooperationsvereinbarung Beratungsstelle' });
		expect(within(item).getByText(/läuft bald ab \(noch 71 Tage\)/)).toBeInTheDocument();
		await waitFor(() => expect(within(item).getByRole('link', { name: /Öffnen/ })).toBeInTheDocument());

		await user.click(within(item).getByRole('button', { name: /Löschen/ }));
		await user.click(within(item).getByRole('button', { name: 'Ja, löschen' }));
		await waitFor(async () => expect((await db.evidence.get(evidence[0].id))?.deleted).toBe(true));
	}, 30_000);
});
