import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { Component } from 'svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '$lib/client/db';
import { readDraft } from '$lib/client/db/drafts';
import { officeHourSessions } from '$lib/client/services/registers/officeHours';
import {
	fakeActions,
	makeEvidence,
	stubObjectUrls,
	testCatalogue
} from '$lib/components/criterion/testFixtures';
import EvidenceForm from '$lib/components/evidence/EvidenceForm.svelte';
import EvidenceList from '$lib/components/evidence/EvidenceList.svelte';
import OfficeHoursRegister from '$lib/components/registers/OfficeHoursRegister.svelte';
import PartnerForm from '$lib/components/registers/PartnerForm.svelte';
import { calendarYear } from '$lib/domain/periods';
import { emptyRegisterData } from '$lib/domain/registers/registerData';
import { computeAllRegisterSummaries } from '$lib/domain/registers/summaries/all';
import type { Site } from '$lib/domain/verbund';
import { makeOfficeHourSession, makePartner } from '$fixtures/registers';
import { registerDescriptions } from '$lib/domain/registers/descriptions';
import SitesHarness from './SitesHarness.svelte';
import { hasSiteField, type EntrySite } from './siteContext';

vi.mock('$lib/client/services/registers/officeHours', () => {
	const entries = () => ({
		add: vi.fn(async () => {}),
		update: vi.fn(async () => {}),
		remove: vi.fn(async () => {})
	});
	return { officeHourPlans: entries(), officeHourSessions: entries() };
});

type AnyComponent = Component<Record<string, unknown>>;

const TODAY = '2026-11-21';
const verbund: Site[] = [
	{ id: 'f1', name: 'Kita Regenbogen' },
	{ id: 'm1', name: 'Kita Sonnenschein' }
];

function withSites(
	component: AnyComponent,
	props: Record<string, unknown>,
	sites: readonly Site[] = verbund,
	entrySite?: EntrySite
) {
	return render(SitesHarness, { props: { sites, entrySite, component, inner: props } });
}

beforeEach(() => {
	stubObjectUrls();
});

function evidenceFormProps(initial?: ReturnType<typeof makeEvidence>) {
	return {
		catalogue: testCatalogue,
		criterionId: '1.1',
		initial,
		today: TODAY,
		unsavedKey: `evidence-form:site-${Math.random()}`,
		prepareFile: fakeActions().prepareFile,
		onsubmit: vi.fn(async () => {}),
		oncancel: vi.fn()
	};
}

describe('the „Standort“ field on the evidence form', () => {
	it('is not there for a single centre, and its save leaves the site out', async () => {
		const user = userEvent.setup();
		const props = evidenceFormProps();
		withSites(EvidenceForm as unknown as AnyComponent, props, []);
		expect(screen.queryByLabelText('Standort')).not.toBeInTheDocument();
		await user.type(screen.getByLabelText('Titel'), 'Aushang Elterncafé');
		await user.click(screen.getByRole('button', { name: 'Nachweis speichern' }));
		await vi.waitFor(() => expect(props.onsubmit).toHaveBeenCalled());
		expect(props.onsubmit.mock.calls[0]).toHaveProperty('0.title', 'Aushang Elterncafé');
		expect(props.onsubmit.mock.calls[0]).not.toHaveProperty('0.siteId');
	});

	it('offers a Verbund’s sites and „Alle Standorte / gemeinsam“, and saves the chosen one', async () => {
		const user = userEvent.setup();
		const props = evidenceFormProps();
		withSites(EvidenceForm as unknown as AnyComponent, props);
		const site = screen.getByLabelText('Standort');
		expect(site).toHaveValue('');
		expect([...site.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
			'Alle Standorte / gemeinsam',
			'Kita Regenbogen',
			'Kita Sonnenschein'
		]);
		await user.selectOptions(site, 'Kita Sonnenschein');
		await user.type(screen.getByLabelText('Titel'), 'Aushang Elterncafé');
		await user.click(screen.getByRole('button', { name: 'Nachweis speichern' }));
		await vi.waitFor(() => expect(props.onsubmit).toHaveBeenCalled());
		expect(props.onsubmit.mock.calls[0]).toHaveProperty('0.siteId', 'm1');
	});

	it('opens an item with its site, a removed one as „Standort entfernt“, and saves joint as null', async () => {
		const user = userEvent.setup();
		const props = evidenceFormProps(makeEvidence({ title: 'Flyer', siteId: 'gone' }));
		withSites(EvidenceForm as unknown as AnyComponent, props);
		const site = screen.getByLabelText('Standort');
		expect(site).toHaveDisplayValue('Standort entfernt');
		await user.selectOptions(site, 'Alle Standorte / gemeinsam');
		await user.click(screen.getByRole('button', { name: 'Änderungen speichern' }));
		await vi.waitFor(() => expect(props.onsubmit).toHaveBeenCalled());
		expect(props.onsubmit.mock.calls[0]).toHaveProperty('0.siteId', null);
	});
});

describe('the evidence list in a Verbund', () => {
	const items = [
		makeEvidence({ title: 'Flyer Sonnenschein', siteId: 'm1', date: '2026-03-01' }),
		makeEvidence({ title: 'Aushang Regenbogen', siteId: 'f1', date: '2026-02-01' }),
		makeEvidence({ title: 'Konzeption', siteId: null, date: '2026-01-01' })
	];
	const listProps = () => ({
		items,
		catalogue: testCatalogue,
		criterionId: '1.1',
		today: TODAY,
		getAttachment: fakeActions().getAttachment,
		prepareFile: fakeActions().prepareFile,
		onupdate: vi.fn(async () => {}),
		ondelete: vi.fn(async () => {}),
		onattach: vi.fn(async () => null)
	});
	const titles = () => screen.getAllByRole('article').map((a) => within(a).getByRole('heading').textContent);

	it('tags each item with its site and filters by site', async () => {
		const user = userEvent.setup();
		withSites(EvidenceList as unknown as AnyComponent, listProps());
		const [first, , third] = screen.getAllByRole('article');
		expect(within(first).getByText('Kita Sonnenschein')).toBeInTheDocument();
		expect(within(third).queryByText(/Standort:/)).not.toBeInTheDocument();

		await user.selectOptions(screen.getByLabelText('Nach Standort filtern'), 'Kita Regenbogen');
		expect(titles()).toEqual(['Aushang Regenbogen']);
		expect(screen.getByText('1 von 3 Nachweisen')).toBeInTheDocument();
		await user.selectOptions(
			screen.getByLabelText('Nach Standort filtern'),
			'Nur Alle Standorte / gemeinsam'
		);
		expect(titles()).toEqual(['Konzeption']);
		await user.selectOptions(screen.getByLabelText('Nach Standort filtern'), 'Alle Standorte');
		expect(titles()).toHaveLength(3);
	});

	it('has no filter and no tags for a single centre', () => {
		withSites(EvidenceList as unknown as AnyComponent, listProps(), []);
		expect(screen.queryByLabelText('Nach Standort filtern')).not.toBeInTheDocument();
		expect(screen.queryByText('Kita Sonnenschein')).not.toBeInTheDocument();
		expect(titles()).toHaveLength(3);
	});
});

describe('the „Standort“ field on register forms', () => {
	it('is offered for every kind of register entry but the facility-wide prevention profile', () => {
		const kinds = Object.values(registerDescriptions).flatMap((d) => d.tables);
		expect(kinds.filter((t) => !hasSiteField(t.schema)).map((t) => t.table)).toEqual(['preventionProfiles']);
	});

	const partnerProps = (onsave = vi.fn(async () => {})) => ({
		initial: makePartner({ name: 'Caritas-Erziehungsberatung', siteId: 'm1' }),
		unsavedKey: `register:partner:site-${Math.random()}`,
		prepareFile: fakeActions().prepareFile,
		onsave
	});

	it('appears on a form whose section allows sites, with the entry’s site, and saves the choice', async () => {
		const user = userEvent.setup();
		const props = partnerProps();
		withSites(PartnerForm as unknown as AnyComponent, props, verbund, {
			siteable: true,
			current: () => 'm1'
		});
		const site = screen.getByLabelText('Standort');
		expect(site).toHaveValue('m1');
		await user.selectOptions(site, 'Kita Regenbogen');
		await user.click(screen.getByRole('button', { name: 'Speichern' }));
		await vi.waitFor(() => expect(props.onsave).toHaveBeenCalled());
		expect(props.onsave.mock.calls[0]).toHaveProperty('0.siteId', 'f1');
		expect(props.onsave.mock.calls[0]).toHaveProperty('0.name', 'Caritas-Erziehungsberatung');
	});

	it('is not there for a single centre, and the entry keeps its site', async () => {
		const user = userEvent.setup();
		const props = partnerProps();
		withSites(PartnerForm as unknown as AnyComponent, props, [], { siteable: true, current: () => 'm1' });
		expect(screen.queryByLabelText('Standort')).not.toBeInTheDocument();
		await user.click(screen.getByRole('button', { name: 'Speichern' }));
		await vi.waitFor(() => expect(props.onsave).toHaveBeenCalled());
		expect(props.onsave.mock.calls[0]).not.toHaveProperty('0.siteId');
	});

	it('comes with every register section: a session is tagged, edited with its site and saved', async () => {
		const user = userEvent.setup();
		const period = calendarYear('2026-01-01');
		const session = makeOfficeHourSession({ date: '2026-03-04', siteId: 'm1' });
		const data = { ...emptyRegisterData(), officeHourSessions: [session] };
		const props = {
			facilityId: 'f1',
			period,
			today: TODAY,
			data,
			summaries: computeAllRegisterSummaries(data, period, TODAY)
		};
		withSites(OfficeHoursRegister as unknown as AnyComponent, props);
		const row = screen.getByText(/04\.03\.2026/).closest('.entry') as HTMLElement;
		expect(within(row).getByText('Kita Sonnenschein')).toBeInTheDocument();

		await user.click(within(row).getByRole('button', { name: /bearbeiten/ }));
		const site = screen.getByLabelText('Standort');
		expect(site).toHaveValue('m1');
		await user.selectOptions(site, 'Alle Standorte / gemeinsam');
		await user.click(screen.getByRole('button', { name: 'Speichern' }));
		await vi.waitFor(() => expect(officeHourSessions.update).toHaveBeenCalled());
		expect(officeHourSessions.update).toHaveBeenCalledWith(
			session.id,
			expect.objectContaining({ siteId: null })
		);

		await user.click(screen.getByRole('button', { name: 'Sprechstunde eintragen' }));
		expect(screen.getByLabelText('Standort')).toHaveValue('');
	});

	it('keeps the chosen site in the form’s draft and brings it back', async () => {
		const user = userEvent.setup();
		const props = { ...partnerProps(), unsavedKey: 'register:partner:site-draft', oncancel: vi.fn() };
		const entrySite = { siteable: true, current: () => null };
		const first = withSites(PartnerForm as unknown as AnyComponent, props, verbund, entrySite);
		expect(screen.getByLabelText('Standort')).toHaveValue('');
		await user.selectOptions(screen.getByLabelText('Standort'), 'Kita Regenbogen');
		await expect
			.poll(() => readDraft(db.name, 'register:partner:site-draft'))
			.toMatchObject({ '~site': 'f1' });
		first.unmount();

		withSites(PartnerForm as unknown as AnyComponent, props, verbund, entrySite);
		await vi.waitFor(() => expect(screen.getByLabelText('Standort')).toHaveValue('f1'));
		expect(screen.getByRole('status')).toHaveTextContent('Entwurf wiederhergestellt');
		await user.click(screen.getByRole('button', { name: 'Abbrechen' }));
		await expect.poll(() => readDraft(db.name, 'register:partner:site-draft')).toBeUndefined();
	});
});
