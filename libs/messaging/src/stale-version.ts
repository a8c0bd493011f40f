import type { EventEnvelope } from './envelope';

/**
 * Per-aggregate ordering for consumers. The relay publishes in outbox order, but a retry, a
 * redelivery, two relays or `prefetch > 1` can still hand a consumer version 4 after version 5.
 * Consumers that keep state per aggregate store the last applied `version` beside that state
 * (in the same transaction as the inbox row) and drop anything not newer:
 *
 *   const row = await tx.maybeOne('SELECT version FROM projection WHERE tenant_id = $1 AND id = $2 FOR UPDATE', …);
 *   if (isStale(row?.version, env)) return;            // older or equal: already superseded
 *   await tx.query('… SET data = $3, version = $4 …');  // or one conditional upsert `WHERE version < $4`
 *
 * Events without a version are never stale (they are not ordered per aggregate).
 */
export function isStale(
  lastVersion: number | null | undefined,
  envelope: Pick<EventEnvelope, 'version'>,
): boolean {
  if (envelope.version === undefined || lastVersion === null || lastVersion === undefined) return false;
  return envelope.version <= lastVersion;
}
