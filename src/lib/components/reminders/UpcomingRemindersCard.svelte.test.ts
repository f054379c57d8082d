import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { makeReminder, weekendShortfall } from './testReminders';
import UpcomingRemindersCard from './UpcomingRemindersCard.svelte';

describe('UpcomingRemindersCard', () => {
	it('says „1 Frist“ in the singular and lists the next dates with links to act', () => {
		render(UpcomingRemindersCard, {
			reminders: [
				makeReminder(),
				makeReminder({
					kind: 'periodEnd',
					title: 'Prüfzeitraum endet',
					date: '2027-12-31',
					daysLeft: 305,
					urgency: 'later'
				})
			]
		});
		const card = screen.getByRole('region', { name: 'Anstehende Termine und Fristen' });
		expect(card).toHaveTextContent('1 Frist ist fällig.');
		const next = within(card).getByRole('list', { name: 'Nächste Termine' });
		const items = within(next).getAllByRole('listitem');
		expect(items).toHaveLength(2);
		expect(items[0]).toHaveTextContent('Bald fällig');
		expect(items[0]).toHaveTextContent('11.03.2027 · in 10 Tagen');
		expect(items[1]).not.toHaveTextContent('Bald fällig');
		expect(within(card).getByRole('link', { name: 'Alle Termine und Fristen' })).toHaveAttribute(
			'href',
			'/kalender'
		);
	});

	it('says „2 Fristen“ in the plural and shows the thresholds not yet reached apart', () => {
		render(UpcomingRemindersCard, {
			reminders: [
				makeReminder({
					kind: 'evidence',
					title: 'Nachweis läuft ab: Flyer',
					daysLeft: -2,
					urgency: 'overdue',
					link: { to: 'criterion', criterionId: '1.2' }
				}),
				weekendShortfall
			]
		});
		expect(screen.getByText('2 Fristen sind fällig.')).toBeInTheDocument();
		expect(screen.getByText('Überfällig')).toBeInTheDocument();
		expect(screen.getByText('seit 2 Tagen abgelaufen')).toBeInTheDocument();
		const open = screen.getByRole('list', { name: 'Noch nicht erreicht' });
		expect(within(open).getByRole('link', { name: '4B1: 0 von 1 in diesem Halbjahr' })).toHaveAttribute(
			'href',
			'/kriterien/4B1'
		);
		expect(open).toHaveTextContent('01.01.2027 – 31.07.2027');
	});

	it('shows only the next few and says when nothing is entered yet', () => {
		const many = Array.from({ length: 8 }, (_, i) =>
			makeReminder({ date: `2027-04-0${i + 1}`, daysLeft: 30 + i, urgency: i === 0 ? 'soon' : 'later' })
		);
		const { unmount } = render(UpcomingRemindersCard, { reminders: many });
		expect(screen.getAllByRole('listitem')).toHaveLength(5);
		expect(screen.getByText('Zurzeit ist keine Frist fällig.')).toBeInTheDocument();
		unmount();
		render(UpcomingRemindersCard, { reminders: [] });
		expect(screen.getByText(/Keine Termine eingetragen/)).toBeInTheDocument();
	});
});
