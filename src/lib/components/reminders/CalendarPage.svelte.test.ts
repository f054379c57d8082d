import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import CalendarPage from './CalendarPage.svelte';
import { makeReminder, weekendShortfall } from './testReminders';

const reminders = [
	makeReminder({
		id: 'agreement:partner:p1',
		kind: 'agreement',
		date: '2027-02-20',
		title: 'Vereinbarung endet: EB Nord',
		detail: 'Erziehungsberatungsstelle',
		daysLeft: -9,
		urgency: 'overdue',
		link: { to: 'register', segment: 'partner' }
	}),
	makeReminder(),
	makeReminder({ kind: 'periodStart', title: 'Prüfzeitraum beginnt', date: '2027-03-31', daysLeft: 30 }),
	makeReminder({
		kind: 'siteVisit',
		title: 'Besuch vor Ort',
		date: '2027-05-20',
		daysLeft: 80,
		urgency: 'later'
	}),
	weekendShortfall
];

describe('CalendarPage', () => {
	it('groups the dates by month, overdue first, with urgency in words and the thresholds apart', () => {
		render(CalendarPage, { reminders, onexport: async () => 0 });
		expect(screen.getByRole('heading', { level: 1, name: 'Termine und Fristen' })).toBeInTheDocument();
		const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent?.trim());
		expect(headings).toEqual([
			'Im laufenden Zeitraum noch nicht erreicht',
			'Überfällig (1 Eintrag)',
			'März 2027 (2 Einträge)',
			'Mai 2027 (1 Eintrag)'
		]);
		const overdue = screen.getByRole('region', { name: 'Überfällig (1 Eintrag)' });
		expect(within(overdue).getByRole('link', { name: 'Vereinbarung endet: EB Nord' })).toHaveAttribute(
			'href',
			'/register/partner'
		);
		expect(overdue).toHaveTextContent('seit 9 Tagen abgelaufen');
		const march = screen.getByRole('region', { name: 'März 2027 (2 Einträge)' });
		expect(within(march).getAllByText('Bald fällig')).toHaveLength(2);
		// Due: the overdue agreement, the upload in 10 days and the open threshold.
		expect(screen.getByText('3 Fristen sind fällig.')).toBeInTheDocument();
	});

	it('exports the calendar file and says how many dates it holds', async () => {
		const onexport = vi.fn(async () => 1);
		render(CalendarPage, { reminders, onexport });
		await userEvent.click(screen.getByRole('button', { name: 'Als Kalenderdatei (.ics) herunterladen' }));
		expect(onexport).toHaveBeenCalledOnce();
		expect(await screen.findByRole('status')).toHaveTextContent(
			'Die Kalenderdatei mit 1 Termin wurde erstellt.'
		);
	});

	it('uses the plural and reports a failed export in German', async () => {
		const onexport = vi.fn().mockResolvedValueOnce(3).mockRejectedValueOnce(new Error('boom'));
		vi.spyOn(console, 'error').mockImplementation(() => {});
		render(CalendarPage, { reminders, onexport });
		const button = screen.getByRole('button', { name: 'Als Kalenderdatei (.ics) herunterladen' });
		await userEvent.click(button);
		expect(await screen.findByText(/mit 3 Terminen wurde erstellt/)).toBeInTheDocument();
		await userEvent.click(button);
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Die Kalenderdatei konnte nicht erstellt werden.'
		);
	});

	it('explains what to enter when there are no dates', () => {
		render(CalendarPage, { reminders: [], onexport: async () => 0 });
		expect(screen.getByText(/Noch keine Termine/)).toBeInTheDocument();
		expect(screen.getByText('Zurzeit ist keine Frist fällig.')).toBeInTheDocument();
	});

	it('says it is loading instead of „Noch keine Termine“ before the database is read', () => {
		render(CalendarPage, { reminders: [], loading: true, onexport: async () => 0 });
		expect(screen.getByText('Termine werden geladen …')).toBeInTheDocument();
		expect(screen.queryByText(/Noch keine Termine/)).not.toBeInTheDocument();
	});
});
