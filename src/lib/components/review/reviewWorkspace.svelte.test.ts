import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
	makeDossier,
	makeEvidence,
	makeFeedback,
	makeSnapshot,
	makeStatus,
	reviewCatalogue
} from '../../../../tests/fixtures/reviewDossier';
import ReviewWorkspace from './ReviewWorkspace.svelte';

const sha = (c: string) => c.repeat(64);
const v1 = makeDossier(
	1,
	makeSnapshot({
		statuses: [makeStatus('1.1', 'in_arbeit', 'Plan folgt'), makeStatus('1.2', 'erfuellt')],
		evidence: [makeEvidence('alt', ['1.1'], { title: 'Alter Aushang' }), makeEvidence('e2', ['1.2'])]
	})
);
const v2 = makeDossier(
	2,
	makeSnapshot({
		statuses: [makeStatus('1.1', 'erfuellt', 'Plan liegt bei'), makeStatus('1.2', 'erfuellt')],
		evidence: [
			makeEvidence('foto', ['1.1'], {
				kind: 'photo',
				title: 'Foto Sprechstundenplan',
				attachment: { sha256: sha('a'), mimeType: 'image/jpeg', size: 2000, fileName: 'plan.jpg' }
			}),
			makeEvidence('konzept', ['1.1'], {
				title: 'Konzept',
				attachment: { sha256: sha('b'), mimeType: 'application/pdf', size: 2000, fileName: 'konzept.pdf' }
			}),
			makeEvidence('e2', ['1.2']),
			makeEvidence('e3', ['2.1'], { title: 'Öffnungszeiten-Aushang' })
		]
	})
);
const context = {
	dossiers: [v2, v1],
	feedback: [makeFeedback('1.2'), makeFeedback('2.2', { verdict: 'passt' })],
	messages: []
};

function renderWorkspace(reviewed = false) {
	return render(ReviewWorkspace, {
		props: {
			snapshot: v2.snapshot,
			catalogue: reviewCatalogue,
			context,
			previous: { summary: v1, snapshot: v1.snapshot },
			reviewed: reviewed ? { summary: v1, snapshot: v1.snapshot } : null
		}
	});
}

const count = () => screen.getByRole('status');
const listed = () =>
	within(screen.getByRole('navigation', { name: 'Kriterien der Mappe' }))
		.getAllByRole('button')
		.map((b) => b.dataset.criterion);
const current = () =>
	within(screen.getByRole('navigation', { name: 'Kriterien der Mappe' }))
		.getAllByRole('button')
		.find((b) => b.getAttribute('aria-current') === 'true')?.dataset.criterion;

describe('the review page of a dossier version', () => {
	it('counts, filters by status, evidence and feedback, and resets', async () => {
		const user = userEvent.setup();
		renderWorkspace();
		expect(count()).toHaveTextContent('5 von 5 Kriterien');
		await user.selectOptions(screen.getByLabelText('Status'), 'Erfüllt');
		expect(count()).toHaveTextContent('2 von 5 Kriterien');
		expect(listed()).toEqual(['1.1', '1.2']);
		await user.selectOptions(screen.getByLabelText('Nachweise'), 'Ohne Nachweise');
		expect(count()).toHaveTextContent('0 von 5 Kriterien');
		await user.click(screen.getByRole('button', { name: 'Filter zurücksetzen' }));
		await user.selectOptions(screen.getByLabelText('Rückmeldung'), 'Offen (wartet auf die Kita)');
		expect(listed()).toEqual(['1.2']);
		await user.selectOptions(screen.getByLabelText('Rückmeldung'), 'Passt');
		expect(listed()).toEqual(['2.2']);
	});

	it('searches ids, titles, notes and evidence titles', async () => {
		const user = userEvent.setup();
		renderWorkspace();
		await user.type(screen.getByRole('searchbox', { name: 'Suche' }), 'aushang');
		expect(listed()).toEqual(['2.1']);
		await user.clear(screen.getByRole('searchbox', { name: 'Suche' }));
		await user.type(screen.getByRole('searchbox', { name: 'Suche' }), 'liegt bei');
		expect(listed()).toEqual(['1.1']);
		expect(count()).toHaveTextContent('1 von 5 Kriterien');
	});

	it('shows only criteria changed since the previous version or her last review', async () => {
		const user = userEvent.setup();
		renderWorkspace(true);
		await user.click(screen.getByRole('checkbox', { name: 'Nur geänderte Kriterien' }));
		expect(listed()).toEqual(['1.1', '2.1']);
		await user.selectOptions(
			screen.getByLabelText('Geändert seit'),
			'seit meiner letzten Rückmeldung (Version 1)'
		);
		expect(listed()).toEqual(['1.1', '2.1']);
	});

	it('steps through the filtered list by keyboard and buttons, announced, never while typing', async () => {
		const user = userEvent.setup();
		renderWorkspace();
		expect(current()).toBe('1.1');
		await user.keyboard('j');
		expect(current()).toBe('1.2');
		expect(screen.getByText(/^Kriterium 1\.2 Kriterium 1\.2, 2 von 5$/)).toBeInTheDocument();
		await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
		expect(current()).toBe('1.3');
		await user.keyboard('k');
		expect(current()).toBe('1.2');
		await user.click(screen.getByRole('button', { name: 'Nächstes Kriterium' }));
		expect(current()).toBe('1.3');
		await user.click(screen.getByRole('button', { name: 'Voriges Kriterium' }));
		expect(current()).toBe('1.2');
		// Every title holds a „k“: the list stays whole, and the key only types.
		await user.type(screen.getByRole('searchbox', { name: 'Suche' }), 'k');
		expect(current()).toBe('1.2');
	});

	it('shows a criterion’s evidence in the page and what changed, with the old values', async () => {
		const user = userEvent.setup();
		renderWorkspace();
		await user.click(screen.getByRole('button', { name: /^1\.1 Kriterium 1\.1/ }));
		const detail = screen.getByRole('article');
		expect(within(detail).getByRole('img', { name: 'Foto Sprechstundenplan' })).toHaveAttribute(
			'loading',
			'lazy'
		);
		const changes = within(detail).getByRole('region', { name: 'Änderungen gegenüber Version 1' });
		expect(changes).toHaveTextContent('Status: Erfüllt (vorher: In Arbeit)');
		expect(changes).toHaveTextContent('Notiz (vorher: „Plan folgt“)');
		expect(changes).toHaveTextContent('neu Nachweis „Foto Sprechstundenplan“');
		expect(changes).toHaveTextContent('entfernt Nachweis „Alter Aushang“');
		await user.click(within(detail).getByRole('button', { name: 'PDF hier ansehen: Konzept' }));
		expect(within(detail).getByTitle('PDF: Konzept')).toHaveAttribute(
			'src',
			`/api/sync/attachments/${sha('b')}?name=konzept.pdf&inline=1`
		);
	});
});
