import nodemailer from 'nodemailer';
import type { RenderedEmail } from '../domain/email-renderer';

export interface OutgoingMail extends RenderedEmail {
  from: { name: string; address: string };
  to: string;
  /** Stays the same across retries, so a receiving server can spot a repeat. */
  messageId: string;
  headers: Record<string, string>;
}

export interface Mailer {
  /** Resolves with the server's message id once the SMTP server accepted the mail; throws otherwise. */
  send(mail: OutgoingMail): Promise<string | null>;
  close(): void;
}

/** nodemailer over SMTP (`SMTP_URL`), pooled: the connections are reused across e-mails. */
export function createSmtpMailer(smtpUrl: string, options: { maxConnections?: number } = {}): Mailer {
  const url = new URL(smtpUrl);
  url.searchParams.set('pool', 'true');
  url.searchParams.set('maxConnections', String(options.maxConnections ?? 4));
  const transport = nodemailer.createTransport(url.toString());
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: mail.messageId,
        headers: mail.headers,
      });
      return typeof info.messageId === 'string' ? info.messageId : null;
    },
    close: () => transport.close(),
  };
}
