import type { ChannelModel } from 'amqplib';
import type { Logger } from '@fleet/logger';
import type { EventEnvelope } from './envelope';

export type EventHandler = (envelope: EventEnvelope) => Promise<void>;

export interface BrokerOptions {
  url: string;
  /** Prefix of every exchange and queue name (tests use a unique one per file). */
  prefix: string;
  logger: Logger;
  /** The consuming service: queue names are `${prefix}${service}.${name}`. */
  service: string;
  /** How long `createBroker` keeps trying to make the first connection. Default 30 s. */
  connectTimeoutMs?: number;
  /** How long a publish waits for a connection during a reconnect before rejecting. Default 10 s. */
  publishTimeoutMs?: number;
  /** How long a publish waits for the broker's confirms. Default 30 s. */
  confirmTimeoutMs?: number;
  /** Reconnect backoff. Default 100 ms doubling to 5 s. */
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  /** AMQP heartbeat unless the URL sets one. Default 15 s (a dead network is noticed in ~30 s). */
  heartbeatSeconds?: number;
  /** How long `close()` waits for in-flight handlers. Default 30 s. */
  drainTimeoutMs?: number;
  /** Called with every new connection (including reconnects); tests use it to break the connection. */
  onConnection?: (connection: ChannelModel) => void;
}

export interface ConsumeOptions {
  /** Consumer name, unique within the service: the queue is `${prefix}${service}.${name}`. */
  name: string;
  /** Routing-key patterns on the events exchange, e.g. `['order.*', 'payment.succeeded']`. */
  bindings: string[];
  handler: EventHandler;
  /** Unacknowledged messages in flight; handlers of one consumer run concurrently up to it. Default 16. */
  prefetch?: number;
  /** Handler attempts before the message goes to the DLQ. Default 5. */
  maxAttempts?: number;
  /** Delay before attempt n+1 is baseDelayMs * 2^(n-1). Default 1000. */
  baseDelayMs?: number;
  /**
   * Native quorum-queue limit on redeliveries of one message without an ack (a consumer that
   * crashes or loses its connection mid-handler); past it RabbitMQ dead-letters to the DLQ. Default 10.
   */
  deliveryLimit?: number;
}

export interface TransientOptions {
  bindings: string[];
  handler: EventHandler;
  /**
   * Called after the subscription was re-created on a new connection. Events published while it
   * was down were missed: a cache should drop everything.
   */
  onResubscribe?: () => void;
}

export interface Subscription {
  unsubscribe(): Promise<void>;
}

/** The outcome of publishing a batch in order: how many leading messages were confirmed. */
export interface PublishOutcome {
  confirmed: number;
  error?: Error;
}

export interface DeadLetter {
  /** The DLQ it sits in. */
  queue: string;
  messageId: string;
  /** The event type it was published with. */
  routingKey: string | null;
  error: string;
  attempts: number | null;
  failedAt: string | null;
  /** The consumer queue it failed in. */
  consumer: string | null;
  /** The parsed envelope, or null when the body is malformed. */
  envelope: EventEnvelope | null;
  body: string;
}

export interface Broker {
  readonly exchange: string;
  /** Publishes one event; resolves once the broker has confirmed it. */
  publish(envelope: EventEnvelope): Promise<void>;
  /** Publishes in order on one channel; never rejects: reports how many leading events were confirmed. */
  publishMany(envelopes: readonly EventEnvelope[]): Promise<PublishOutcome>;
  /** Declares the consumer's queues and starts consuming; resolves once consuming. Returns the queue name. */
  consume(options: ConsumeOptions): Promise<string>;
  /** A per-process, non-durable subscription (cache invalidation): no retries, no DLQ. */
  subscribeTransient(options: TransientOptions): Promise<Subscription>;
  /** Resolves when connected and the events exchange is reachable (readiness probe). */
  ping(): Promise<void>;
  /** Dead letters of one DLQ (name of the DLQ or of its consumer queue), or of every DLQ declared here. */
  listDeadLetters(queue?: string, options?: { limit?: number }): Promise<DeadLetter[]>;
  /** Moves one dead letter back to its consumer queue with a fresh attempt count. False when not found. */
  replayDeadLetter(queue: string, messageId: string): Promise<boolean>;
  /**
   * Removes one dead letter for good; `record` runs first with it (keep it, with the reason) and a
   * failing `record` leaves it in place. Undefined when not found.
   */
  discardDeadLetter(
    queue: string,
    messageId: string,
    record: (letter: DeadLetter) => Promise<void>,
  ): Promise<DeadLetter | undefined>;
  /** Stops consuming, waits for in-flight handlers, closes channels and the connection. */
  close(): Promise<void>;
  /** Stops consumers and deletes every queue and exchange this broker declared (tests' cleanup). */
  deleteDeclared(): Promise<void>;
}
