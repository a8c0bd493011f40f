import type { Channel, ConsumeMessage } from 'amqplib';
import { runWithContext } from '@fleet/context';
import type { Logger } from '@fleet/logger';
import type { AmqpConnection } from './amqp-connection';
import { attachedConsumer } from './attached-consumer';
import { sleep, toError, waitAtMost } from './backoff';
import type { EventHandler } from './broker-types';
import { publishInOrder, type OutgoingMessage } from './confirmed-publish';
import { contextFromEnvelope } from './envelope';
import { traceConsume } from './tracing';
import { isTracing } from '@fleet/telemetry';
import { parseEnvelope } from './envelope-validator';
import { attemptOf, deadLetterMessage, retryMessage } from './failure-routing';
import {
  declareConsumerQueues,
  type ConsumerTopology,
  type DeclaredTracker,
  type ExchangeNames,
} from './topology';

export interface DurableConsumerOptions {
  connection: AmqpConnection;
  logger: Logger;
  exchanges: ExchangeNames;
  topology: ConsumerTopology;
  prefetch: number;
  /** The consuming service, whose span the handling is. */
  service: string;
  handler: EventHandler;
  track: DeclaredTracker;
  readyTimeoutMs: number;
  confirmTimeoutMs: number;
}

export interface DurableConsumer {
  queue: string;
  /** Stops taking messages, waits (bounded) for in-flight handlers, closes the channel. */
  stop(drainTimeoutMs: number): Promise<void>;
}

/**
 * A competing consumer on a quorum queue. Each delivery is handled in the event's tenant context;
 * on success it is acked; on failure a copy goes to the delay queue of that attempt (or to the
 * DLQ after the last attempt, or at once when malformed) with publisher confirms, and only then
 * is the original acked, so a crash anywhere leaves at least one copy in a queue.
 */
export async function startDurableConsumer(options: DurableConsumerOptions): Promise<DurableConsumer> {
  const { connection, logger, topology, handler } = options;
  const { names, maxAttempts } = topology;
  const inFlight = new Set<Promise<void>>();

  async function handle(channel: Channel, isOpen: () => boolean, message: ConsumeMessage): Promise<void> {
    const attempt = attemptOf(message);
    const parsed = parseEnvelope(message.content);
    if (!parsed.ok) {
      logger.warn(
        { queue: names.queue, messageId: message.properties.messageId, error: parsed.error },
        'malformed message; dead-lettering',
      );
      return route(channel, isOpen, message, deadLetterMessage(message, names, attempt, parsed.error));
    }
    const envelope = parsed.envelope;
    try {
      const handle = () => runWithContext(contextFromEnvelope(envelope), () => handler(envelope));
      await (isTracing() ? traceConsume(options.service, names.queue, message, envelope, handle) : handle());
    } catch (err) {
      const error = toError(err);
      const final = attempt >= maxAttempts;
      logger.warn(
        { err: error, queue: names.queue, eventId: envelope.id, type: envelope.type, attempt },
        final ? 'handler failed for the last time; dead-lettering' : 'handler failed; retrying later',
      );
      const copy = final
        ? deadLetterMessage(message, names, attempt, error.message)
        : retryMessage(message, names, attempt, error.message);
      return route(channel, isOpen, message, copy);
    }
    settle(channel, message, 'ack');
  }

  /** Publishes the retry/DLQ copy with confirms, then acks the original. */
  async function route(
    channel: Channel,
    isOpen: () => boolean,
    message: ConsumeMessage,
    copy: OutgoingMessage,
  ) {
    // A dead channel's unacked messages are already back in the queue: copying would duplicate.
    if (!isOpen()) return;
    const session = connection.current();
    const outcome = session
      ? await publishInOrder(session.publisher, [copy], options.confirmTimeoutMs)
      : { confirmed: 0, error: new Error('not connected') };
    if (outcome.confirmed === 1) return settle(channel, message, 'ack');
    logger.warn(
      { err: outcome.error, queue: names.queue, to: copy.routingKey },
      'could not route failed message; requeueing',
    );
    await sleep(100); // do not spin: the redelivery counts towards the delivery limit
    settle(channel, message, 'requeue');
  }

  function settle(channel: Channel, message: ConsumeMessage, how: 'ack' | 'requeue'): void {
    try {
      if (how === 'ack') channel.ack(message);
      else channel.nack(message, false, true);
    } catch {
      // The channel closed meanwhile: the broker redelivers the message (at least once).
    }
  }

  const consumer = attachedConsumer({
    connection,
    logger,
    label: names.queue,
    readyTimeoutMs: options.readyTimeoutMs,
    async setup(channel, isOpen) {
      await declareConsumerQueues(channel, options.exchanges, topology, options.track);
      await channel.prefetch(options.prefetch);
      const reply = await channel.consume(names.queue, (message) => {
        if (message === null) {
          logger.warn({ queue: names.queue }, 'consumer cancelled by the broker; reconnecting');
          if (isOpen()) connection.recycle(`consumer of ${names.queue} cancelled`);
          return;
        }
        const work: Promise<void> = handle(channel, isOpen, message)
          .catch((err: unknown) => logger.error({ err, queue: names.queue }, 'message handling crashed'))
          .finally(() => inFlight.delete(work));
        inFlight.add(work);
      });
      return reply.consumerTag;
    },
  });
  await consumer.start();

  return {
    queue: names.queue,
    async stop(drainTimeoutMs) {
      const closeChannel = await consumer.cancel();
      await waitAtMost(Promise.allSettled([...inFlight]), drainTimeoutMs);
      await closeChannel();
    },
  };
}
