import type { Channel, GetMessage } from 'amqplib';
import type { AmqpSession } from './amqp-connection';
import type { DeadLetter } from './broker-types';
import { publishInOrder } from './confirmed-publish';
import { parseEnvelope } from './envelope-validator';
import { deadLetterRoutingKey, HEADER, replayMessage } from './failure-routing';
import { queueOfDlq } from './topology';

/** How many dead letters a replay or a discard looks through for the one asked for. */
const SCAN_LIMIT = 10_000;

/**
 * Reads up to `limit` dead letters without removing them: they are fetched with basic.get and
 * left unacknowledged, then closing the channel puts them back. While a listing runs, the
 * messages it holds are invisible to another listing (good enough for an operator console).
 */
export async function readDeadLetters(
  session: AmqpSession,
  dlq: string,
  limit: number,
): Promise<DeadLetter[]> {
  return withChannel(session, [], async (channel) => {
    const letters: DeadLetter[] = [];
    while (letters.length < limit) {
      const message = await channel.get(dlq, { noAck: false });
      if (!message) break;
      letters.push(toDeadLetter(dlq, message));
    }
    return letters;
  });
}

/** Moves one dead letter (by message id) back to its consumer queue, confirmed before it is removed. */
export async function replayDeadLetter(
  session: AmqpSession,
  dlq: string,
  messageId: string,
  confirmTimeoutMs: number,
): Promise<boolean> {
  const taken = await takeDeadLetter(session, dlq, messageId, async (message) => {
    const outcome = await publishInOrder(
      session.publisher,
      [replayMessage(message, queueOfDlq(dlq))],
      confirmTimeoutMs,
    );
    if (outcome.error) throw outcome.error;
  });
  return taken !== undefined;
}

/**
 * Removes one dead letter (by message id) for good. `record` runs first with what is removed (the
 * caller keeps it with the reason); the message is acknowledged only once `record` resolved, so a
 * failing record leaves it in the DLQ. Undefined when there is no such message.
 */
export async function discardDeadLetter(
  session: AmqpSession,
  dlq: string,
  messageId: string,
  record: (letter: DeadLetter) => Promise<void>,
): Promise<DeadLetter | undefined> {
  return takeDeadLetter(session, dlq, messageId, (message) => record(toDeadLetter(dlq, message)));
}

/**
 * Finds one message of a DLQ by id, runs `before` on it, then acknowledges it (removing it). The
 * others seen on the way are held unacknowledged and go back when the channel closes.
 */
async function takeDeadLetter(
  session: AmqpSession,
  dlq: string,
  messageId: string,
  before: (message: GetMessage) => Promise<void>,
): Promise<DeadLetter | undefined> {
  return withChannel<DeadLetter | undefined>(session, undefined, async (channel) => {
    for (let seen = 0; seen < SCAN_LIMIT; seen++) {
      const message = await channel.get(dlq, { noAck: false });
      if (!message) return undefined;
      if (message.properties.messageId !== messageId) continue; // held, put back when the channel closes
      await before(message);
      channel.ack(message);
      return toDeadLetter(dlq, message);
    }
    return undefined;
  });
}

/** Runs `work` on a short-lived channel; a missing queue (404, which closes the channel) gives `missing`. */
async function withChannel<T>(
  session: AmqpSession,
  missing: T,
  work: (channel: Channel) => Promise<T>,
): Promise<T> {
  const channel = await session.model.createChannel();
  channel.on('error', () => undefined); // surfaces as the rejected call
  try {
    return await work(channel);
  } catch (err) {
    if (isNotFound(err)) return missing;
    throw err;
  } finally {
    await channel.close().catch(() => undefined);
  }
}

/** amqplib reports a missing queue as `code` 404, or (a frame on the closing channel) `fields.replyCode`. */
function isNotFound(err: unknown): boolean {
  const e = err as { code?: number; fields?: { replyCode?: number } } | undefined;
  return e?.code === 404 || e?.fields?.replyCode === 404;
}

function toDeadLetter(queue: string, message: GetMessage): DeadLetter {
  const headers = message.properties.headers ?? {};
  const parsed = parseEnvelope(message.content);
  const death = headers['x-death']?.[0];
  const reason = text(headers['x-first-death-reason']);
  return {
    queue,
    messageId: text(message.properties.messageId) ?? '',
    routingKey: deadLetterRoutingKey(message),
    error: text(headers[HEADER.error]) ?? (reason ? `dead-lettered by RabbitMQ: ${reason}` : 'unknown'),
    attempts: typeof headers[HEADER.attempts] === 'number' ? (headers[HEADER.attempts] as number) : null,
    failedAt:
      text(headers[HEADER.failedAt]) ?? (death ? new Date(death.time.value * 1000).toISOString() : null),
    consumer: text(headers[HEADER.consumer]) ?? text(headers['x-first-death-queue']) ?? null,
    envelope: parsed.ok ? parsed.envelope : null,
    body: message.content.toString(),
  };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;
