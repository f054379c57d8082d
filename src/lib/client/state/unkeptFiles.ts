import { beforeNavigate } from '$app/navigation';

/**
 * Typed input is kept as a draft, so leaving a form never asks. A picked photo or file is not kept
 * until its form is saved (forms mark that with `data-unsaved-file`); only then does leaving ask.
 * Closing or reloading the tab lets the browser ask (`cancel` on `leave`). Call in the root layout.
 */
export function askBeforeLosingPickedFiles(): void {
	beforeNavigate(({ cancel, type }) => {
		if (!document.querySelector('form[data-unsaved-file="true"]')) return;
		if (type === 'leave') return cancel();
		const leave = confirm(
			'Die gewählte Datei ist noch nicht gespeichert. Seite trotzdem verlassen? ' +
				'Die übrigen Eingaben bleiben als Entwurf erhalten, die Datei muss neu gewählt werden.'
		);
		if (!leave) cancel();
	});
}
