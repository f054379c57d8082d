import { z } from 'zod';

/**
 * What a one-time link to set a password is when a device opens it. A used link and a replaced one
 * look the same to its holder: both were superseded, and the way on is the same.
 */
export const passwordLinkStates = ['usable', 'expired', 'used', 'invalid'] as const;
export type PasswordLinkState = (typeof passwordLinkStates)[number];

export const passwordLinkCheckSchema = z.object({
	state: z.enum(passwordLinkStates),
	/** Until when the link is (or was) valid; only for `usable` and `expired`. */
	expiresAt: z.string().nullable()
});
export type PasswordLinkCheck = z.infer<typeof passwordLinkCheckSchema>;

/** What the person holding an unusable link reads: what happened and what to do next. */
export const passwordLinkProblems: Record<Exclude<PasswordLinkState, 'usable'>, string> = {
	expired:
		'Dieser Link ist abgelaufen. Bitte fragen Sie Ihre Leitung oder die Administration nach einem neuen Link; er gilt dann wieder sieben Tage.',
	used: 'Dieser Link wurde schon benutzt oder durch einen neueren ersetzt. Haben Sie Ihr Passwort schon festgelegt, melden Sie sich einfach an. Sonst fragen Sie Ihre Leitung oder die Administration nach einem neuen Link.',
	invalid:
		'Dieser Link ist ungültig. Bitte prüfen Sie, ob er vollständig geöffnet wurde (am besten den QR-Code scannen), oder fragen Sie nach einem neuen Link.'
};
