import { describe, expect, it, vi } from 'vitest';
import { createAppBadge, type BadgeNavigator } from './appBadge';

function stubNavigator(): Required<BadgeNavigator> & { calls: string[] } {
	const calls: string[] = [];
	return {
		calls,
		setAppBadge: vi.fn(async (n?: number) => void calls.push(`set ${n}`)),
		clearAppBadge: vi.fn(async () => void calls.push('clear'))
	};
}

describe('app badge', () => {
	it('shows the number, clears it at zero and skips calls when the number has not changed', async () => {
		const nav = stubNavigator();
		const badge = createAppBadge(nav);
		await badge.show(3);
		await badge.show(3);
		await badge.show(1);
		await badge.show(0);
		expect(nav.calls).toEqual(['set 3', 'set 1', 'clear']);
	});

	it('does nothing, without an error, where the platform has no badge', async () => {
		await expect(createAppBadge({}).show(2)).resolves.toBeUndefined();
		await expect(createAppBadge(undefined).show(2)).resolves.toBeUndefined();
	});

	it('clears with setAppBadge(0) where clearAppBadge is missing', async () => {
		const setAppBadge = vi.fn(async () => {});
		await createAppBadge({ setAppBadge }).show(0);
		expect(setAppBadge).toHaveBeenCalledWith(0);
	});

	it('swallows a refusal by the platform', async () => {
		const setAppBadge = vi.fn(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
		await expect(createAppBadge({ setAppBadge }).show(4)).resolves.toBeUndefined();
		expect(setAppBadge).toHaveBeenCalledWith(4);
	});
});
