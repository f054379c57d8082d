import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { unsavedInput } from '$lib/client/state/unsavedInput.svelte';
import OfficeHourPlanForm from './OfficeHourPlanForm.svelte';

describe('office-hour plan form', () => {
	it('shows German messages next to the fields and keeps what was typed', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn(async () => {});
		render(OfficeHourPlanForm, { today: '2026-03-01', unsavedKey: 'plan-test', onsave });

		await user.type(screen.getByLabelText('Beratungsstelle'), 'EB Nord');
		await user.type(screen.getByLabelText('Beginn'), '16:00');
		await user.type(screen.getByLabelText('Ende'), '14:00');
		expect(unsavedInput.any).toBe(true);
		await user.click(screen.getByRole('button', { name: 'Speichern' }));

		expect(onsave).not.toHaveBeenCalled();
		const weekday = screen.getByLabelText('Wochentag');
		expect(weekday).toHaveAttribute('aria-invalid', 'true');
		expect(weekday).toHaveAccessibleDescription('Bitte einen Wochentag wählen');
		expect(screen.getByLabelText('Ende')).toHaveAccessibleDescription('Das Ende liegt nicht nach dem Beginn');
		expect(screen.getByRole('alert')).toHaveTextContent('Bitte die markierten Angaben prüfen.');
		expect(screen.getByLabelText('Beratungsstelle')).toHaveValue('EB Nord');
		expect(screen.getByLabelText('Beginn')).toHaveValue('16:00');
		expect(weekday).toHaveFocus();
	});

	it('hands the checked plan to the page', async () => {
		const user = userEvent.setup();
		const onsave = vi.fn(async () => {});
		render(OfficeHourPlanForm, { today: '2026-03-01', unsavedKey: 'plan-test-2', onsave });
		await user.selectOptions(screen.getByLabelText('Wochentag'), 'Dienstag');
		await user.type(screen.getByLabelText('Beginn'), '14:00');
		await user.type(screen.getByLabelText('Ende'), '16:00');
		await user.type(screen.getByLabelText('Beratungsstelle'), '  EB Nord ');
		await user.click(screen.getByRole('button', { name: 'Speichern' }));
		await vi.waitFor(() => expect(onsave).toHaveBeenCalled());
		expect(onsave).toHaveBeenCalledWith({
			weekday: 2,
			startTime: '14:00',
			endTime: '16:00',
			counsellingService: 'EB Nord',
			place: 'im_zentrum',
			validFrom: '2026-03-01',
			validTo: null
		});
		expect(unsavedInput.any).toBe(false);
	});
});
