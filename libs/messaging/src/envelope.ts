import type { Ctx, TenantCtx } from '@fleet/context';
import { assertTenantId, newId } from '@fleet/db';
import { currentTraceparent } from '@fleet/telemetry';

/**
 * What travels on the bus. `type` is the routing key (`<aggregate>.<event>`); `version` is the
 * aggregate's version after the change, so consumers can drop stale events (see stale-version.ts).
 */
export interface EventEnvelope<T = unknown> {
  id: string;
  type: string;
  tenantId: string;
  /** ISO-8601, UTC. */
  occurredAt: string;
  /** The request or message that started the whole chain. */
  correlationId: string;
  /** The message that directly caused this one; null when a request caused it. */
  causationId: string | null;
  aggregateId?: string;
  version?: number;
  /**
   * The W3C trace context of the span that raised the event (only while tracing is on), so the
   * relay's publish and every consumer's handling join the trace of the request that caused it.
   */
  traceparent?: string;
  data: T;
}

export interface NewEvent<T> {
  type: string;
  aggregateId?: string;
  version?: number;
  data: T;
}

/** Builds the envelope of an event raised while handling `ctx` (which must carry a tenant). */
export function createEnvelope<T>(ctx: Ctx, event: NewEvent<T>): EventEnvelope<T> {
  const envelope: EventEnvelope<T> = {
    id: newId('evt'),
    type: event.type,
    tenantId: assertTenantId(ctx.tenantId),
    occurredAt: new Date().toISOString(),
    correlationId: ctx.correlationId ?? ctx.requestId,
    causationId: ctx.causationId ?? null,
    data: event.data,
  };
  if (event.aggregateId !== undefined) envelope.aggregateId = event.aggregateId;
  if (event.version !== undefined) envelope.version = event.version;
  const traceparent = currentTraceparent();
  if (traceparent !== undefined) envelope.traceparent = traceparent;
  return envelope;
}

/**
 * The context a handler runs in: the event's tenant, the chain's correlation id, and this event
 * as the cause of whatever the handler emits next.
 */
export function contextFromEnvelope(envelope: EventEnvelope): TenantCtx {
  return {
    requestId: `msg:${envelope.id}`,
    tenantId: envelope.tenantId,
    correlationId: envelope.correlationId,
    causationId: envelope.id,
  };
}
