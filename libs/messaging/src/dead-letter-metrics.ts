import { sourcedGauge } from '@fleet/telemetry';
import type { AmqpConnection } from './amqp-connection';

interface DeadLetterSource {
  service: string;
  queue: string;
  dlq: string;
  connection: AmqpConnection;
}

/**
 * `fleet_dead_letter_messages{service,queue}`: messages parked in the consumer's dead-letter
 * queue, read at scrape time (a passive declare on a short-lived channel). Nothing is read while
 * RabbitMQ is unreachable.
 */
export function trackDeadLetters(source: DeadLetterSource): () => void {
  return sourcedGauge<DeadLetterSource>(
    source.service,
    {
      name: 'fleet_dead_letter_messages',
      help: 'Messages in the dead-letter queue of each consumer (each one is work that did not happen).',
      labelNames: ['service', 'queue'],
    },
    async (s, sample) => {
      const session = s.connection.current();
      if (!session) return;
      const channel = await session.model.createChannel();
      channel.on('error', () => undefined); // a missing queue closes the channel: no sample
      try {
        const { messageCount } = await channel.checkQueue(s.dlq);
        sample({ service: s.service, queue: s.queue }, messageCount);
      } finally {
        await channel.close().catch(() => undefined);
      }
    },
  )(source);
}
