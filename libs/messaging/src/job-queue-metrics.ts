import type { Queue } from 'bullmq';
import { sourcedGauge } from '@fleet/telemetry';

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

interface JobQueueSource {
  service: string;
  queue: Queue;
}

/** `fleet_job_queue_jobs{service,queue,state}`: jobs of a BullMQ queue by state, at scrape time. */
export function trackJobQueue(service: string, queue: Queue): () => void {
  return sourcedGauge<JobQueueSource>(
    service,
    {
      name: 'fleet_job_queue_jobs',
      help: 'Jobs of each BullMQ queue by state (waiting, active, delayed, failed).',
      labelNames: ['service', 'queue', 'state'],
    },
    async (s, sample) => {
      const counts = await s.queue.getJobCounts(...STATES);
      for (const state of STATES)
        sample({ service: s.service, queue: s.queue.name, state }, counts[state] ?? 0);
    },
  )({ service, queue });
}
