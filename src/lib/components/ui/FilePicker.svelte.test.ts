import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import FilePicker from './FilePicker.svelte';

describe('FilePicker', () => {
	it('is a named file input inside a visible button-like label, reachable by keyboard', async () => {
		const onchange = vi.fn();
		render(FilePicker, { text: 'Datei auswählen', accept: 'application/pdf', onchange });
		const input = screen.getByLabelText('Datei auswählen');
		expect(input).toHaveAttribute('type', 'file');
		expect(input).toHaveAttribute('accept', 'application/pdf');
		expect(input).toHaveClass('visually-hidden');
		expect(input.closest('label')).toHaveClass('btn', 'file-picker');
		expect(input.closest('label')).toHaveTextContent('Datei auswählen');

		const user = userEvent.setup();
		await user.tab();
		expect(input).toHaveFocus();
		await user.upload(
			input as HTMLInputElement,
			new File(['%PDF-1.4'], 'a.pdf', { type: 'application/pdf' })
		);
		expect(onchange).toHaveBeenCalledOnce();
	});

	it('passes its id, so a field label elsewhere names it too', () => {
		render(FilePicker, { text: 'Auswählen', id: 'backup-file', 'aria-describedby': 'hint' });
		const input = document.getElementById('backup-file');
		expect(input).toHaveAttribute('aria-describedby', 'hint');
	});
});
