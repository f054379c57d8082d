import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshWorkspace } from '../../../../tests/fixtures/db/testWorkspace';
import {
	addFamilyEducationOffer,
	deleteFamilyEducationOffer
} from '$lib/client/services/registers/familyEducation';
import { savePartner } from '$lib/client/services/registers/partners';
import { registerCitationId, type RegisterCitation } from '$lib/domain/registers/citations';
import { emptyRegisterData, type RegisterData } from '$lib/domain/registers/registerData';
import { makeFamilyEducationOffer, makeOfficeHourPlan, makePartner } from '$fixtures/registers';
import CriterionRegisterCitations from './CriterionRegisterCitations.svelte';
import RegisterCitationsView from './RegisterCitationsView.svelte';

function citation(criterionId: string, registerTable: RegisterCitation['registerTable'], entryId: string) {
	return {
		id: registerCitationId(criterionId, registerTable, entryId),
		facilityId: 'fz-test',
		createdAt: '2026-03-01T10:00:00.000Z',
		updatedAt: '2026-03-01T10:00:00.000Z',
		updatedBy: 'Lea',
		deleted: false,
		criterionId,
		registerTable,
		entryId
	} satisfies RegisterCitation;
}

const courses = Array.from({ length: 40 }, (_, i) =>
	makeFamilyEducationOffer({
		id: `offer-${i}`,
		title: i === 7 ? 'Sprachkurs „Deutsch für Mütter“' : `Elternkurs Nr. ${i}`,
		kind: i === 7 ? 'sprachkurs' : 'elternkurs',
		sessions: [{ date: `2026-03-${String((i % 28) + 1).padStart(2, '0')}`, participants: 5 }]
	})
);
const data: RegisterData = {
	...emptyRegisterData(),
	familyEducationOffers: courses,
	officeHourPlans: [makeOfficeHourPlan({ id: 'plan-1' })],
	partners: [makePartner({ id: 'partner-1', name: 'Erziehungsberatung Nord' })]
};

function setup(citations: RegisterCitation[] = []) {
	const oncite = vi.fn(() => Promise.resolve());
	const onremove = vi.fn(() => Promise.resolve());
	render(RegisterCitationsView, {
		criterionId: '2.10',
		citations,
		data,
		periodKind: 'kalenderjahr',
		oncite,
		onremove
	});
	return { oncite, onremove, user: userEvent.setup() };
}

describe('register entries cited as evidence', () => {
	it('asks for a register and an entry before citing, next to the field', async () => {
		const { oncite, user } = setup();
		await user.click(screen.getByRole('button', { name: 'Registereintrag zitieren' }));
		await user.click(screen.getByRole('button', { name: 'Als Nachweis zitieren' }));
		expect(screen.getByRole('combobox', { name: 'Register' })).toHaveAccessibleDescription(
			'Bitte ein Register wählen'
		);

		await user.selectOptions(screen.getByRole('combobox', { name: 'Register' }), 'familyEducationOffers');
		await user.click(screen.getByRole('button', { name: 'Als Nachweis zitieren' }));
		expect(screen.getByRole('group', { name: 'Eintrag' })).toHaveAccessibleDescription(
			'Bitte einen Eintrag wählen'
		);
		expect(oncite).not.toHaveBeenCalled();
	});

	it('lists the newest entries of a long register and finds the others by search', async () => {
		const { oncite, user } = setup();
		await user.click(screen.getByRole('button', { name: 'Registereintrag zitieren' }));
		await user.selectOptions(screen.getByRole('combobox', { name: 'Register' }), 'familyEducationOffers');
		const entries = screen.getByRole('group', { name: 'Eintrag' });
		expect(within(entries).getAllByRole('radio')).toHaveLength(30);
		expect(
			within(entries).getByText('10 weitere Einträge – bitte die Suche eingrenzen.')
		).toBeInTheDocument();

		await user.type(screen.getByRole('searchbox', { name: 'Suchen (optional)' }), 'deutsch mütter');
		const radios = within(entries).getAllByRole('radio');
		expect(radios).toHaveLength(1);
		await user.click(radios[0]);
		await user.click(screen.getByRole('button', { name: 'Als Nachweis zitieren' }));

		expect(oncite).toHaveBeenCalledWith('familyEducationOffers', 'offer-7');
		expect(screen.getByRole('status')).toHaveTextContent(
			'„Sprachkurs „Deutsch für Mütter““ ist als Nachweis zitiert.'
		);
		expect(screen.queryByRole('group', { name: 'Eintrag' })).not.toBeInTheDocument();
	});

	it('shows cited entries with a link to their register and leaves them out of the picker', async () => {
		const { onremove, user } = setup([
			citation('2.10', 'familyEducationOffers', 'offer-7'),
			citation('2.10', 'officeHourPlans', 'plan-1'),
			citation('2.10', 'cooperationPartners', 'gone')
		]);
		const section = screen.getByRole('region', { name: 'Belege aus den Registern (3)' });
		expect(within(section).getByRole('link', { name: 'Sprachkurs „Deutsch für Mütter“' })).toHaveAttribute(
			'href',
			'/register/familienbildung?zeitraum=cy-2026'
		);
		expect(within(section).getByRole('link', { name: /^Dienstag 14:00–16:00 Uhr/ })).toHaveAttribute(
			'href',
			'/register/sprechstunden'
		);
		expect(within(section).getByText('Eintrag nicht (mehr) im Register')).toBeInTheDocument();

		await user.click(screen.getByRole('button', { name: 'Registereintrag zitieren' }));
		expect(screen.getByRole('option', { name: 'Familienbildung (39)' })).toBeInTheDocument();
		expect(screen.getByRole('option', { name: 'Sprechstunden – Plan (0)' })).toBeInTheDocument();
		await user.selectOptions(screen.getByRole('combobox', { name: 'Register' }), 'officeHourPlans');
		expect(screen.getByText('Alle Einträge dieses Registers sind schon zitiert.')).toBeInTheDocument();

		await user.click(
			screen.getByRole('button', {
				name: '„Sprachkurs „Deutsch für Mütter““ nicht mehr als Nachweis zitieren'
			})
		);
		expect(onremove).toHaveBeenCalledWith('2.10~feo~offer-7');
	});
});

describe('citations on the criterion page', () => {
	beforeEach(async () => {
		await freshWorkspace();
	});

	it('cite a course from the database, list it, remove it, and lose it with the deleted course', async () => {
		const course = await addFamilyEducationOffer('fz-1', {
			title: 'Elterncafé „Kaffeeklatsch“',
			kind: 'elterncafe',
			partnerId: null,
			sessions: [{ date: '2026-10-06', participants: 9 }],
			targetGroup: '',
			languages: ['Deutsch'],
			free: true,
			location: 'im_zentrum',
			phases: []
		});
		await savePartner('fz-1', {
			name: 'Familienbildungsstätte Süd',
			kind: 'familienbildungsstaette',
			contactRole: '',
			agreement: null
		});
		const user = userEvent.setup();
		render(CriterionRegisterCitations, {
			criterionId: '2.3',
			facilityId: 'fz-1',
			periodKind: 'kindergartenjahr'
		});

		await user.click(await screen.findByRole('button', { name: 'Registereintrag zitieren' }));
		await user.selectOptions(screen.getByRole('combobox', { name: 'Register' }), 'familyEducationOffers');
		await user.click(await screen.findByRole('radio', { name: /Elterncafé „Kaffeeklatsch“/ }));
		await user.click(screen.getByRole('button', { name: 'Als Nachweis zitieren' }));

		const link = await screen.findByRole('link', { name: 'Elterncafé „Kaffeeklatsch“' });
		expect(link).toHaveAttribute('href', '/register/familienbildung?zeitraum=kj-2026');
		expect(screen.getByRole('region', { name: 'Belege aus den Registern (1)' })).toBeInTheDocument();

		await user.click(
			screen.getByRole('button', {
				name: '„Elterncafé „Kaffeeklatsch““ nicht mehr als Nachweis zitieren'
			})
		);
		await waitFor(() =>
			expect(screen.getByRole('region', { name: 'Belege aus den Registern (0)' })).toBeInTheDocument()
		);

		// Cited again, then the course is deleted in its register: the citation goes with it.
		await user.click(screen.getByRole('button', { name: 'Registereintrag zitieren' }));
		await user.selectOptions(screen.getByRole('combobox', { name: 'Register' }), 'familyEducationOffers');
		await user.click(await screen.findByRole('radio', { name: /Elterncafé „Kaffeeklatsch“/ }));
		await user.click(screen.getByRole('button', { name: 'Als Nachweis zitieren' }));
		await screen.findByRole('region', { name: 'Belege aus den Registern (1)' });
		await deleteFamilyEducationOffer(course.id);
		await waitFor(() =>
			expect(screen.getByRole('region', { name: 'Belege aus den Registern (0)' })).toBeInTheDocument()
		);
		expect(screen.getByText('Noch kein Registereintrag als Nachweis zitiert.')).toBeInTheDocument();
	});
});
