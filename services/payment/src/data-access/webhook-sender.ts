import type { Ctx } from '@fleet/context';
import { newId } from '@fleet/db';
import { CONTEXT_HEADER, signContext } from '@fleet/tenancy';

/**
 * Delivers a provider-style webhook to `POST {baseUrl}/api/webhooks/{provider}` over HTTP. The
 * service sits behind the gateway, so the request carries the context the gateway would sign for
 * an anonymous caller on the store's host.
 */
export interface WebhookSender {
  send(
    tenantId: string,
    provider: string,
    delivery: { rawBody: string; headers: Record<string, string> },
  ): Promise<{ status: number }>;
}

export interface WebhookSenderOptions {
  /** Where this service is reached (WEBHOOK_BASE_URL); a function when the port is known late (tests). */
  baseUrl: string | (() => string);
  /** INTERNAL_SIGNING_KEY. */
  signingKey: string;
  timeoutMs?: number;
}

export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const baseUrl = typeof options.baseUrl === 'string' ? () => options.baseUrl as string : options.baseUrl;
  return {
    async send(tenantId, provider, delivery) {
      const ctx: Ctx = { requestId: newId('req'), tenantId, actor: { kind: 'anonymous' } };
      const res = await fetch(`${baseUrl().replace(/\/$/, '')}/api/webhooks/${provider}`, {
        method: 'POST',
        headers: { ...delivery.headers, [CONTEXT_HEADER]: signContext(ctx, options.signingKey) },
        body: delivery.rawBody,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      await res.arrayBuffer();
      return { status: res.status };
    },
  };
}
