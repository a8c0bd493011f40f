import { newId } from '@fleet/db';
import { createServiceClient } from '@fleet/http';

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

/**
 * Sent through the shared service client (a keep-alive undici pool: the global `fetch` cost about
 * three times the CPU per delivery, and every simulated payment makes one). The raw body goes as
 * it is, since the provider's signature covers its bytes. Any answer resolves with its status;
 * no answer, the timeout or an open circuit rejects.
 */
export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const client = createServiceClient({
    service: 'payment',
    caller: 'payment',
    baseUrl: options.baseUrl,
    signingKey: options.signingKey,
    timeoutMs: options.timeoutMs ?? 10_000,
  });
  return {
    async send(tenantId, provider, delivery) {
      const result = await client.call(
        { requestId: newId('req'), tenantId },
        {
          method: 'POST',
          path: `/api/webhooks/${provider}`,
          rawBody: delivery.rawBody,
          headers: delivery.headers,
          actor: { kind: 'anonymous' },
        },
      );
      if (result.ok || result.kind === 'problem') return { status: result.status };
      if (result.status !== undefined) return { status: result.status };
      throw new Error(`webhook delivery failed: ${result.error}`);
    },
  };
}
