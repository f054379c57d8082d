import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import OneTimeLink from './OneTimeLink.svelte';

const link = {
	url: 'https://mappe.traeger.example/passwort-setzen?token=Zb1v2QdF7uT4kR9mX3pL8sWcY6hN0aGe',
	expiresAt: '2026-12-01T09:00:00.000Z'
};

/**
 * Reads the drawn QR code as a phone camera would: the SVG's unit squares painted into pixels, then
 * decoded by jsQR. Proves the code holds exactly the link, not merely that some SVG is there.
 */
function decode(svg: Element): string | null {
	const size = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
	const scale = 4;
	const width = size * scale;
	const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
	const d = svg.querySelector('path')!.getAttribute('d')!;
	for (const [, x, y] of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
		for (let dy = 0; dy < scale; dy++) {
			for (let dx = 0; dx < scale; dx++) {
				const at = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
				pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
			}
		}
	}
	return jsQR(pixels, width, width)?.data ?? null;
}

describe('OneTimeLink', () => {
	it('shows a QR code that a tablet camera reads as the link itself', () => {
		render(OneTimeLink, { link, name: 'Tina Tablet' });
		const code = screen.getByRole('img', {
			name: 'QR-Code zum Einrichten eines Geräts für Tina Tablet'
		});
		expect(decode(code)).toBe(link.url);
	});

	it('keeps the link as readable text next to the code, with a copy button', async () => {
		// userEvent brings a clipboard of its own, as jsdom has none.
		const user = userEvent.setup();
		render(OneTimeLink, { link, name: 'Tina Tablet' });
		const notice = screen.getByRole('status');
		expect(within(notice).getByLabelText('Link zum Passwort-Festlegen')).toHaveValue(link.url);
		expect(notice).toHaveTextContent('Tablet einrichten');
		expect(notice).toHaveTextContent('QR-Code scannen');

		await user.click(within(notice).getByRole('button', { name: 'Kopieren' }));
		expect(await navigator.clipboard.readText()).toBe(link.url);
		expect(within(notice).getByRole('button', { name: 'Kopiert' })).toBeInTheDocument();
	});

	it('draws a new code for a new link', async () => {
		const { rerender } = render(OneTimeLink, { link, name: 'Tina Tablet' });
		const next = { ...link, url: link.url.replace('Zb1v', 'Qq9x') };
		await rerender({ link: next, name: 'Tina Tablet' });
		expect(decode(screen.getByRole('img', { name: /QR-Code/ }))).toBe(next.url);
	});
});
