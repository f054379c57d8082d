import type { PasswordLink } from '$lib/domain/accounts';
import type { ServerContext } from '$lib/server/context';
import { passwordLinkMail, type PasswordMailKind } from './passwordLinkMail';
import { sendMail } from './transport';

/**
 * Sends a set-password link its holder's way when SMTP is configured and reports how it went, so
 * the admin or Leitung reads „Link wurde an … gesendet“, or, if sending failed, gets the link to
 * hand over herself. Without SMTP the link is returned as before, with no `mail` field.
 */
export async function mailPasswordLink(
	ctx: ServerContext,
	to: string,
	link: PasswordLink,
	kind: PasswordMailKind
): Promise<PasswordLink> {
	const mail = ctx.config.mail;
	if (!mail) return link;
	try {
		await sendMail(mail, passwordLinkMail({ kind, to, ...link, operatorName: ctx.config.operator.name }));
		return { ...link, mail: { to, sent: true } };
	} catch (error) {
		console.error(
			`Versand eines Passwort-Links fehlgeschlagen (${(error as { code?: string }).code ?? 'unbekannt'})`
		);
		return { ...link, mail: { to, sent: false } };
	}
}
