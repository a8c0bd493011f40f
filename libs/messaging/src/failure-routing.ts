import type { Message, MessagePropertyHeaders, Options } from 'amqplib';
import { newId } from '@fleet/db';
import type { OutgoingMessage } from './confirmed-publish';
import type { ConsumerQueueNames } from './topology';

/** Headers this library sets on retried and dead-lettered copies. */
export const HEADER = {
  attempt: 'x-attempt',
  originalRoutingKey: 'x-original-routing-key',
  lastError: 'x-last-error',
  error: 'x-error',
  attempts: 'x-attempts',
  failedAt: 'x-failed-at',
  consumer: 'x-consumer',
  replayedAt: 'x-replayed-at',
} as const;

/** Broker bookkeeping that must not travel on with a copy (it would grow on every cycle). */
const DROPPED_HEADERS = [
  'x-death',
  'x-first-death-exchange',
  'x-first-death-queue',
  'x-first-death-reason',
  'x-last-death-exchange',
  'x-last-death-queue',
  'x-last-death-reason',
  'x-delivery-count',
  HEADER.lastError,
  HEADER.error,
  HEADER.attempts,
  HEADER.failedAt,
  HEADER.consumer,
  HEADER.replayedAt,
];

/** Which handler attempt this delivery is (1 for a first delivery). */
export function attemptOf(message: Message): number {
  const value: unknown = message.properties.headers?.[HEADER.attempt];
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : 1;
}

/** The event type the message was first published with (retries travel under queue names). */
export function originalRoutingKey(message: Message): string {
  const value: unknown = message.properties.headers?.[HEADER.originalRoutingKey];
  return typeof value === 'string' ? value : message.fields.routingKey;
}

/** After failed attempt `attempt`: wait in that attempt's delay queue, then come back as attempt+1. */
export function retryMessage(
  message: Message,
  names: ConsumerQueueNames,
  attempt: number,
  error: string,
): OutgoingMessage {
  return copy(message, names.retry(attempt), {
    [HEADER.attempt]: attempt + 1,
    [HEADER.originalRoutingKey]: originalRoutingKey(message),
    [HEADER.lastError]: truncate(error),
  });
}

export function deadLetterMessage(
  message: Message,
  names: ConsumerQueueNames,
  attempts: number,
  error: string,
): OutgoingMessage {
  return copy(message, names.dlq, {
    [HEADER.error]: truncate(error),
    [HEADER.originalRoutingKey]: originalRoutingKey(message),
    [HEADER.attempts]: attempts,
    [HEADER.failedAt]: new Date().toISOString(),
    [HEADER.consumer]: names.queue,
  });
}

/** A dead letter sent back to its consumer queue for a fresh round of attempts. */
export function replayMessage(message: Message, queue: string): OutgoingMessage {
  return copy(message, queue, {
    [HEADER.attempt]: 1,
    [HEADER.originalRoutingKey]: deadLetterRoutingKey(message),
    [HEADER.replayedAt]: new Date().toISOString(),
  });
}

/** The original routing key of a dead letter, whether we or RabbitMQ (delivery limit) put it there. */
export function deadLetterRoutingKey(message: Message): string | null {
  const headers = message.properties.headers;
  const ours: unknown = headers?.[HEADER.originalRoutingKey];
  if (typeof ours === 'string') return ours;
  return headers?.['x-death']?.[0]?.['routing-keys']?.[0] ?? null;
}

/** Sent through the default exchange straight to `queue`, persistent, with the original properties. */
function copy(message: Message, queue: string, extra: Record<string, unknown>): OutgoingMessage {
  const p = message.properties;
  const options: Options.Publish = {
    persistent: true,
    contentType: p.contentType,
    contentEncoding: p.contentEncoding,
    messageId: p.messageId ?? newId('msg'),
    correlationId: p.correlationId,
    type: p.type,
    timestamp: p.timestamp,
    appId: p.appId,
    headers: { ...carriedHeaders(p.headers), ...extra },
  };
  return { exchange: '', routingKey: queue, content: message.content, options };
}

function carriedHeaders(headers: MessagePropertyHeaders | undefined): Record<string, unknown> {
  const kept: Record<string, unknown> = { ...headers };
  for (const name of DROPPED_HEADERS) delete kept[name];
  return kept;
}

const truncate = (text: string): string => (text.length > 1000 ? `${text.slice(0, 1000)}…` : text);
