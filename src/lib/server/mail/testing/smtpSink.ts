import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';

/** A message as the sink received it, parsed. */
export interface ReceivedMail {
	to: string[];
	from: string;
	subject: string;
	text: string;
	html: string;
}

/**
 * A local SMTP server for tests (smtp-server on a free port of 127.0.0.1): it accepts every message
 * and keeps it, or refuses every one while `refusing` is set, to test the fallback.
 */
export interface SmtpSink {
	url: string;
	received: ReceivedMail[];
	refusing: boolean;
	/** Waits until `count` messages have arrived (no fixed sleeps in tests). */
	waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
	close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
	const received: ReceivedMail[] = [];
	const waiters = new Set<() => void>();
	const sink: SmtpSink = {
		url: '',
		received,
		refusing: false,
		waitFor(count, timeoutMs = 15_000) {
			return new Promise((resolve, reject) => {
				const check = () => {
					if (received.length < count) return;
					waiters.delete(check);
					clearTimeout(timer);
					resolve(received.slice(0, count));
				};
				const timer = setTimeout(() => {
					waiters.delete(check);
					reject(new Error(`expected ${count} mails, got ${received.length}`));
				}, timeoutMs);
				waiters.add(check);
				check();
			});
		},
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
	const server = new SMTPServer({
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onRcptTo(_address, _session, callback) {
			callback(sink.refusing ? new Error('Mailbox unavailable') : undefined);
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				PostalMime.parse(Buffer.concat(chunks))
					.then((parsed) => {
						received.push({
							from: parsed.from?.address ?? '',
							to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
							subject: parsed.subject ?? '',
							text: parsed.text ?? '',
							html: parsed.html ?? ''
						});
						callback();
						for (const waiter of [...waiters]) waiter();
					})
					.catch((error: Error) => callback(error));
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	sink.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
	return sink;
}

/** The set-password link in a received mail's plain text. */
export function linkIn(mail: ReceivedMail): string {
	const match = /https?:\/\/\S+\/passwort-setzen\?token=[\w-]+/.exec(mail.text);
	if (!match) throw new Error(`no set-password link in: ${mail.text}`);
	return match[0];
}
