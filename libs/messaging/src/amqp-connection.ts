import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';
import type { Logger } from '@fleet/logger';
import { backoffDelay, sleep, toError } from './backoff';

/** One live connection with its shared publisher (confirm) channel. */
export interface AmqpSession {
  model: ChannelModel;
  publisher: ConfirmChannel;
  /** Increases with every connection; a channel of an older generation is dead. */
  generation: number;
}

export interface AmqpConnectionOptions {
  url: string;
  logger: Logger;
  connectionName: string;
  /** Runs on the publisher channel of every new connection before it is handed out (declare exchanges). */
  prepare: (publisher: ConfirmChannel) => Promise<void>;
  onConnection?: (model: ChannelModel) => void;
  reconnectBaseMs: number;
  reconnectMaxMs: number;
  /** Heartbeat asked for unless the URL sets `?heartbeat=`: a dead peer is noticed in about twice this. */
  heartbeatSeconds: number;
}

/** A connect attempt to a black-holed host gives up after this. */
const CONNECT_SOCKET_TIMEOUT_MS = 10_000;

export interface AmqpConnection {
  /** The live session, if connected. */
  current(): AmqpSession | undefined;
  /** The live session, waiting up to `timeoutMs` for a (re)connect. */
  ready(timeoutMs: number): Promise<AmqpSession>;
  /** Registers work to redo on every new session (consumers re-attach). Returns an unregister function. */
  onSession(setup: (session: AmqpSession) => Promise<void>): () => void;
  /** Drops the connection so everything is re-established (after an unexpected channel close). */
  recycle(reason: string): void;
  close(): Promise<void>;
}

interface Waiter {
  resolve(session: AmqpSession): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * A self-healing AMQP connection: when the connection or the publisher channel closes unexpectedly
 * it reconnects with backoff, re-runs `prepare` and every registered session setup. Resolves once
 * the first connection is up, or rejects after `connectTimeoutMs`.
 */
export async function openAmqpConnection(
  options: AmqpConnectionOptions,
  connectTimeoutMs: number,
): Promise<AmqpConnection> {
  const { logger } = options;
  const shutdown = new AbortController();
  const setups = new Set<(session: AmqpSession) => Promise<void>>();
  let waiters: Waiter[] = [];
  let session: AmqpSession | undefined;
  let generation = 0;
  let connecting: Promise<void> | undefined;
  let failures = 0;

  async function openSession(): Promise<AmqpSession> {
    const model = await connect(withHeartbeat(options.url, options.heartbeatSeconds), {
      clientProperties: { connection_name: options.connectionName },
      timeout: CONNECT_SOCKET_TIMEOUT_MS,
    });
    try {
      model.on('error', (err: Error) => logger.warn({ err }, 'amqp connection error'));
      model.on('blocked', (reason: string) =>
        logger.warn({ reason }, 'amqp connection blocked by the broker'),
      );
      model.on('unblocked', () => logger.info('amqp connection unblocked'));
      model.on('close', () => lost(model, 'connection closed'));
      const publisher = await model.createConfirmChannel();
      publisher.on('error', (err: Error) => logger.warn({ err }, 'amqp publisher channel error'));
      publisher.on('close', () => lost(model, 'publisher channel closed'));
      await options.prepare(publisher);
      return { model, publisher, generation: ++generation };
    } catch (err) {
      await model.close().catch(() => undefined);
      throw err;
    }
  }

  /** Connects with backoff until it succeeds or the connection is closed for good. */
  async function establish(): Promise<void> {
    while (!shutdown.signal.aborted) {
      if (failures > 0)
        await sleep(
          backoffDelay(failures - 1, options.reconnectBaseMs, options.reconnectMaxMs),
          shutdown.signal,
        );
      if (shutdown.signal.aborted) return;
      let next: AmqpSession;
      try {
        next = await openSession();
      } catch (err) {
        failures += 1;
        logger.warn({ err, attempt: failures }, 'amqp connect failed; retrying');
        continue;
      }
      if (shutdown.signal.aborted) {
        await next.model.close().catch(() => undefined);
        return;
      }
      session = next;
      options.onConnection?.(next.model);
      for (const waiter of waiters.splice(0)) {
        clearTimeout(waiter.timer);
        waiter.resolve(next);
      }
      if (await runSetups(next)) {
        if (failures > 0) logger.info({ generation: next.generation }, 'amqp reconnected');
        failures = 0;
      } else {
        failures += 1; // the next connect backs off: no tight loop against a half-broken broker
      }
      return;
    }
  }

  async function runSetups(target: AmqpSession): Promise<boolean> {
    for (const setup of [...setups]) {
      if (session !== target) return false;
      try {
        await setup(target);
      } catch (err) {
        if (session !== target) return false; // the connection died under the setup: already reconnecting
        logger.error({ err }, 'amqp session setup failed; reconnecting');
        recycle('session setup failed');
        return false;
      }
    }
    return true;
  }

  function ensureConnecting(): void {
    if (connecting || shutdown.signal.aborted) return;
    connecting = establish().finally(() => {
      connecting = undefined;
      // A recycle during the last connect attempt found `connecting` set and left the work to us.
      if (!session) ensureConnecting();
    });
  }

  function lost(model: ChannelModel, reason: string): void {
    if (shutdown.signal.aborted || session?.model !== model) return;
    logger.warn({ reason }, 'amqp connection lost; reconnecting');
    session = undefined;
    model.close().catch(() => undefined);
    ensureConnecting();
  }

  function recycle(reason: string): void {
    if (session) lost(session.model, reason);
  }

  const connection: AmqpConnection = {
    current: () => session,
    ready(timeoutMs) {
      if (session) return Promise.resolve(session);
      if (shutdown.signal.aborted) return Promise.reject(new Error('AMQP connection is closed'));
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          resolve,
          reject,
          timer: setTimeout(() => {
            waiters = waiters.filter((w) => w !== waiter);
            reject(new Error(`RabbitMQ unavailable: not connected after ${timeoutMs} ms`));
          }, timeoutMs),
        };
        waiters.push(waiter);
      });
    },
    onSession(setup) {
      setups.add(setup);
      return () => setups.delete(setup);
    },
    recycle,
    async close() {
      shutdown.abort();
      for (const waiter of waiters.splice(0)) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error('AMQP connection is closed'));
      }
      const last = session;
      session = undefined;
      await connecting;
      if (last)
        await last.model.close().catch((err: unknown) => logger.debug({ err: toError(err) }, 'amqp close'));
    },
  };

  ensureConnecting();
  try {
    await connection.ready(connectTimeoutMs);
  } catch (err) {
    await connection.close();
    throw err;
  }
  return connection;
}

function withHeartbeat(url: string, seconds: number): string {
  const parsed = new URL(url);
  if (parsed.searchParams.has('heartbeat')) return url;
  parsed.searchParams.set('heartbeat', String(seconds));
  return parsed.toString();
}
