import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aUser, answer, refuse, regenbogen, sonnenblume, stubServer } from './testApi';
import AssignmentsPanel from './AssignmentsPanel.svelte';

afterEach(() => {
	vi.unstubAllGlobals();
});

const beate = aUser({
	id: 'u-beratung',
	displayName: 'Beate Berater',
	role: 'fachberatung',
	facilityIds: []
});
const jonas = aUser({ id: 'u-jonas', displayName: 'Jonas Jugendamt', role: 'fachberatung', facilityIds: [] });

function setup() {
	const onChanged = vi.fn(async () => {});
	render(AssignmentsPanel, {
		advisors: [beate, jonas],
		facilities: [sonnenblume, regenbogen],
		assignments: [
			{ advisorId: beate.id, facilityId: sonnenblume.id },
			{ advisorId: jonas.id, facilityId: regenbogen.id }
		],
		onChanged
	});
	return {
		user: userEvent.setup(),
		onChanged,
		beate: within(screen.getByRole('group', { name: 'Beate Berater' }))
	};
}

describe('AssignmentsPanel', () => {
	it('shows which facilities each advisor looks after', () => {
		const { beate } = setup();
		expect(beate.getByRole('checkbox', { name: 'Kita Sonnenblume' })).toBeChecked();
		expect(beate.getByRole('checkbox', { name: 'Familienzentrum Regenbogen' })).not.toBeChecked();
		const jonasGroup = within(screen.getByRole('group', { name: 'Jonas Jugendamt' }));
		expect(jonasGroup.getByRole('checkbox', { name: 'Familienzentrum Regenbogen' })).toBeChecked();
	});

	it('sends the advisor’s whole new list of facilities when saved', async () => {
		const server = stubServer({ 'PUT /api/admin/assignments': answer({ assignments: [] }) });
		const { user, onChanged, beate } = setup();
		await user.click(beate.getByRole('checkbox', { name: 'Familienzentrum Regenbogen' }));
		await user.click(screen.getByRole('button', { name: 'Zuordnung speichern: Beate Berater' }));

		await vi.waitFor(() =>
			expect(server.to('PUT', '/api/admin/assignments')).toEqual([
				{ advisorId: 'u-beratung', facilityIds: [sonnenblume.id, regenbogen.id] }
			])
		);
		expect(onChanged).toHaveBeenCalled();
		expect(await screen.findByText('Gespeichert.')).toBeInTheDocument();
	});

	it('can take every facility away from an advisor', async () => {
		const server = stubServer({ 'PUT /api/admin/assignments': answer({ assignments: [] }) });
		const { user, beate } = setup();
		await user.click(beate.getByRole('checkbox', { name: 'Kita Sonnenblume' }));
		await user.click(screen.getByRole('button', { name: 'Zuordnung speichern: Beate Berater' }));
		await vi.waitFor(() =>
			expect(server.to('PUT', '/api/admin/assignments')).toEqual([
				{ advisorId: 'u-beratung', facilityIds: [] }
			])
		);
	});

	it('keeps the unsaved choice and shows the server’s message when saving fails', async () => {
		stubServer({
			'PUT /api/admin/assignments': refuse(400, 'invalid_request', 'Unbekannte Einrichtung: demo-regenbogen')
		});
		const { user, onChanged, beate } = setup();
		await user.click(beate.getByRole('checkbox', { name: 'Familienzentrum Regenbogen' }));
		await user.click(screen.getByRole('button', { name: 'Zuordnung speichern: Beate Berater' }));

		expect(await screen.findByRole('alert')).toHaveTextContent('Unbekannte Einrichtung: demo-regenbogen');
		expect(beate.getByRole('checkbox', { name: 'Familienzentrum Regenbogen' })).toBeChecked();
		expect(onChanged).not.toHaveBeenCalled();
		expect(screen.queryByText('Gespeichert.')).not.toBeInTheDocument();
	});
});
