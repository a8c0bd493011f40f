import { z } from 'zod';
import { timestamp } from './common';
import { operations } from './operation';

/**
 * The console's operations tools (platform admins, console host): the platform's dead letters
 * (tenancy), the job dashboard's ticket (tenancy) and a store's search reindex (search).
 */

const consumerName = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a service or consumer name');

/** One dead letter: the consumer it failed in and its message id. */
export const deadLetterRef = z.strictObject({
  service: consumerName,
  consumer: consumerName,
  messageId: z.string().min(1).max(200),
});
export const deadLetterQuery = z.strictObject({
  service: consumerName.optional(),
  eventType: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const discardedQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});
export const replayBody = z.strictObject({ letters: z.array(deadLetterRef).min(1).max(50) });
export const discardBody = deadLetterRef.extend({
  reason: z.string().trim().min(3, 'say why (3 characters at least)').max(500),
});

const envelope = z.looseObject({
  id: z.string(),
  type: z.string(),
  tenantId: z.string(),
  occurredAt: timestamp,
});
/** Where a letter failed and why: the same in the queue and once discarded. */
const letter = {
  service: z.string(),
  consumer: z.string(),
  messageId: z.string(),
  eventType: z.string().nullable(),
  tenantId: z.string().nullable(),
  error: z.string(),
  body: z.string(),
};
export const deadLetter = z.looseObject({
  ...letter,
  attempts: z.int().nullable(),
  failedAt: timestamp.nullable(),
  /** Null when the message is not a valid event envelope (`body` is what was received). */
  envelope: envelope.nullable(),
});
export const deadLetterList = z.looseObject({
  items: z.array(deadLetter),
  groups: z.array(
    z.looseObject({
      service: z.string(),
      consumer: z.string(),
      eventType: z.string().nullable(),
      count: z.int(),
    }),
  ),
  /** Some queue held more letters than one scan reads. */
  truncated: z.boolean(),
});
export const discardedDeadLetter = z.looseObject({
  id: z.string(),
  ...letter,
  reason: z.string(),
  discardedBy: z.string(),
  discardedAt: timestamp,
});
export const replayResult = z.looseObject({
  results: z.array(
    z.looseObject({
      service: z.string(),
      consumer: z.string(),
      messageId: z.string(),
      /** False when the letter was no longer there (replayed or discarded meanwhile). */
      replayed: z.boolean(),
    }),
  ),
});

export const queuesTicket = z.looseObject({ url: z.string(), expiresInSeconds: z.int() });

const reindexTenant = z.string().regex(/^ten_[A-Za-z0-9_-]{1,60}$/, 'Expected a tenant id (ten_…).');
export const reindexBody = z.strictObject({ tenantId: reindexTenant });
export const reindexParams = z.strictObject({ tenantId: reindexTenant });
export const reindexStatus = z.looseObject({
  /** The tenant id: one run per store at a time. */
  jobId: z.string(),
  tenantId: z.string(),
  state: z.string(),
  progress: z.looseObject({}).nullable(),
  attemptsMade: z.int(),
  failedReason: z.string().optional(),
  requestedAt: timestamp,
  finishedAt: timestamp.optional(),
});

const deadLetters = { door: 'console', auth: 'platform_admin', tags: ['Console: dead letters'] } as const;
const jobs = { door: 'console', auth: 'platform_admin', tags: ['Console: jobs'] } as const;

export const platformToolOperations = operations({
  listDeadLetters: {
    ...deadLetters,
    method: 'get',
    path: '/api/platform/dead-letters',
    summary: 'The dead letters of every consumer (or one service), with counts by consumer and event',
    query: deadLetterQuery,
    status: 200,
    response: deadLetterList,
    errors: [400, 503],
  },
  listDiscardedDeadLetters: {
    ...deadLetters,
    method: 'get',
    path: '/api/platform/dead-letters/discarded',
    summary: 'Discarded dead letters, newest first, with the reason and who discarded them',
    query: discardedQuery,
    status: 200,
    response: z.looseObject({ items: z.array(discardedDeadLetter), nextCursor: z.string().nullable() }),
    errors: [400],
  },
  getDeadLetter: {
    ...deadLetters,
    method: 'get',
    path: '/api/platform/dead-letters/{service}/{consumer}/{messageId}',
    summary: 'One dead letter',
    params: deadLetterRef,
    status: 200,
    response: deadLetter,
    errors: [400, 404, 503],
  },
  replayDeadLetters: {
    ...deadLetters,
    method: 'post',
    path: '/api/platform/dead-letters/replay',
    summary: 'Send dead letters back to their consumers (each answered on its own)',
    description:
      'The consumer’s inbox still dedupes: an effect applied before the failure is not applied twice.',
    body: replayBody,
    status: 200,
    response: replayResult,
    errors: [400, 404, 503],
  },
  discardDeadLetter: {
    ...deadLetters,
    method: 'post',
    path: '/api/platform/dead-letters/discard',
    summary: 'Remove a dead letter for good, kept with the reason',
    body: discardBody,
    status: 200,
    response: discardedDeadLetter,
    errors: [400, 404, 503],
  },
  jobDashboardTicket: {
    ...jobs,
    method: 'post',
    path: '/api/platform/queues/ticket',
    summary: 'A one-use ticket (30 s) that opens the job dashboard at `url`',
    status: 201,
    response: queuesTicket,
    errors: [],
  },
  requestReindex: {
    ...jobs,
    method: 'post',
    path: '/api/platform/search/reindex',
    summary: 'Rebuild a store’s search index (a run already queued or running is returned instead)',
    body: reindexBody,
    status: 202,
    response: reindexStatus,
    errors: [400, 503],
  },
  reindexStatus: {
    ...jobs,
    method: 'get',
    path: '/api/platform/search/reindex/{tenantId}',
    summary: 'The progress of a store’s latest reindex',
    params: reindexParams,
    status: 200,
    response: reindexStatus,
    errors: [400, 404],
  },
});

export type DeadLetter = z.infer<typeof deadLetter>;
export type DeadLetterList = z.infer<typeof deadLetterList>;
export type DiscardedDeadLetter = z.infer<typeof discardedDeadLetter>;
export type ReindexStatus = z.infer<typeof reindexStatus>;
