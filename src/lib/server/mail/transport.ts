import nodemailer, { type Transporter } from 'nodemailer';
import type { ServerConfig } from '$lib/server/config';

/** One message as the mail module sends it: always both a plain-text and an HTML part. */
export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
	html: string;
}

type MailConfig = NonNullable<ServerConfig['mail']>;

/**
 * Timeouts well below a browser's patience: an admin waits for the answer „Link wurde gesendet“ or
 * the fallback link, and an SMTP server that does not answer must not hold that request for minutes
 * (nodemailer's defaults are 2 and 10 minutes).
 */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

// One pooled-free transport per SMTP_URL; nodemailer opens a connection per message, which is plenty
// for a handful of set-password mails a day and survives an SMTP server's restart without care.
const transports = new Map<string, Transporter>();

function transportFor(config: MailConfig): Transporter {
	let transport = transports.get(config.smtpUrl);
	if (!transport) {
		transport = nodemailer.createTransport({ url: config.smtpUrl, ...TIMEOUTS });
		transports.set(config.smtpUrl, transport);
	}
	return transport;
}

/** Hands the message to the SMTP server; rejects when it was not accepted. */
export async function sendMail(config: MailConfig, mail: OutgoingMail): Promise<void> {
	await transportFor(config).sendMail({ from: config.from, ...mail });
}
