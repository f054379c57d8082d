import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { builtInCatalogue } from '$lib/client/services/catalogue';
import OverviewPage from '$lib/components/overview/OverviewPage.svelte';
import { computeReadiness } from '$lib/domain/readiness';
import { expiringAgreements } from '$lib/domain/registers/summaries/agreements';
import { makePartner, makePreventionProfile } from '$fixtures/registers';

const today = '2026-03-02';
const sealValidUntil = '2027-07-31';

function renderOverview(data: Parameters<typeof expiringAgreements>[0]) {
	render(OverviewPage, {
		facilityName: 'Familienzentrum Regenbogen',
		readiness: computeReadiness({ catalogue: builtInCatalogue, statuses: new Map(), chosenProfileAreas: [] }),
		areaTitles: new Map(builtInCatalogue.areas.map((a) => [a.id, a.title])),
		sealValidUntil: data.sealValidUntil,
		today,
		expiringSoon: [],
		expired: [],
		catalogueOfficial: builtInCatalogue.official,
		catalogueNotice: builtInCatalogue.notice,
		agreementAlerts: expiringAgreements(data, today)
	});
}

const agreement = (validUntil: string | null) => ({ signedOn: '2023-01-01', validUntil, attachment: null });

describe('agreements on the Übersicht', () => {
	it('lists agreements that end within 90 days or before the re-certification, soonest first', () => {
		renderOverview({
			partners: [
				makePartner({ name: 'Grundschule am Park', kind: 'grundschule', agreement: agreement('2030-01-01') }),
				makePartner({
					name: 'Erziehungsberatung Nord',
					kind: 'erziehungsberatungsstelle',
					agreement: agreement('2026-04-01')
				}),
				makePartner({ name: 'Hebammenpraxis Mitte', kind: 'hebamme', agreement: agreement(null) })
			],
			preventionProfile: makePreventionProfile({
				networkName: 'Präventionskette Musterstadt',
				networkKind: 'kommunale_praeventionskette',
				agreement: agreement('2027-01-31')
			}),
			sealValidUntil
		});

		const card = screen.getByRole('region', { name: 'Vereinbarungen verlängern (2)' });
		const items = within(card).getAllByRole('listitem');
		expect(items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
			'Erziehungsberatung Nord Erziehungsberatungsstelle · endet am 01.04.2026 (in 30 Tagen)',
			'Präventionskette Musterstadt Vereinbarung mit der Kommune (Kommunale Präventionskette) · endet am 31.01.2027, vor der Rezertifizierung'
		]);
		expect(within(card).getByRole('link', { name: 'Erziehungsberatung Nord' })).toHaveAttribute(
			'href',
			'/register/partner'
		);
		expect(within(card).getByRole('link', { name: 'Präventionskette Musterstadt' })).toHaveAttribute(
			'href',
			'/register/praevention'
		);
		expect(within(card).queryByText('Grundschule am Park')).not.toBeInTheDocument();
	});

	it('names an expired agreement as such', () => {
		renderOverview({
			partners: [
				makePartner({ name: 'Jugendamt Musterstadt', kind: 'jugendamt', agreement: agreement('2026-02-27') })
			],
			preventionProfile: null,
			sealValidUntil
		});
		expect(screen.getByText('abgelaufen am 27.02.2026')).toBeInTheDocument();
	});

	it('shows no card while every agreement runs beyond the seal', () => {
		renderOverview({
			partners: [makePartner({ agreement: agreement('2028-12-31') })],
			preventionProfile: makePreventionProfile({ agreement: agreement(null) }),
			sealValidUntil
		});
		expect(screen.queryByRole('region', { name: /Vereinbarungen verlängern/ })).not.toBeInTheDocument();
		expect(screen.getByRole('region', { name: 'Bereiche' })).toBeInTheDocument();
	});
});
