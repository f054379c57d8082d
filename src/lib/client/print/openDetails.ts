/**
 * Opens every collapsed `<details>` while the page prints and closes them again afterwards, so that
 * a printout holds all evidence lists, also in browsers whose print CSS cannot open them.
 * Returns the function that removes the handlers.
 */
export function openDetailsWhilePrinting(target: Window = window): () => void {
	let opened: HTMLDetailsElement[] = [];
	const before = () => {
		opened = [...target.document.querySelectorAll<HTMLDetailsElement>('details:not([open])')];
		for (const details of opened) details.open = true;
	};
	const after = () => {
		for (const details of opened) details.open = false;
		opened = [];
	};
	target.addEventListener('beforeprint', before);
	target.addEventListener('afterprint', after);
	return () => {
		target.removeEventListener('beforeprint', before);
		target.removeEventListener('afterprint', after);
	};
}
