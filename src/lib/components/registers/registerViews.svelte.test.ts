import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { criterionRuleSchema } from '$lib/domain/criterionRules/schema';
import { calendarYear, kindergartenYear } from '$lib/domain/periods';
import { emptyRegisterData, type RegisterData } from '$lib/domain/registers/registerData';
import { computeAllRegisterSummaries } from '$lib/domain/registers/summaries/all';
import { makeFamilyEducationOffer, makeOfficeHourSession, makePartner } from '$fixtures/registers';
import CriterionRegisterSummaryView from './CriterionRegisterSummaryView.svelte';
import FamilyEducationRegister from './FamilyEducationRegister.svelte';
import OfficeHoursRegister from './OfficeHoursRegister.svelte';
import RegisterOverview from './RegisterOverview.svelte';
import { familyEducationOffers } from '$lib/client/services/registers/familyEducation';

// The screens call the register services; these tests only look at what the screens show and ask.
vi.mock('$lib/client/services/registers/familyEducation', () => ({
	familyEducationOffers: {
		add: vi.fn(() => Promise.resolve()),
		update: vi.fn(() => Promise.resolve()),
		remove: vi.fn(() => Promise.resolve())
	}
}));

const TODAY = '2026-11-21';
const cy2026 = calendarYear('2026-01-01');
const screenProps = (data: Partial<RegisterData>, period = cy2026) => {
	const all = { ...emptyRegisterData(), ...data };
	return {
		facilityId: 'f1',
		period,
		today: TODAY,
		data: all,
		summaries: computeAllRegisterSummaries(all, period, TODAY)
	};
};

describe('criterion register summary', () => {
	it('suggests "laut Register erfüllt" with its reasons, never more', () => {
		const offers = Array.from({ length: 6 }, (_, i) =>
			makeFamilyEducationOffer({ sessions: [{ date: `2026-0${i + 1}-10`, participants: 5 }] })
		);
		render(CriterionRegisterSummaryView, {
			criterion: { id: '2.1', rules: [criterionRuleSchema.parse({ kind: 'familyEducationOffers', min: 6 })] },
			period: cy2026,
			today: TODAY,
			data: { ...emptyRegisterData(), familyEducationOffers: offers }
		});
		expect(screen.getByRole('status')).toHaveTextContent('laut Register erfüllt');
		expect(screen.getByText(/6 Familienbildungsangebote im Zeitraum \(mindestens 6\)/)).toBeInTheDocument();
		expect(screen.getByText('6 Termine, 30 Teilnehmende, 100 % kostenfrei')).toBeInTheDocument();
		expect(screen.getByRole('link', { name: 'Register Familienbildung öffnen' })).toHaveAttribute(
			'href',
			'/register/familienbildung?zeitraum=cy-2026'
		);
	});

	it('shows what is missing and no suggestion when a rule is not met', () => {
		render(CriterionRegisterSummaryView, {
			criterion: {
				id: '1.2',
				rules: [
					criterionRuleSchema.parse({ kind: 'partnerAgreement', partnerKind: 'erziehungsberatungsstelle' })
				]
			},
			period: cy2026,
			today: TODAY,
			data: emptyRegisterData()
		});
		expect(screen.queryByText('laut Register erfüllt')).not.toBeInTheDocument();
		expect(
			screen.getByText(
				/Keine gültige schriftliche Vereinbarung mit einem Partner der Art Erziehungsberatungsstelle/
			)
		).toBeInTheDocument();
	});

	it('renders nothing for a criterion without rules', () => {
		const { container } = render(CriterionRegisterSummaryView, {
			criterion: { id: '7.1' },
			period: cy2026,
			today: TODAY,
			data: emptyRegisterData()
		});
		expect(container.querySelector('section')).toBeNull();
	});
});

describe('register pages', () => {
	it('list several hundred sessions by month, a page at a time', async () => {
		const user = userEvent.setup();
		const sessions = Array.from({ length: 300 }, (_, i) =>
			makeOfficeHourSession({
				date: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`
			})
		);
		render(OfficeHoursRegister, { ...screenProps({ officeHourSessions: sessions }), download: vi.fn() });
		const list = screen.getByRole('region', { name: 'Gehaltene Sprechstunden' });
		expect(within(list).getByRole('heading', { name: 'Dezember 2026' })).toBeInTheDocument();
		expect(within(list).getAllByRole('listitem')).toHaveLength(100);
		await user.click(within(list).getByRole('button', { name: 'Weitere 100 von 200 anzeigen' }));
		expect(within(list).getAllByRole('listitem')).toHaveLength(200);
	});

	it('count a course entered on the Familienbildung page and export it as CSV', async () => {
		const user = userEvent.setup();
		const download = vi.fn();
		const partner = makePartner({ id: 'p1', name: 'Familienbildungsstätte Süd' });
		const offer = makeFamilyEducationOffer({
			title: 'Väter-Kind-Samstag',
			partnerId: 'p1',
			sessions: [
				{ date: '2026-03-28', participants: 6 },
				{ date: '2026-03-29', participants: 7 }
			]
		});
		render(FamilyEducationRegister, {
			...screenProps({ familyEducationOffers: [offer], partners: [partner] }),
			download
		});
		expect(screen.getByText(/Väter-Kind-Samstag/)).toBeInTheDocument();
		expect(screen.getByText(/2 Termine \(28\.03\.2026 – 29\.03\.2026\) · 13 Teilnahmen/)).toBeInTheDocument();
		await user.click(screen.getByRole('button', { name: 'CSV exportieren' }));
		const [fileName, csv] = download.mock.calls[0] as [string, string];
		expect(fileName).toBe('familienbildung-cy-2026.csv');
		expect(csv.startsWith('\uFEFFTitel;Art;Kooperationspartner')).toBe(true);
		expect(csv).toContain('Väter-Kind-Samstag;Elternkurs;Familienbildungsstätte Süd;');
	});

	it('ask before deleting and delete only when confirmed', async () => {
		const user = userEvent.setup();
		vi.mocked(familyEducationOffers.remove).mockClear();
		const offer = makeFamilyEducationOffer({ title: 'Elternkurs A' });
		const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
		render(FamilyEducationRegister, {
			...screenProps({ familyEducationOffers: [offer] }),
			download: vi.fn(),
			confirm
		});
		await user.click(screen.getByRole('button', { name: 'Elternkurs A löschen' }));
		expect(familyEducationOffers.remove).not.toHaveBeenCalled();
		await user.click(screen.getByRole('button', { name: 'Elternkurs A löschen' }));
		expect(familyEducationOffers.remove).toHaveBeenCalledWith(offer.id);
		expect(screen.getByRole('status')).toHaveTextContent('„Elternkurs A“ wurde gelöscht.');
	});

	it('show the six registers with their sums and warn about ending agreements', () => {
		const period = kindergartenYear('2026-09-01');
		const data = {
			...emptyRegisterData(),
			partners: [
				makePartner({
					name: 'EB Nord',
					agreement: { signedOn: '2023-01-01', validUntil: '2026-12-31', attachment: null }
				})
			]
		};
		render(RegisterOverview, {
			data,
			summaries: computeAllRegisterSummaries(data, period, TODAY),
			today: TODAY
		});
		for (const name of [
			'Sprechstunden der Erziehungsberatung',
			'Familienbildung',
			'Kindertagespflege',
			'Kooperationspartner',
			'Profilbereich Prävention',
			'Qualifikationen des Teams'
		]) {
			expect(screen.getByRole('link', { name })).toHaveAttribute(
				'href',
				expect.stringContaining('?zeitraum=kj-2026')
			);
		}
		expect(screen.getByText(/endet am 31\.12\.2026 \(in 40 Tagen\)/)).toBeInTheDocument();
	});
});
