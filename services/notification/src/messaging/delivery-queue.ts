import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import Redis from 'ioredis';
import type { Logger } from '@fleet/logger';
import { bullPrefix } from '@fleet/messaging';
import { sendDelivery, type DeliveryJob } from '../domain/send-delivery';
import type { SendDeps } from '../domain/notification-deps';
import { createFairPriority } from './fair-priority';

/** The BullMQ queue of e-mails to send (the console's job dashboard shows it). */
export const DELIVERY_QUEUE = 'notification-delivery';

export interface DeliveryQueueOptions {
  redisUrl: string;
  /** REDIS_PREFIX; the BullMQ prefix is the same without its trailing ':'. */
  redisPrefix: string;
  logger: Logger;
  attempts: number;
  backoffMs: number;
}

export interface DeliveryQueue {
  queue: Queue<DeliveryJob>;
  /** Queues a delivery (its id is the job id: queuing it twice adds it once). */
  enqueue(job: DeliveryJob): Promise<void>;
  close(): Promise<void>;
}

const connect = (url: string, logger: Logger) => {
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  redis.on('error', (err) => logger.warn({ err, queue: DELIVERY_QUEUE }, 'delivery redis connection error'));
  return redis;
};

/** The producer side: used by the event consumer. */
export function createDeliveryQueue(options: DeliveryQueueOptions): DeliveryQueue {
  const prefix = bullPrefix(options.redisPrefix);
  const connection = connect(options.redisUrl, options.logger);
  const queue = new Queue<DeliveryJob>(DELIVERY_QUEUE, { connection, prefix });
  queue.on('error', (err) => options.logger.warn({ err }, 'delivery queue error'));
  const fair = createFairPriority(connection, `${prefix}:${DELIVERY_QUEUE}`);
  return {
    queue,
    async enqueue(job) {
      const priority = await fair.admit(job.tenantId);
      await queue.add('send', job, {
        jobId: job.deliveryId,
        priority,
        attempts: options.attempts,
        backoff: { type: 'exponential', delay: options.backoffMs },
        removeOnComplete: { count: 1_000 },
        removeOnFail: { count: 5_000 },
      });
    },
    async close() {
      await queue.close();
      await connection.quit().catch(() => undefined);
    },
  };
}

/** How soon a mail waiting for an earlier one to the same address is tried again. */
const IN_ORDER_RETRY_MS = 250;

export interface DeliveryWorker {
  close(): Promise<void>;
}

/** The consumer side: sends `concurrency` e-mails at once, lowest virtual tag first. */
export function startDeliveryWorker(
  deps: SendDeps,
  options: DeliveryQueueOptions & { concurrency: number },
): DeliveryWorker {
  const prefix = bullPrefix(options.redisPrefix);
  const connection = connect(options.redisUrl, options.logger);
  const clockConnection = connect(options.redisUrl, options.logger);
  const fair = createFairPriority(clockConnection, `${prefix}:${DELIVERY_QUEUE}`);
  const worker = new Worker<DeliveryJob>(
    DELIVERY_QUEUE,
    async (job: Job<DeliveryJob>, token?: string) => {
      if (job.opts.priority) await fair.started(job.opts.priority);
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const outcome = await sendDelivery(deps, job.data, { final });
      if (outcome !== 'wait') return outcome;
      // An earlier mail to the same address is still to go: try again shortly, no attempt spent.
      await job.moveToDelayed(Date.now() + IN_ORDER_RETRY_MS, token);
      throw new DelayedError();
    },
    { connection, prefix, concurrency: options.concurrency },
  );
  worker.on('error', (err) => options.logger.warn({ err }, 'delivery worker error'));
  return {
    async close() {
      await worker.close();
      await connection.quit().catch(() => undefined);
      await clockConnection.quit().catch(() => undefined);
    },
  };
}
