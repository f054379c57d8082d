import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { portfolioView } from '$lib/client/state/portfolio.svelte';
import { portfolioRow } from '$lib/domain/review/testing/portfolioRows';
import Portfolio from './Portfolio.svelte';

const download = vi.hoisted(() => vi.fn());
vi.mock('$lib/client/services/registers/csvDownload', () => ({ downloadCsv: download }));

const today = '2026-11-23';
const facilities = [
	portfolioRow({ id: 'c', name: 'Café Kunterbunt', unansweredReplies: 1 }),
	portfolioRow({ id: 'a', name: 'Arche', openFeedback: 2, sealValidUntil: '2027-02-28' }),
	portfolioRow({
		id: 'b',
		name: 'Bärenhöhle',
		readiness: { passes: true, points: 44 },
		nextDate: { kind: 'siteVisit', date: '2027-03-15' }
	})
];

function names(): string[] {
	const table = screen.getByRole('table');
	return within(table)
		.getAllByRole('rowheader')
		.map((th) => th.textContent!.trim());
}

describe('the advisor’s portfolio', () => {
	beforeEach(() => {
		portfolioView.reset();
		download.mockClear();
	});

	it('shows every centre in a table with a caption and its figures', () => {
		render(Portfolio, { facilities, today });
		expect(screen.getByRole('status')).toHaveTextContent('3 von 3 Zentren');
		expect(screen.getByRole('table', { name: /Meine Familienzentren: 3 von 3 Zentren/ })).toBeInTheDocument();
		expect(names()).toEqual(['Arche', 'Bärenhöhle', 'Café Kunterbunt']);
		const arche = screen.getByRole('row', { name: /Arche/ });
		expect(arche).toHaveTextContent('nicht erreicht');
		expect(arche).toHaveTextContent('20 von 40 Punkten, Basis 7 von 12');
		expect(arche).toHaveTextContent('28.02.2027');
		expect(arche).toHaveTextContent('läuft bald ab');
		expect(screen.getByRole('row', { name: /Bärenhöhle/ })).toHaveTextContent('15.03.2027 Besuch vor Ort');
		expect(screen.getByRole('link', { name: 'Arche' })).toHaveAttribute('href', '/beratung/a');
		// The table scrolls sideways in a region the keyboard reaches.
		const region = screen.getByRole('region', { name: /Meine Familienzentren/ });
		expect(region).toHaveAttribute('tabindex', '0');
	});

	it('sorts by a column with the header button and says so with aria-sort', async () => {
		const user = userEvent.setup();
		render(Portfolio, { facilities, today });
		const nameHeader = screen.getByRole('columnheader', { name: /Familienzentrum/ });
		expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');

		await user.click(screen.getByRole('button', { name: /Offene Punkte/ }));
		const openHeader = screen.getByRole('columnheader', { name: /Offene Punkte/ });
		expect(openHeader).toHaveAttribute('aria-sort', 'descending');
		expect(nameHeader).not.toHaveAttribute('aria-sort');
		expect(names()[0]).toBe('Arche');

		await user.click(screen.getByRole('button', { name: /Familienzentrum/ }));
		await user.click(screen.getByRole('button', { name: /Familienzentrum/ }));
		expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
		expect(names()).toEqual(['Café Kunterbunt', 'Bärenhöhle', 'Arche']);
	});

	it('filters by name and by the checks, and counts what is shown', async () => {
		const user = userEvent.setup();
		render(Portfolio, { facilities, today });
		await user.type(screen.getByLabelText('Suche nach Name'), 'bär');
		expect(names()).toEqual(['Bärenhöhle']);
		expect(screen.getByRole('status')).toHaveTextContent('1 von 3 Zentren');

		await user.click(screen.getByRole('button', { name: 'Filter zurücksetzen' }));
		await user.click(screen.getByLabelText('nur mit unbeantworteten Antworten'));
		expect(names()).toEqual(['Café Kunterbunt']);

		await user.click(screen.getByLabelText('nur mit unbeantworteten Antworten'));
		await user.click(screen.getByLabelText('Siegel läuft in 6 Monaten ab'));
		expect(names()).toEqual(['Arche']);

		await user.click(screen.getByLabelText('Siegel läuft in 6 Monaten ab'));
		await user.click(screen.getByLabelText('Mindestanforderungen nicht erreicht'));
		expect(names()).toEqual(['Arche', 'Café Kunterbunt']);

		await user.click(screen.getByLabelText('nur mit offenen Punkten'));
		await user.click(screen.getByLabelText('nur mit unbeantworteten Antworten'));
		expect(screen.queryByRole('table')).not.toBeInTheDocument();
		expect(screen.getByText('Kein Familienzentrum passt zu diesen Filtern.')).toBeInTheDocument();
		expect(screen.getByRole('status')).toHaveTextContent('0 von 3 Zentren');
	});

	it('exports the rows as shown, filtered and sorted, as CSV', async () => {
		const user = userEvent.setup();
		render(Portfolio, { facilities, today });
		await user.click(screen.getByLabelText('Mindestanforderungen nicht erreicht'));
		await user.click(screen.getByRole('button', { name: /Familienzentrum/ }));
		await user.click(screen.getByRole('button', { name: 'Als CSV exportieren' }));
		expect(download).toHaveBeenCalledOnce();
		const [fileName, csv] = download.mock.calls[0] as [string, string];
		expect(fileName).toBe('Meine-Zentren-2026-11-23.csv');
		const lines = csv.trimEnd().split('\r\n');
		expect(lines[0]).toContain('Familienzentrum;Mindestanforderungen');
		expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(['Café Kunterbunt', 'Arche']);
	});

	it('keeps filter and order when the advisor comes back from a centre', async () => {
		const user = userEvent.setup();
		const first = render(Portfolio, { facilities, today });
		await user.click(screen.getByLabelText('nur mit offenen Punkten'));
		first.unmount();
		render(Portfolio, { facilities, today });
		expect(screen.getByLabelText('nur mit offenen Punkten')).toBeChecked();
		expect(names()).toEqual(['Arche']);
	});

	it('says when no centre is assigned yet', () => {
		render(Portfolio, { facilities: [], today });
		expect(screen.getByText(/noch keine Familienzentren zugeordnet/)).toBeInTheDocument();
	});
});
