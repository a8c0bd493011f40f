import type { NotificationType } from '@fleet/api-contract';
import type { TenantCtx } from '@fleet/context';
import {
  earlierStillQueued,
  findDelivery,
  markAttemptFailed,
  markSent,
} from '../data-access/delivery.repository';
import { findTemplate } from '../data-access/template.repository';
import { composeEmail, messageOf, templateVariables, type ComposedEmail } from './compose-email';
import type { SendDeps } from './notification-deps';

export interface DeliveryJob {
  tenantId: string;
  deliveryId: string;
}

/** How long an address's earlier queued mail holds its later ones back (it may be retrying). */
export const IN_ORDER_HOLD_SECONDS = 120;

/**
 * One attempt at one delivery: read it (a delivery already sent or failed is not sent again),
 * render it with the store's branding and override, hand it to SMTP, record the outcome. A
 * failed attempt is recorded and thrown, so the queue retries it with backoff; `final` (the last
 * attempt) ends it as failed. Mail to other addresses never waits for this one; a later mail to
 * the same address does (`wait`: the queue tries it again shortly), for up to IN_ORDER_HOLD_SECONDS,
 * so a shopper reads "shipped" before "delivered".
 */
export async function sendDelivery(
  deps: SendDeps,
  job: DeliveryJob,
  { final }: { final: boolean },
): Promise<'sent' | 'skipped' | 'wait'> {
  const ctx: TenantCtx = { requestId: `dlv:${job.deliveryId}`, tenantId: job.tenantId };
  const { tenantId, deliveryId } = job;
  const [delivery, override, waiting] = await deps.db.readAsTenant(ctx, async (tx) => {
    const row = await findDelivery(tx, tenantId, deliveryId);
    if (!row || row.status !== 'queued') return [undefined, undefined, false] as const;
    return [
      row,
      await findTemplate(tx, tenantId, row.type),
      await earlierStillQueued(tx, tenantId, row, IN_ORDER_HOLD_SECONDS),
    ] as const;
  });
  if (!delivery) return 'skipped';
  if (waiting) return 'wait';
  const type = delivery.type as NotificationType;
  let composed: ComposedEmail | undefined;
  try {
    const profile = await deps.profiles.get(tenantId);
    const vars = templateVariables(type, delivery.data, profile, delivery.recipient);
    composed = await composeEmail(deps.renderer, type, vars, override);
    const messageId = await deps.mailer.send({
      ...composed.email,
      from: { name: profile.name, address: deps.mailFrom },
      to: delivery.recipient,
      messageId: `<${deliveryId}@${new URL(profile.url).hostname}>`,
      headers: { 'X-Fleet-Delivery': deliveryId, 'X-Fleet-Notification': type },
    });
    await deps.db.withTenant(ctx, (tx) =>
      markSent(tx, tenantId, deliveryId, {
        subject: composed!.email.subject,
        messageId,
        templateError: composed!.templateError,
      }),
    );
    return 'sent';
  } catch (err) {
    const failure = { error: messageOf(err), templateError: composed?.templateError ?? null, final };
    await deps.db.withTenant(ctx, (tx) => markAttemptFailed(tx, tenantId, deliveryId, failure));
    const log = final ? deps.logger.warn.bind(deps.logger) : deps.logger.info.bind(deps.logger);
    log({ err, deliveryId, tenantId, final }, final ? 'e-mail failed for good' : 'e-mail not sent; retrying');
    throw err;
  }
}
