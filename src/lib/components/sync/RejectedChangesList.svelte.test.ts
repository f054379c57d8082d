import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import RejectedChangesList from './RejectedChangesList.svelte';

describe('RejectedChangesList', () => {
	it('lists a refused change with its reason and values, and lets it be sent again or removed', async () => {
		const onresend = vi.fn(async () => {});
		const ondismiss = vi.fn(async () => {});
		render(RejectedChangesList, {
			changes: [
				{
					entry: {
						seq: 7,
						table: 'criterionStatuses',
						recordId: 'kita-a:1.2',
						op: 'put',
						fields: ['status'],
						values: { status: 'erfuellt' },
						createdAt: '2026-11-23T08:00:00.000Z',
						status: 'rejected',
						rejection: {
							code: 'permission',
							reason: 'Nur die Leitung darf das.',
							at: '2026-11-23T08:01:00.000Z'
						}
					},
					record: { criterionId: '1.2', status: 'erfuellt' }
				}
			],
			onresend,
			ondismiss
		});
		expect(screen.getByRole('heading', { name: 'Kriterium 1.2' })).toBeInTheDocument();
		expect(screen.getByText('Nur die Leitung darf das.')).toBeInTheDocument();
		expect(screen.getByText('Erfüllt')).toBeInTheDocument();
		await userEvent.click(screen.getByRole('button', { name: 'Erneut senden' }));
		expect(onresend).toHaveBeenCalledWith(7);
		await userEvent.click(screen.getByRole('button', { name: 'Verwerfen' }));
		expect(ondismiss).toHaveBeenCalledWith(7);
	});
});
