import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import type { RequestHandler } from 'express';
import Redis from 'ioredis';
import { JOB_QUEUES, jobQueuePrefix } from '@fleet/contracts';

export interface JobDashboard {
  handler: RequestHandler;
  close(): Promise<void>;
}

/** bull-board over every BullMQ queue of the platform (`JOB_QUEUES`), served under `/queues`. */
export function createJobDashboard(redisUrl: string, redisPrefix: string): JobDashboard {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queues = JOB_QUEUES.map(
    (q) => new Queue(q.name, { connection: redis, prefix: jobQueuePrefix(q, redisPrefix) }),
  );
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath('/queues');
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Fleet jobs' } },
  });
  return {
    handler: serverAdapter.getRouter() as RequestHandler,
    async close() {
      await Promise.all(queues.map((q) => q.close()));
      await redis.quit();
    },
  };
}
