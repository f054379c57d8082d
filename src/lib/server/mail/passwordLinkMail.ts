import type { OutgoingMail } from './transport';

/**
 * Why the recipient gets a set-password link: a new account (created by the admin or the Leitung, or
 * an invitation into a team, worded alike so the Leitung's choice of address reveals nothing), a new
 * link someone issued for her, or her own „Passwort vergessen“.
 */
export type PasswordMailKind = 'account' | 'reset' | 'forgot';

export interface PasswordMailInput {
	kind: PasswordMailKind;
	to: string;
	url: string;
	/** ISO instant the link stops working. */
	expiresAt: string;
	/** Who runs the deployment (OPERATOR_NAME), named in the footer when set. */
	operatorName: string | null;
}

const SUBJECTS: Record<PasswordMailKind, string> = {
	account: 'Ihr Zugang zur Gütesiegel-Mappe',
	reset: 'Neuer Link für Ihr Passwort in der Gütesiegel-Mappe',
	forgot: 'Passwort zurücksetzen in der Gütesiegel-Mappe'
};

const OPENINGS: Record<PasswordMailKind, string> = {
	account:
		'für Sie wurde ein Zugang zur Gütesiegel-Mappe eingerichtet. Bitte legen Sie über diesen Link Ihr Passwort fest:',
	reset:
		'für Ihren Zugang zur Gütesiegel-Mappe wurde ein neuer Link ausgestellt. Bitte legen Sie darüber ein neues Passwort fest:',
	forgot:
		'Sie haben für Ihren Zugang zur Gütesiegel-Mappe „Passwort vergessen“ gewählt. Über diesen Link legen Sie ein neues Passwort fest:'
};

/** The seal's users are in NRW: the expiry is given in German local time, whatever the server's zone. */
const expiryFormat = new Intl.DateTimeFormat('de-DE', {
	timeZone: 'Europe/Berlin',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit'
});

/**
 * The mail carrying a one-time set-password link, as plain text and simple HTML. It holds nothing
 * about anyone but the recipient: no name of who issued the link, no centre, only the link.
 */
export function passwordLinkMail(input: PasswordMailInput): OutgoingMail {
	const until = `Der Link funktioniert einmal und gilt bis ${expiryFormat.format(new Date(input.expiresAt))} Uhr.`;
	const notes = [until];
	if (input.kind !== 'account') {
		notes.push('Mit dem neuen Passwort werden Sie auf allen anderen Geräten abgemeldet.');
	}
	if (input.kind === 'forgot') {
		notes.push(
			'Wenn Sie das nicht angefordert haben, können Sie diese E-Mail einfach löschen: Ihr bisheriges Passwort gilt weiter.'
		);
	}
	const footer = `Diese E-Mail wurde automatisch versandt${input.operatorName ? ` von: ${input.operatorName}` : ''}. Bitte antworten Sie nicht darauf.`;
	const text =
		['Guten Tag,', OPENINGS[input.kind], input.url, ...notes, `-- \n${footer}`].join('\n\n') + '\n';
	const html = [
		'<!doctype html><html lang="de"><head><meta charset="utf-8"></head><body style="font-family: sans-serif; line-height: 1.5">',
		'<p>Guten Tag,</p>',
		`<p>${escapeHtml(OPENINGS[input.kind])}</p>`,
		`<p><a href="${escapeHtml(input.url)}">Passwort festlegen</a></p>`,
		`<p style="word-break: break-all">${escapeHtml(input.url)}</p>`,
		...notes.map((note) => `<p>${escapeHtml(note)}</p>`),
		`<p style="color: #555">${escapeHtml(footer)}</p>`,
		'</body></html>'
	].join('\n');
	return { to: input.to, subject: SUBJECTS[input.kind], text, html };
}

function escapeHtml(value: string): string {
	return value
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;');
}
