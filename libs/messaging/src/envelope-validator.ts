import { assertTenantId } from '@fleet/db';
import type { EventEnvelope } from './envelope';

export type EnvelopeCheck = { ok: true; envelope: EventEnvelope } | { ok: false; error: string };

/** `<aggregate>.<event>[.<more>]`: topic-exchange words, no wildcards. */
const EVENT_TYPE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/;
const MAX_ID_LENGTH = 200;

/** Parses a message body. A malformed message is never retried: it goes straight to the DLQ. */
export function parseEnvelope(content: Buffer | string): EnvelopeCheck {
  let value: unknown;
  try {
    value = JSON.parse(content.toString());
  } catch {
    return { ok: false, error: 'malformed envelope: body is not JSON' };
  }
  return validateEnvelope(value);
}

export function validateEnvelope(value: unknown): EnvelopeCheck {
  const error = envelopeError(value);
  return error === undefined
    ? { ok: true, envelope: value as EventEnvelope }
    : { ok: false, error: `malformed envelope: ${error}` };
}

/** Throws on a malformed envelope (a programming error on the producing side). */
export function assertEnvelope(value: unknown): asserts value is EventEnvelope {
  const check = validateEnvelope(value);
  if (!check.ok) throw new TypeError(check.error);
}

function envelopeError(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const e = value as Record<string, unknown>;
  if (!isText(e.id) || e.id.length > MAX_ID_LENGTH) return 'id';
  if (!isText(e.type) || e.type.length > 255 || !EVENT_TYPE.test(e.type)) return 'type';
  if (!isTenantId(e.tenantId)) return 'tenantId';
  if (!isText(e.occurredAt) || Number.isNaN(Date.parse(e.occurredAt))) return 'occurredAt';
  if (!isText(e.correlationId)) return 'correlationId';
  if (e.causationId !== null && !isText(e.causationId)) return 'causationId';
  if (e.aggregateId !== undefined && !isText(e.aggregateId)) return 'aggregateId';
  if (e.version !== undefined && !(Number.isSafeInteger(e.version) && (e.version as number) >= 0))
    return 'version';
  if (e.traceparent !== undefined && !(isText(e.traceparent) && e.traceparent.length <= 512))
    return 'traceparent';
  if (!('data' in e) || e.data === undefined) return 'data';
  return undefined;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isTenantId(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    assertTenantId(value);
    return true;
  } catch {
    return false;
  }
}
