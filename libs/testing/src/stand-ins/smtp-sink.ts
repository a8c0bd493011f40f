import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { waitFor } from '../wait-for';

/** A message as the sink received it: the envelope's recipients and the parsed MIME. */
export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  html: string;
  text: string;
  headers: Map<string, unknown>;
  receivedAt: Date;
  parsed: ParsedMail;
}

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>`: what SMTP_URL is set to. */
  url: string;
  port: number;
  /** Every message accepted so far, in arrival order. */
  received: ReceivedMail[];
  /** Recipients the server refuses (550), as a real server refuses a dead mailbox. */
  refuse: Set<string>;
  /** Messages sent to `address` so far. */
  to(address: string): ReceivedMail[];
  /** Waits until `count` messages reached `address`, and answers them. */
  waitForMail(address: string, count?: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server (`smtp-server`) on loopback: the third-party stand-in for the mail provider.
 * It accepts anything without authentication and keeps what it receives, parsed (`mailparser`).
 * The dev mail sink (`npm start`) and the tests both use it.
 */
export async function startSmtpSink(options: { port?: number; host?: string } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address.toLowerCase())) {
        const err = Object.assign(new Error(`Mailbox ${address.address} unavailable`), { responseCode: 550 });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            text: parsed.text ?? '',
            headers: parsed.headers,
            receivedAt: new Date(),
            parsed,
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const to = (addr: string) => received.filter((m) => m.to.includes(addr.toLowerCase()));
  return {
    url: `smtp://${host}:${port}`,
    port,
    received,
    refuse,
    to,
    async waitForMail(addr, count = 1, timeoutMs = 20_000) {
      await waitFor(`${count} mail(s) to ${addr}`, () => to(addr).length >= count, { timeoutMs });
      return to(addr);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
