import { common, secret, z } from '@fleet/config';
import { CREDENTIALS_KEY_PATTERN } from './domain/settings/credentials-cipher';
import { PAYMENT_PROVIDERS } from '@fleet/payment-providers';
import { apiBaseSetting, type ProviderName } from './domain/providers/registry';
import { DEFAULT_REFUND_POLL, type RefundPollPolicy } from './domain/refunds/refund-poll-policy';

/**
 * `<NAME>_API_BASE` for each registered provider with an API host (`STRIPE_API_BASE`, …). Typed
 * as no keys: they are read by name through `providerApiBases`, never as config fields.
 */
const apiBaseSettings: Record<never, never> = Object.fromEntries(
  PAYMENT_PROVIDERS.flatMap((p) =>
    p.apiBase
      ? [
          [
            apiBaseSetting(p.name),
            z
              .url()
              .optional()
              .describe(
                `Base URL of ${p.apiBase.what}; default ${p.apiBase.default} (set only to point at a stand-in).`,
              ),
          ],
        ]
      : [],
  ),
);

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const configSchema = z
  .object({
    NODE_ENV: common.NODE_ENV,
    LOG_LEVEL: common.LOG_LEVEL,
    PORT: common.PORT.default(4006),
    BIND_ADDRESS: common.BIND_ADDRESS,
    DATABASE_URL: common.DATABASE_URL,
    DATABASE_POOL_SIZE: common.DATABASE_POOL_SIZE,
    RELAY_DATABASE_URL: z
      .url()
      .describe(
        'Postgres URL of the relay role: reads the outbox and the webhook receipts across tenants, nothing else.',
      ),
    AMQP_URL: common.AMQP_URL,
    AMQP_PREFIX: common.AMQP_PREFIX,
    INTERNAL_SIGNING_KEY: common.INTERNAL_SIGNING_KEY,
    PAYMENT_CREDENTIALS_KEY: secret(
      z
        .string()
        .regex(CREDENTIALS_KEY_PATTERN, 'must be <keyId>:<secret of 32+ chars>[,<keyId>:<secret>…]')
        .describe(
          'Keys that encrypt provider credentials at rest (AES-256-GCM): `<keyId>:<secret>` pairs, comma-separated, ' +
            'the current key first; older keys still decrypt what they sealed (rotation).',
        ),
    ),
    WEBHOOK_BASE_URL: z
      .url()
      .optional()
      .describe(
        'Base URL the offline provider POSTs its simulated webhooks to (this service); default http://127.0.0.1:PORT.',
      ),
    REFUND_POLL_AFTER_MS: z.coerce
      .number()
      .int()
      .min(MINUTE)
      .max(DAY)
      .default(DEFAULT_REFUND_POLL.afterMs)
      .describe(
        'How long a refund pending at its provider waits for its webhook before the provider is asked; later checks back off.',
      ),
    REFUND_POLL_MAX_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(MINUTE)
      .max(DAY)
      .default(DEFAULT_REFUND_POLL.maxIntervalMs)
      .describe('The longest wait between two checks of a pending refund (the backoff cap).'),
    REFUND_POLL_LONG_PENDING_MS: z.coerce
      .number()
      .int()
      .min(DAY)
      .max(90 * DAY)
      .default(DEFAULT_REFUND_POLL.longPendingMs)
      .describe(
        'A refund still pending this long after it was made is asked about daily, with a warning each time.',
      ),
  })
  .extend(apiBaseSettings);

export type PaymentConfig = z.infer<typeof configSchema>;

/** The API hosts the deployment names, by provider (unset: the provider's own). */
export function providerApiBases(config: PaymentConfig): Partial<Record<ProviderName, string>> {
  const values = config as Record<string, unknown>;
  return Object.fromEntries(
    PAYMENT_PROVIDERS.map((p) => [p.name, values[apiBaseSetting(p.name)]]).filter(
      ([, url]) => typeof url === 'string',
    ),
  ) as Partial<Record<ProviderName, string>>;
}

/** REFUND_POLL_*: when refunds pending at their provider are asked about. */
export function refundPollSettings(config: PaymentConfig): Partial<RefundPollPolicy> {
  return {
    afterMs: config.REFUND_POLL_AFTER_MS,
    maxIntervalMs: config.REFUND_POLL_MAX_INTERVAL_MS,
    longPendingMs: config.REFUND_POLL_LONG_PENDING_MS,
  };
}
