import type { Channel } from 'amqplib';
import type { Logger } from '@fleet/logger';
import type { AmqpConnection, AmqpSession } from './amqp-connection';

export interface AttachedConsumerOptions {
  connection: AmqpConnection;
  logger: Logger;
  /** For logs: the queue or subscription. */
  label: string;
  /** How long the first attach waits for a connection. */
  readyTimeoutMs: number;
  /** Declares what it needs on the fresh channel and starts consuming; returns the consumer tag. */
  setup(channel: Channel, isOpen: () => boolean): Promise<string>;
  /** After each successful attach; `again` is true from the second one (a reconnect). */
  onAttached?(again: boolean): void;
}

export interface AttachedConsumer {
  /** Attaches now (errors propagate: a bad declaration fails the caller) and after every reconnect. */
  start(): Promise<void>;
  /** Cancels consuming; the returned function closes the channel once in-flight work is done. */
  cancel(): Promise<() => Promise<void>>;
}

interface Attachment {
  channel: Channel;
  generation: number;
  tag: string;
}

/**
 * Keeps one consumer attached to whatever connection is live: each new session gets a fresh
 * channel and a fresh `setup`. A channel that closes on its own (not by `cancel`) recycles the
 * connection, so every consumer and the publisher come back together.
 */
export function attachedConsumer(options: AttachedConsumerOptions): AttachedConsumer {
  const { connection, logger, label } = options;
  let stopped = false;
  let attached: Attachment | undefined;
  let pending: { generation: number; promise: Promise<void> } | undefined;
  let attachments = 0;
  let unregister: () => void = () => undefined;

  function attach(session: AmqpSession): Promise<void> {
    if (stopped || attached?.generation === session.generation) return Promise.resolve();
    if (pending?.generation === session.generation) return pending.promise;
    const promise = open(session).finally(() => {
      if (pending?.promise === promise) pending = undefined;
    });
    pending = { generation: session.generation, promise };
    return promise;
  }

  async function open(session: AmqpSession): Promise<void> {
    const channel = await session.model.createChannel();
    let isOpen = true;
    channel.on('error', (err: Error) => logger.warn({ err, consumer: label }, 'amqp consumer channel error'));
    channel.on('close', () => {
      isOpen = false;
      if (attached?.channel !== channel) return;
      attached = undefined;
      if (!stopped) connection.recycle(`consumer channel of ${label} closed`);
    });
    try {
      const tag = await options.setup(channel, () => isOpen);
      if (stopped) throw new Error(`consumer ${label} stopped while attaching`);
      attached = { channel, generation: session.generation, tag };
      options.onAttached?.(attachments++ > 0);
    } catch (err) {
      await channel.close().catch(() => undefined);
      if (!stopped) throw err;
    }
  }

  return {
    async start() {
      unregister = connection.onSession(attach);
      try {
        await attach(connection.current() ?? (await connection.ready(options.readyTimeoutMs)));
      } catch (err) {
        stopped = true;
        unregister();
        throw err;
      }
    },
    async cancel() {
      stopped = true;
      unregister();
      await pending?.promise.catch(() => undefined);
      const current = attached;
      attached = undefined;
      if (!current) return async () => undefined;
      await current.channel.cancel(current.tag).catch(() => undefined);
      return () => current.channel.close().catch(() => undefined);
    },
  };
}
