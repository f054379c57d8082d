import { tick } from 'svelte';

/** After a refused submit, keyboard and screen-reader users land on the first field to fix. */
export async function focusFirstInvalid(form: HTMLFormElement | undefined): Promise<void> {
	await tick();
	form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
