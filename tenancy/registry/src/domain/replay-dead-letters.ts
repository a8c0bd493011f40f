import type { Ctx } from '@fleet/context';
import { assertPlatformAdmin } from '@fleet/tenancy';
import type { Logger } from '@fleet/logger';
import { deadLetterSource, requireDeadLetters, type DeadLetterDeps } from './dead-letter-sources';

export interface DeadLetterRef {
  service: string;
  consumer: string;
  messageId: string;
}

export interface ReplayOutcome extends DeadLetterRef {
  /** False when the letter was no longer there (replayed or discarded meanwhile). */
  replayed: boolean;
}

/**
 * Sends dead letters back to their consumers with a fresh round of attempts, one by one (each is
 * confirmed by the broker before it leaves the DLQ). The consumer's inbox still dedupes: a letter
 * whose effect was applied before it failed is skipped there, not applied twice.
 */
export async function replayDeadLetters(
  ctx: Ctx,
  deps: { deadLetters?: DeadLetterDeps; logger?: Logger },
  refs: DeadLetterRef[],
): Promise<ReplayOutcome[]> {
  assertPlatformAdmin(ctx);
  const box = requireDeadLetters(deps);
  const sources = refs.map((ref) => ({ ref, source: deadLetterSource(box, ref.service, ref.consumer) }));
  const outcomes: ReplayOutcome[] = [];
  for (const { ref, source } of sources) {
    const replayed = await box.broker.replayDeadLetter(source.queue, ref.messageId);
    deps.logger?.info(
      { ...ref, replayed, by: ctx.actor?.id, requestId: ctx.requestId },
      'dead letter replay',
    );
    outcomes.push({ ...ref, replayed });
  }
  return outcomes;
}
