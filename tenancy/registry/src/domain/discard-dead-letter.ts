import type { Ctx } from '@fleet/context';
import type { Db } from '@fleet/db';
import { AppError } from '@fleet/errors';
import { assertPlatformAdmin } from '@fleet/tenancy';
import { insertDiscard, type DeadLetterDiscard } from '../data-access/dead-letter-discard.repository';
import { deadLetterSource, requireDeadLetters, type DeadLetterDeps } from './dead-letter-sources';
import { toView } from './list-dead-letters';
import type { DeadLetterRef } from './replay-dead-letters';

/**
 * Removes a dead letter for good, kept first with the reason and who discarded it: the record is
 * committed before the message is acknowledged, so a failure on the way never loses it silently.
 */
export async function discardDeadLetter(
  ctx: Ctx,
  deps: { db: Db; deadLetters?: DeadLetterDeps },
  ref: DeadLetterRef & { reason: string },
): Promise<DeadLetterDiscard> {
  assertPlatformAdmin(ctx);
  const box = requireDeadLetters(deps);
  const source = deadLetterSource(box, ref.service, ref.consumer);
  let kept: DeadLetterDiscard | undefined;
  await box.broker.discardDeadLetter(source.queue, ref.messageId, async (letter) => {
    const { service, consumer, messageId, eventType, tenantId, error, body } = toView(source, letter);
    const discardedBy = ctx.actor?.id ?? 'unknown';
    const row = {
      service,
      consumer,
      messageId,
      eventType,
      tenantId,
      error,
      body,
      reason: ref.reason,
      discardedBy,
    };
    kept = await deps.db.transaction((tx) => insertDiscard(tx, row));
  });
  if (!kept) {
    throw new AppError('not_found', 'No such dead letter (replayed or discarded already?).', {
      code: 'dead_letter_not_found',
    });
  }
  return kept;
}
