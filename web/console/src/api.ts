import { createApi } from '@fleet/web-common';

/** The console's one client: the console host's platform API with the platform admin's session. */
export const api = createApi('/api/platform/session');

/** The API's types come from the contract the routes validate with (type-only: no zod in the bundle). */
export type {
  TenantDeletion,
  TenantDetail,
  TenantExport,
  TenantListItem as Tenant,
} from '@fleet/api-contract';

export const PLANS = ['free', 'basic', 'pro', 'enterprise'] as const;

/** A failed event as `/api/platform/dead-letters` lists it. */
export interface DeadLetter {
  service: string;
  consumer: string;
  messageId: string;
  eventType: string | null;
  tenantId: string | null;
  error: string;
  attempts: number | null;
  failedAt: string | null;
  envelope: { id: string; type: string; tenantId: string; occurredAt?: string; data: unknown } | null;
  body: string;
}

export interface DeadLetterList {
  items: DeadLetter[];
  groups: Array<{ service: string; consumer: string; eventType: string | null; count: number }>;
  truncated: boolean;
}

export interface DeadLetterDiscard {
  id: string;
  service: string;
  consumer: string;
  messageId: string;
  eventType: string | null;
  tenantId: string | null;
  error: string;
  reason: string;
  discardedBy: string;
  discardedAt: string;
}

export type DeadLetterRef = Pick<DeadLetter, 'service' | 'consumer' | 'messageId'>;

export const refOf = ({ service, consumer, messageId }: DeadLetterRef): DeadLetterRef => ({
  service,
  consumer,
  messageId,
});

/** The console path of one dead letter. */
export const deadLetterPath = (l: DeadLetterRef): string =>
  `/dead-letters/${l.service}/${l.consumer}/${encodeURIComponent(l.messageId)}`;

export interface ReindexStatus {
  jobId: string;
  tenantId: string;
  state: string;
  progress: { processed: number; pages: number; done: boolean } | null;
  attemptsMade: number;
  failedReason?: string;
  requestedAt: string;
  finishedAt?: string;
}
