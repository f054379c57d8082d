import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { writable } from 'svelte/store';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RegisterSWOptions } from 'virtual:pwa-register/svelte';
import { unsavedInput } from '$lib/client/state/unsavedInput.svelte';
import UpdateBanner from './UpdateBanner.svelte';

// The real module registers a service worker through workbox-window; here we play the worker's part.
const sw = vi.hoisted(() => ({
	options: undefined as RegisterSWOptions | undefined,
	needRefresh: undefined as unknown as import('svelte/store').Writable<boolean>,
	offlineReady: undefined as unknown as import('svelte/store').Writable<boolean>,
	updateServiceWorker: undefined as unknown as import('vitest').Mock<(reload?: boolean) => Promise<void>>
}));

vi.mock('virtual:pwa-register/svelte', () => ({
	useRegisterSW(options: RegisterSWOptions) {
		sw.options = options;
		return {
			needRefresh: sw.needRefresh,
			offlineReady: sw.offlineReady,
			updateServiceWorker: sw.updateServiceWorker
		};
	}
}));

// jsdom has no service workers; the banner only listens to the container's `controllerchange`.
const serviceWorkerContainer = new EventTarget();
Object.defineProperty(navigator, 'serviceWorker', { value: serviceWorkerContainer, configurable: true });

beforeEach(() => {
	sw.needRefresh = writable(false);
	sw.offlineReady = writable(false);
	sw.updateServiceWorker = vi.fn(async () => undefined);
});

afterEach(() => {
	unsavedInput.track('form', false);
});

async function newVersionWaiting(): Promise<void> {
	sw.needRefresh.set(true);
	await screen.findByText('Eine neue Version ist verfügbar');
}

describe('UpdateBanner', () => {
	it('shows nothing while no new version is waiting', () => {
		render(UpdateBanner, { reload: vi.fn() });
		expect(screen.queryByText('Eine neue Version ist verfügbar')).not.toBeInTheDocument();
		expect(screen.queryByRole('button')).not.toBeInTheDocument();
	});

	it('offers the new version and activates it only when the user asks', async () => {
		const reload = vi.fn();
		render(UpdateBanner, { reload });
		await newVersionWaiting();
		expect(sw.updateServiceWorker).not.toHaveBeenCalled();
		expect(reload).not.toHaveBeenCalled();

		await userEvent.click(screen.getByRole('button', { name: 'Jetzt aktualisieren' }));
		expect(sw.updateServiceWorker).toHaveBeenCalledTimes(1);
		expect(reload).not.toHaveBeenCalled();

		// The new worker took control after the user's click: now the page reloads, once.
		sw.options?.onNeedReload?.();
		serviceWorkerContainer.dispatchEvent(new Event('controllerchange'));
		expect(reload).toHaveBeenCalledTimes(1);
		expect(screen.queryByRole('button', { name: 'Jetzt neu laden' })).not.toBeInTheDocument();
	});

	it('asks to save first and keeps the update button disabled while a form has unsaved input', async () => {
		unsavedInput.track('form', true);
		render(UpdateBanner, { reload: vi.fn() });
		await newVersionWaiting();

		const button = screen.getByRole('button', { name: 'Jetzt aktualisieren' });
		expect(button).toBeDisabled();
		expect(button).toHaveAccessibleDescription(/Bitte speichern Sie zuerst Ihre Eingaben/);
		await userEvent.click(button);
		expect(sw.updateServiceWorker).not.toHaveBeenCalled();

		unsavedInput.track('form', false);
		await vi.waitFor(() => expect(button).toBeEnabled());
		expect(screen.queryByText(/Bitte speichern Sie zuerst/)).not.toBeInTheDocument();
	});

	it('never reloads on its own when another tab activated the new version', async () => {
		const reload = vi.fn();
		unsavedInput.track('form', true);
		render(UpdateBanner, { reload });

		sw.options?.onNeedReload?.();
		serviceWorkerContainer.dispatchEvent(new Event('controllerchange'));
		await screen.findByText('Eine neue Version ist verfügbar');
		expect(reload).not.toHaveBeenCalled();
		expect(screen.getByRole('button', { name: 'Jetzt neu laden' })).toBeDisabled();

		unsavedInput.track('form', false);
		await userEvent.click(await screen.findByRole('button', { name: 'Jetzt neu laden' }));
		expect(reload).toHaveBeenCalledTimes(1);
	});

	it('hides the banner until the next start when the user chooses „Später“', async () => {
		render(UpdateBanner, { reload: vi.fn() });
		await newVersionWaiting();
		await userEvent.click(screen.getByRole('button', { name: 'Später' }));
		expect(screen.queryByText('Eine neue Version ist verfügbar')).not.toBeInTheDocument();
		expect(sw.updateServiceWorker).not.toHaveBeenCalled();
	});

	it('tells the user once the app works offline', async () => {
		render(UpdateBanner, { reload: vi.fn(), offlineReadyVisibleMs: 50 });
		sw.offlineReady.set(true);
		expect(await screen.findByText('Offline bereit')).toBeInTheDocument();
		await vi.waitFor(() => expect(screen.queryByText('Offline bereit')).not.toBeInTheDocument());
	});

	it('looks for a new version when the tablet comes online and when the user returns to the app', async () => {
		render(UpdateBanner, { reload: vi.fn(), returnCheckGapMs: 60_000 });
		const update = vi.fn(async () => undefined);
		sw.options?.onRegisteredSW?.('/sw.js', { update } as unknown as ServiceWorkerRegistration);
		const setOnline = (online: boolean) =>
			Object.defineProperty(navigator, 'onLine', { value: online, configurable: true });
		const setVisible = (visible: boolean) => {
			Object.defineProperty(document, 'visibilityState', {
				value: visible ? 'visible' : 'hidden',
				configurable: true
			});
			document.dispatchEvent(new Event('visibilitychange'));
		};
		try {
			window.dispatchEvent(new Event('online'));
			await vi.waitFor(() => expect(update).toHaveBeenCalledTimes(1));

			// Back in the app a minute later asks again; switching back and forth right away does not.
			vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 61_000);
			setVisible(false);
			setVisible(true);
			await vi.waitFor(() => expect(update).toHaveBeenCalledTimes(2));
			setVisible(false);
			setVisible(true);
			expect(update).toHaveBeenCalledTimes(2);

			// With no network there is nothing to ask.
			setOnline(false);
			vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 200_000);
			setVisible(false);
			setVisible(true);
			expect(update).toHaveBeenCalledTimes(2);
		} finally {
			setOnline(true);
			setVisible(true);
			vi.restoreAllMocks();
		}
	});
});
