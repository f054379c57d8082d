import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, refuse, sonnenblume, stubServer } from './testApi';
import FacilitiesPanel from './FacilitiesPanel.svelte';

afterEach(() => {
	vi.unstubAllGlobals();
});

function setup() {
	const onChanged = vi.fn(async () => {});
	render(FacilitiesPanel, { facilities: [sonnenblume], onChanged });
	return { user: userEvent.setup(), onChanged };
}

describe('FacilitiesPanel', () => {
	it('creates a Kita of a Verbund', async () => {
		const server = stubServer({ 'POST /api/admin/facilities': answer({ facility: sonnenblume }, 201) });
		const { user, onChanged } = setup();
		await user.type(screen.getByLabelText('Name der Kita'), 'Kita Pusteblume');
		await user.type(screen.getByLabelText('Familienzentrum (Verbund)'), 'Familienzentrum Sonnenblume');
		await user.click(screen.getByRole('button', { name: 'Einrichtung anlegen' }));

		await vi.waitFor(() => expect(onChanged).toHaveBeenCalled());
		expect(server.to('POST', '/api/admin/facilities')).toEqual([
			{ name: 'Kita Pusteblume', familienzentrum: 'Familienzentrum Sonnenblume' }
		]);
		expect(screen.getByLabelText('Name der Kita')).toHaveValue('');
	});

	it('shows a missing name next to the field and keeps the Verbund typed', async () => {
		stubServer({
			'POST /api/admin/facilities': refuse(
				400,
				'invalid_request',
				'Die Eingaben sind unvollständig oder ungültig.',
				[{ path: ['name'], message: 'Bitte einen Namen angeben' }]
			)
		});
		const { user, onChanged } = setup();
		await user.type(screen.getByLabelText('Familienzentrum (Verbund)'), 'Familienzentrum Sonnenblume');
		await user.click(screen.getByRole('button', { name: 'Einrichtung anlegen' }));

		const name = screen.getByLabelText('Name der Kita');
		await vi.waitFor(() => expect(name).toHaveAccessibleDescription('Bitte einen Namen angeben'));
		expect(name).toHaveAttribute('aria-invalid', 'true');
		expect(name).toHaveFocus();
		expect(screen.getByLabelText('Familienzentrum (Verbund)')).toHaveValue('Familienzentrum Sonnenblume');
		expect(onChanged).not.toHaveBeenCalled();
	});
});
