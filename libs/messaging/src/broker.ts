import { connect } from 'amqplib';
import { openAmqpConnection } from './amqp-connection';
import { toError } from './backoff';
import type {
  Broker,
  BrokerOptions,
  ConsumeOptions,
  DeadLetter,
  PublishOutcome,
  Subscription,
} from './broker-types';
import { publishInOrder, type OutgoingMessage } from './confirmed-publish';
import { discardDeadLetter, readDeadLetters, replayDeadLetter } from './dead-letters';
import { startDurableConsumer, type DurableConsumer } from './durable-consumer';
import type { EventEnvelope } from './envelope';
import { trackDeadLetters } from './dead-letter-metrics';
import { subscribeTransient } from './transient-subscription';
import { tracePublish } from './tracing';
import { isTracing } from '@fleet/telemetry';
import { consumerQueueNames, declareExchanges, dlqOf, exchangeNames, type DeclaredTracker } from './topology';

const DEFAULTS = {
  connectTimeoutMs: 30_000,
  publishTimeoutMs: 10_000,
  confirmTimeoutMs: 30_000,
  reconnectBaseMs: 100,
  reconnectMaxMs: 5_000,
  heartbeatSeconds: 15,
  drainTimeoutMs: 30_000,
  prefetch: 16,
  maxAttempts: 5,
  baseDelayMs: 1_000,
  deliveryLimit: 10,
};

/**
 * Connects to RabbitMQ (retrying up to `connectTimeoutMs`) and declares the events exchange.
 * One connection per broker: a shared confirm channel for publishing, one channel per consumer.
 */
export async function createBroker(options: BrokerOptions): Promise<Broker> {
  const { logger, prefix, service } = options;
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  const exchanges = exchangeNames(prefix);
  const declared = { exchanges: new Set<string>(), queues: new Set<string>() };
  const track: DeclaredTracker = {
    exchange: (n) => declared.exchanges.add(n),
    queue: (n) => declared.queues.add(n),
  };
  const connection = await openAmqpConnection(
    {
      url: options.url,
      logger,
      connectionName: `${prefix}${service}`,
      prepare: (publisher) => declareExchanges(publisher, exchanges, track),
      onConnection: options.onConnection,
      reconnectBaseMs: settings.reconnectBaseMs,
      reconnectMaxMs: settings.reconnectMaxMs,
      heartbeatSeconds: settings.heartbeatSeconds,
    },
    settings.connectTimeoutMs,
  );
  const consumers = new Set<DurableConsumer>();
  const untrackDeadLetters: Array<() => void> = [];
  const subscriptions = new Set<Subscription>();
  let closed = false;

  function toMessage(envelope: EventEnvelope): OutgoingMessage {
    const headers: Record<string, unknown> = { 'x-tenant-id': envelope.tenantId };
    if (envelope.traceparent !== undefined && isTracing()) tracePublish(service, envelope, headers);
    return {
      exchange: exchanges.events,
      routingKey: envelope.type,
      content: Buffer.from(JSON.stringify(envelope)),
      options: {
        persistent: true,
        contentType: 'application/json',
        messageId: envelope.id,
        type: envelope.type,
        correlationId: envelope.correlationId,
        timestamp: Math.floor(Date.parse(envelope.occurredAt) / 1000),
        appId: service,
        headers,
      },
    };
  }

  async function publishMany(envelopes: readonly EventEnvelope[]): Promise<PublishOutcome> {
    if (closed) return { confirmed: 0, error: new Error('broker is closed') };
    if (envelopes.length === 0) return { confirmed: 0 };
    const messages = envelopes.map(toMessage);
    // When connected, writing starts in the caller's tick (no await before it).
    const live = connection.current();
    if (live) return publishInOrder(live.publisher, messages, settings.confirmTimeoutMs);
    try {
      const session = await connection.ready(settings.publishTimeoutMs);
      return await publishInOrder(session.publisher, messages, settings.confirmTimeoutMs);
    } catch (err) {
      return { confirmed: 0, error: toError(err) };
    }
  }

  async function stopConsuming(): Promise<void> {
    await Promise.all([...consumers].map((c) => c.stop(settings.drainTimeoutMs)));
    await Promise.all([...subscriptions].map((s) => s.unsubscribe()));
    consumers.clear();
    subscriptions.clear();
    for (const untrack of untrackDeadLetters.splice(0)) untrack();
  }

  return {
    exchange: exchanges.events,
    async publish(envelope) {
      const outcome = await publishMany([envelope]);
      if (outcome.error) throw outcome.error;
    },
    publishMany,
    async consume(spec: ConsumeOptions) {
      if (closed) throw new Error('broker is closed');
      const maxAttempts = spec.maxAttempts ?? settings.maxAttempts;
      const baseDelayMs = spec.baseDelayMs ?? settings.baseDelayMs;
      const prefetch = spec.prefetch ?? settings.prefetch;
      if (!(Number.isInteger(maxAttempts) && maxAttempts >= 1))
        throw new RangeError('maxAttempts must be an integer >= 1');
      if (!(Number.isInteger(prefetch) && prefetch >= 1))
        throw new RangeError('prefetch must be an integer >= 1');
      if (!(baseDelayMs > 0)) throw new RangeError('baseDelayMs must be > 0');
      const consumer = await startDurableConsumer({
        connection,
        logger,
        exchanges,
        topology: {
          names: consumerQueueNames(prefix, service, spec.name),
          bindings: spec.bindings,
          maxAttempts,
          baseDelayMs,
          deliveryLimit: spec.deliveryLimit ?? settings.deliveryLimit,
        },
        prefetch,
        service,
        handler: spec.handler,
        track,
        readyTimeoutMs: settings.publishTimeoutMs,
        confirmTimeoutMs: settings.confirmTimeoutMs,
      });
      consumers.add(consumer);
      const names = consumerQueueNames(prefix, service, spec.name);
      untrackDeadLetters.push(trackDeadLetters({ service, queue: names.queue, dlq: names.dlq, connection }));
      return consumer.queue;
    },
    async subscribeTransient(spec) {
      if (closed) throw new Error('broker is closed');
      const subscription = await subscribeTransient(
        connection,
        logger,
        exchanges.events,
        settings.publishTimeoutMs,
        spec,
      );
      subscriptions.add(subscription);
      return {
        async unsubscribe() {
          subscriptions.delete(subscription);
          await subscription.unsubscribe();
        },
      };
    },
    async ping() {
      const session = await connection.ready(1_000);
      await session.publisher.checkExchange(exchanges.events);
    },
    async listDeadLetters(queue, { limit = 100 } = {}) {
      const session = await connection.ready(settings.publishTimeoutMs);
      const dlqs = queue ? [dlqOf(queue)] : [...declared.queues].filter((q) => q === dlqOf(q));
      const letters: DeadLetter[] = [];
      for (const dlq of dlqs) letters.push(...(await readDeadLetters(session, dlq, limit - letters.length)));
      return letters;
    },
    async replayDeadLetter(queue, messageId) {
      const session = await connection.ready(settings.publishTimeoutMs);
      return replayDeadLetter(session, dlqOf(queue), messageId, settings.confirmTimeoutMs);
    },
    async discardDeadLetter(queue, messageId, record) {
      const session = await connection.ready(settings.publishTimeoutMs);
      return discardDeadLetter(session, dlqOf(queue), messageId, record);
    },
    async close() {
      if (closed) return;
      closed = true;
      await stopConsuming();
      await connection.close();
    },
    async deleteDeclared() {
      await stopConsuming();
      // Its own short connection, so cleanup works after close() too.
      const model = await connect(options.url);
      try {
        const channel = await model.createChannel();
        for (const queue of declared.queues) await channel.deleteQueue(queue);
        for (const exchange of declared.exchanges) await channel.deleteExchange(exchange);
        declared.queues.clear();
        declared.exchanges.clear();
      } finally {
        await model.close();
      }
    },
  };
}

/** Drops undefined option values so they do not override the defaults. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A service's broker from its validated config (`AMQP_URL`, `AMQP_PREFIX`), with the defaults. */
export function connectServiceBroker(
  service: string,
  config: { AMQP_URL: string; AMQP_PREFIX: string },
  logger: BrokerOptions['logger'],
): Promise<Broker> {
  return createBroker({ url: config.AMQP_URL, prefix: config.AMQP_PREFIX, service, logger });
}
