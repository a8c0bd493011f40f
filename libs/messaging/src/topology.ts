import type { Channel } from 'amqplib';

/** Names of the exchanges one prefix uses. */
export interface ExchangeNames {
  /** The one topic exchange every event is published to (routing key = event type). */
  events: string;
  /** Direct exchange that RabbitMQ dead-letters to (delivery-limit backstop), routing key = DLQ name. */
  dlx: string;
}

export interface ConsumerQueueNames {
  queue: string;
  dlq: string;
  /** The delay queue a message waits in after failed attempt `attempt`. */
  retry(attempt: number): string;
}

export interface ConsumerTopology {
  names: ConsumerQueueNames;
  bindings: readonly string[];
  maxAttempts: number;
  baseDelayMs: number;
  deliveryLimit: number;
}

/** Records what was declared, so tests can delete it. */
export interface DeclaredTracker {
  exchange(name: string): void;
  queue(name: string): void;
}

const DLQ_SUFFIX = '.dlq';

export function exchangeNames(prefix: string): ExchangeNames {
  return { events: `${prefix}events`, dlx: `${prefix}dlx` };
}

export function consumerQueueNames(prefix: string, service: string, name: string): ConsumerQueueNames {
  const queue = `${prefix}${service}.${name}`;
  return { queue, dlq: dlqOf(queue), retry: (attempt) => `${queue}.retry.${attempt}` };
}

export const dlqOf = (queue: string): string =>
  queue.endsWith(DLQ_SUFFIX) ? queue : `${queue}${DLQ_SUFFIX}`;
export const queueOfDlq = (dlq: string): string =>
  dlq.endsWith(DLQ_SUFFIX) ? dlq.slice(0, -DLQ_SUFFIX.length) : dlq;

/** Delay before attempt n+1, after attempt n failed: base * 2^(n-1). */
export const retryDelayMs = (baseDelayMs: number, attempt: number): number =>
  baseDelayMs * 2 ** (attempt - 1);

/**
 * Quorum queues (replicated, durable). At-least-once dead-lettering (which needs reject-publish
 * overflow) makes RabbitMQ move expired or over-delivered messages with its own confirms, so a
 * message is never dropped between a delay queue and its consumer queue.
 */
const QUORUM = {
  'x-queue-type': 'quorum',
  'x-dead-letter-strategy': 'at-least-once',
  'x-overflow': 'reject-publish',
} as const;

export async function declareExchanges(
  channel: Channel,
  names: ExchangeNames,
  track: DeclaredTracker,
): Promise<void> {
  await channel.assertExchange(names.events, 'topic', { durable: true });
  track.exchange(names.events);
  await channel.assertExchange(names.dlx, 'direct', { durable: true });
  track.exchange(names.dlx);
}

/**
 * Declares a consumer's queues: the main quorum queue bound to the events exchange, one delay
 * queue per retry (never consumed: its TTL dead-letters back to the main queue through the
 * default exchange), and the DLQ. Idempotent; queue arguments cannot change once declared.
 */
export async function declareConsumerQueues(
  channel: Channel,
  exchanges: ExchangeNames,
  topology: ConsumerTopology,
  track: DeclaredTracker,
): Promise<void> {
  const { names } = topology;
  await channel.assertQueue(names.dlq, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  track.queue(names.dlq);
  await channel.bindQueue(names.dlq, exchanges.dlx, names.dlq);
  await channel.assertQueue(names.queue, {
    durable: true,
    arguments: {
      ...QUORUM,
      'x-delivery-limit': topology.deliveryLimit,
      'x-dead-letter-exchange': exchanges.dlx,
      'x-dead-letter-routing-key': names.dlq,
    },
  });
  track.queue(names.queue);
  for (let attempt = 1; attempt < topology.maxAttempts; attempt++) {
    await channel.assertQueue(names.retry(attempt), {
      durable: true,
      arguments: {
        ...QUORUM,
        'x-message-ttl': retryDelayMs(topology.baseDelayMs, attempt),
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': names.queue,
      },
    });
    track.queue(names.retry(attempt));
  }
  for (const pattern of topology.bindings) await channel.bindQueue(names.queue, exchanges.events, pattern);
}
