import { runWithContext } from '@fleet/context';
import type { Logger } from '@fleet/logger';
import type { AmqpConnection } from './amqp-connection';
import { attachedConsumer } from './attached-consumer';
import { toError } from './backoff';
import type { Subscription, TransientOptions } from './broker-types';
import { contextFromEnvelope } from './envelope';
import { parseEnvelope } from './envelope-validator';

const PREFETCH = 64;

/**
 * A per-process subscription for cache invalidation: a server-named, exclusive, auto-delete
 * classic queue that lives only as long as this connection. No retries, no DLQ: a failed or
 * malformed message is logged and dropped. After a reconnect the queue is new and whatever was
 * published meanwhile is lost, which `onResubscribe` reports.
 */
export async function subscribeTransient(
  connection: AmqpConnection,
  logger: Logger,
  exchange: string,
  readyTimeoutMs: number,
  options: TransientOptions,
): Promise<Subscription> {
  const label = `transient(${options.bindings.join(',')})`;
  const consumer = attachedConsumer({
    connection,
    logger,
    label,
    readyTimeoutMs,
    async setup(channel) {
      const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true, durable: false });
      for (const pattern of options.bindings) await channel.bindQueue(queue, exchange, pattern);
      await channel.prefetch(PREFETCH);
      const reply = await channel.consume(queue, (message) => {
        if (message === null) return connection.recycle(`${label} cancelled`);
        const parsed = parseEnvelope(message.content);
        const done = () => {
          try {
            channel.ack(message);
          } catch {
            // channel gone; the queue went with it
          }
        };
        if (!parsed.ok) {
          logger.warn({ error: parsed.error }, 'malformed message on a transient subscription; dropped');
          return done();
        }
        const envelope = parsed.envelope;
        Promise.resolve()
          .then(() => runWithContext(contextFromEnvelope(envelope), () => options.handler(envelope)))
          .catch((err: unknown) =>
            logger.warn({ err: toError(err), eventId: envelope.id }, 'transient handler failed; dropped'),
          )
          .finally(done);
      });
      return reply.consumerTag;
    },
    onAttached(again) {
      if (again) options.onResubscribe?.();
    },
  });
  await consumer.start();
  return {
    async unsubscribe() {
      const closeChannel = await consumer.cancel();
      await closeChannel();
    },
  };
}
