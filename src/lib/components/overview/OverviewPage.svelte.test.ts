import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { builtInCatalogue } from '$lib/client/services/catalogue';
import { addDaysTo } from '$lib/domain/dates';
import { expiringEvidence } from '$lib/domain/deadlines';
import { computeReadiness } from '$lib/domain/readiness';
import type { CriterionStatusValue, Evidence } from '$lib/domain/records';
import OverviewPage from './OverviewPage.svelte';

const today = '2026-03-02';

function evidence(n: number): Evidence[] {
	return Array.from({ length: n }, (_, i) => ({
		id: `e${String(i).padStart(4, '0')}`,
		facilityId: 'f1',
		createdAt: '2026-01-05T10:00:00.000+01:00',
		updatedAt: '2026-01-05T10:00:00.000+01:00',
		updatedBy: 'Tablet',
		deleted: false,
		kind: 'note',
		title: `Nachweis ${i}`,
		note: '',
		url: '',
		date: '2025-09-01',
		validUntil: addDaysTo(today, (i % 200) - 100),
		criterionIds: [builtInCatalogue.criteria[i % builtInCatalogue.criteria.length].id],
		attachment: null
	}));
}

function setup(statuses: Map<string, CriterionStatusValue>, items: Evidence[] = []) {
	const readiness = computeReadiness({ catalogue: builtInCatalogue, statuses, chosenProfileAreas: [] });
	const { expiringSoon, expired } = expiringEvidence(items, today);
	render(OverviewPage, {
		facilityName: 'Familienzentrum Regenbogen',
		readiness,
		areaTitles: new Map(builtInCatalogue.areas.map((a) => [a.id, a.title])),
		sealValidUntil: null,
		today,
		expiringSoon,
		expired,
		catalogueOfficial: builtInCatalogue.official,
		catalogueNotice: builtInCatalogue.notice
	});
	return readiness;
}

describe('OverviewPage', () => {
	it('says plainly that a new workspace would not pass and lists the to-do plan with links', () => {
		const readiness = setup(new Map());
		expect(screen.getByRole('heading', { level: 2, name: /Noch nicht/ })).toBeInTheDocument();
		expect(screen.getByText('Arbeitsfassung des Katalogs – nicht der amtliche Text')).toBeInTheDocument();
		const todo = screen.getByRole('region', { name: 'Zu erledigen' });
		const links = within(todo).getAllByRole('link');
		expect(links).toHaveLength(Math.min(10, readiness.todo.criteria.length));
		expect(links[0]).toHaveAttribute('href', `/kriterien/${readiness.todo.criteria[0].id}`);
	});

	it('shows one card per counted area and leaves the unchosen Profilbereich out', () => {
		setup(new Map());
		const areas = screen.getByRole('region', { name: 'Bereiche' });
		expect(within(areas).getAllByRole('article')).toHaveLength(8);
		expect(within(areas).queryByText('Profilbereich Prävention')).not.toBeInTheDocument();
	});

	it('says „Ja“ once every criterion is erfüllt', () => {
		setup(new Map(builtInCatalogue.criteria.map((c) => [c.id, 'erfuellt' as const])));
		expect(
			screen.getByRole('heading', { level: 2, name: /Ja – alle Mindestanforderungen/ })
		).toBeInTheDocument();
		expect(screen.getByText('Nichts zu tun: Alle Mindestanforderungen sind erreicht.')).toBeInTheDocument();
	});

	it('prompts for the seal date when none is entered', () => {
		setup(new Map());
		expect(screen.getByRole('link', { name: 'Datum unter Einrichtung eintragen' })).toHaveAttribute(
			'href',
			'/einrichtung#sealValidUntil'
		);
	});

	it('lists the first expiring and expired evidence first and shows all on request', async () => {
		setup(new Map(), evidence(400));
		const section = screen.getByRole('region', { name: 'Nachweise mit Ablaufdatum' });
		expect(within(section).getByRole('heading', { name: /Läuft bald ab \(\d+\)/ })).toBeInTheDocument();
		expect(within(section).getByRole('heading', { name: /Abgelaufen \(\d+\)/ })).toBeInTheDocument();
		expect(section.querySelectorAll('li')).toHaveLength(16);
		await userEvent
			.setup()
			.click(within(section).getByRole('button', { name: /^Alle \d+ abgelaufenen anzeigen$/ }));
		expect(section.querySelectorAll('li').length).toBeGreaterThan(16);
	});
});
