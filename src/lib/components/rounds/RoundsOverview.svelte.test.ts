import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeRound, makeRoundEvidence } from '$fixtures/rounds';
import type { Evidence } from '$lib/domain/records';
import type { CertificationRound } from '$lib/domain/rounds/schema';
import RoundsOverview from './RoundsOverview.svelte';

const r2023 = makeRound({
	id: 'r2023',
	periodStart: '2023-01-01',
	periodEnd: '2023-12-31',
	siteVisitDate: '2024-06-15'
});
const r2027 = makeRound({ id: 'r2027', form: 'verbund' });

function setup(rounds: CertificationRound[], evidence: Evidence[] = []) {
	const actions = {
		onadd: vi.fn(async () => {}),
		onupdate: vi.fn(async () => {}),
		ondelete: vi.fn(async () => {}),
		oncarry: vi.fn(async (_round: string, ids: string[]) => ids.length)
	};
	render(RoundsOverview, { rounds, evidence, criteria: [{ id: '1.1' }], today: '2026-12-05', ...actions });
	return { ...actions, user: userEvent.setup() };
}

describe('RoundsOverview', () => {
	it('lists the rounds, latest first, and marks the current one with its key dates', () => {
		setup([r2023, r2027]);
		const list = screen.getByRole('list', { name: 'Zertifizierungsrunden' });
		const cards = within(list).getAllByRole('article');
		expect(cards.map((c) => within(c).getByRole('heading', { level: 3 }).textContent?.trim())).toEqual([
			'Rezertifizierung · Verbund · Prüfzeitraum Kalenderjahr 2027 Aktuelle Runde',
			'Rezertifizierung · Einzeleinrichtung · Prüfzeitraum Kalenderjahr 2023'
		]);
		expect(within(cards[0]).getByText('Besuch vor Ort').nextElementSibling).toHaveTextContent('15.06.2028');
		expect(within(cards[0]).getByText('2027 (1. Jan – 31. Dez)')).toBeInTheDocument();
	});

	it('carries long-lived evidence over after a preview and one confirm', async () => {
		const evidence = [
			makeRoundEvidence({
				id: 'v',
				title: 'Kooperationsvertrag',
				date: '2023-03-01',
				validUntil: '2028-12-31'
			}),
			makeRoundEvidence({ id: 'k', title: 'Konzept', date: '2023-05-01' }),
			makeRoundEvidence({ id: 'x', title: 'Abgelaufen', date: '2023-05-01', validUntil: '2025-01-31' })
		];
		const { oncarry, user } = setup([r2023, r2027], evidence);
		await user.click(screen.getByRole('button', { name: 'Langlebige Nachweise übernehmen (2)' }));
		const preview = screen.getByRole('group', { name: 'Diese Nachweise übernehmen' });
		expect(within(preview).getAllByRole('checkbox')).toHaveLength(2);
		await user.click(within(preview).getByRole('checkbox', { name: /Konzept/ }));
		await user.click(screen.getByRole('button', { name: '1 Nachweis übernehmen' }));

		expect(oncarry).toHaveBeenCalledExactlyOnceWith('r2027', ['v']);
		expect(await screen.findByText('1 Nachweis in diese Runde übernommen.')).toBeInTheDocument();
	});

	it('offers a new round with the usual dates four years on', async () => {
		const { onadd, user } = setup([r2027]);
		await user.click(screen.getByRole('button', { name: 'Neue Runde anlegen' }));
		expect(screen.getByLabelText('Beginn des Prüfzeitraums')).toHaveValue('2031-01-01');
		await user.click(screen.getByRole('button', { name: 'Runde anlegen' }));
		expect(onadd).toHaveBeenCalledWith(
			expect.objectContaining({ periodStart: '2031-01-01', periodEnd: '2031-12-31' })
		);
	});

	it('asks before deleting a round', async () => {
		const { ondelete, user } = setup([r2027]);
		await user.click(screen.getByRole('button', { name: /^Löschen:/ }));
		await user.click(screen.getByRole('button', { name: 'Ja, löschen' }));
		expect(ondelete).toHaveBeenCalledWith('r2027');
	});

	it('explains what a round is for while there is none', () => {
		setup([]);
		expect(screen.getByText('Noch keine Zertifizierungsrunde eingetragen.')).toBeInTheDocument();
	});
});
