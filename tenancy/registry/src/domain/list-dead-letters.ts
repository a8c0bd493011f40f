import type { Ctx } from '@fleet/context';
import type { DeadLetter } from '@fleet/messaging';
import { assertPlatformAdmin } from '@fleet/tenancy';
import {
  deadLetterSource,
  deadLetterSources,
  requireDeadLetters,
  type DeadLetterDeps,
  type DeadLetterSource,
} from './dead-letter-sources';

/** A dead letter as the console shows it: where it failed, why, and the message. */
export interface DeadLetterView {
  service: string;
  consumer: string;
  messageId: string;
  eventType: string | null;
  tenantId: string | null;
  error: string;
  attempts: number | null;
  failedAt: string | null;
  envelope: DeadLetter['envelope'];
  body: string;
}

export interface DeadLetterGroup {
  service: string;
  consumer: string;
  eventType: string | null;
  count: number;
}

export interface DeadLetterList {
  items: DeadLetterView[];
  /** Counts per consumer and event type of every letter looked at (before the event-type filter). */
  groups: DeadLetterGroup[];
  /** True when a queue held more than was looked at, or more matched than `limit`. */
  truncated: boolean;
}

/** How many letters of one DLQ a listing looks at (each is held unacknowledged meanwhile). */
const SCAN_PER_QUEUE = 500;

export async function listDeadLetters(
  ctx: Ctx,
  deps: { deadLetters?: DeadLetterDeps },
  filter: { service?: string; eventType?: string; limit: number },
): Promise<DeadLetterList> {
  assertPlatformAdmin(ctx);
  const box = requireDeadLetters(deps);
  const items: DeadLetterView[] = [];
  const groups = new Map<string, DeadLetterGroup>();
  let truncated = false;
  for (const source of deadLetterSources(box, filter.service)) {
    const letters = await box.broker.listDeadLetters(source.queue, { limit: SCAN_PER_QUEUE });
    if (letters.length === SCAN_PER_QUEUE) truncated = true;
    for (const letter of letters) {
      const view = toView(source, letter);
      const key = `${view.service}.${view.consumer} ${view.eventType}`;
      const group = groups.get(key) ?? { ...pick(view), count: 0 };
      group.count += 1;
      groups.set(key, group);
      if (filter.eventType && view.eventType !== filter.eventType) continue;
      if (items.length < filter.limit) items.push(view);
      else truncated = true;
    }
  }
  return { items, groups: [...groups.values()], truncated };
}

/** One dead letter, found by its consumer and message id. */
export async function findDeadLetter(
  ctx: Ctx,
  deps: { deadLetters?: DeadLetterDeps },
  id: { service: string; consumer: string; messageId: string },
): Promise<DeadLetterView | undefined> {
  assertPlatformAdmin(ctx);
  const box = requireDeadLetters(deps);
  const source = deadLetterSource(box, id.service, id.consumer);
  const letters = await box.broker.listDeadLetters(source.queue, { limit: SCAN_PER_QUEUE });
  const letter = letters.find((l) => l.messageId === id.messageId);
  return letter && toView(source, letter);
}

export function toView(source: DeadLetterSource, letter: DeadLetter): DeadLetterView {
  return {
    service: source.service,
    consumer: source.consumer,
    messageId: letter.messageId,
    eventType: letter.routingKey,
    tenantId: letter.envelope?.tenantId ?? null,
    error: letter.error,
    attempts: letter.attempts,
    failedAt: letter.failedAt,
    envelope: letter.envelope,
    body: letter.body,
  };
}

const pick = (v: DeadLetterView) => ({ service: v.service, consumer: v.consumer, eventType: v.eventType });
