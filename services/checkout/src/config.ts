import { common, z } from '@fleet/config';

const ms = (min: number, max: number, fallback: number, doc: string) =>
  z.coerce.number().int().min(min).max(max).default(fallback).describe(doc);

export const configSchema = z.object({
  NODE_ENV: common.NODE_ENV,
  LOG_LEVEL: common.LOG_LEVEL,
  PORT: common.PORT.default(4009),
  BIND_ADDRESS: common.BIND_ADDRESS,
  REDIS_URL: common.REDIS_URL,
  REDIS_PREFIX: common.REDIS_PREFIX,
  INTERNAL_SIGNING_KEY: common.INTERNAL_SIGNING_KEY,
  AMQP_URL: common.AMQP_URL,
  AMQP_PREFIX: common.AMQP_PREFIX,
  CART_URL: z.url().describe('Base URL of the cart service (reads the cart, takes ordered units out).'),
  ORDER_URL: z
    .url()
    .describe('Base URL of the order service (creates the order, idempotent by checkout id).'),
  TENANCY_URL: z
    .url()
    .describe('Base URL of the tenant registry (store rates: shipping, tax, unpaid timeout).'),
  SHIPMENT_URL: z
    .url()
    .describe('Base URL of the shipment service (the store carrier quotes the shipping of every order).'),
  IDEMPOTENCY_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(3_600)
    .max(7 * 86_400)
    .default(86_400)
    .describe('How long an Idempotency-Key and its first answer are kept.'),
  IDEMPOTENCY_LOCK_MS: ms(
    5_000,
    600_000,
    60_000,
    'How long a running checkout holds its key; a checkout that crashed frees it after this.',
  ),
  IDEMPOTENCY_WAIT_MS: ms(
    0,
    60_000,
    10_000,
    'How long a duplicate waits for the running checkout before 409 idempotency_in_progress.',
  ),
  ORDER_TIMEOUT_MS: ms(
    1_000,
    120_000,
    30_000,
    'Timeout of the order call (order itself waits up to its CREATE_WAIT_MS); keep it below the lock.',
  ),
  SERVICE_TIMEOUT_MS: ms(100, 30_000, 5_000, 'Timeout of one call to cart or the registry.'),
  RATES_CACHE_MAX_ENTRIES: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(10_000)
    .describe('Stores whose rates are kept in process (least recently used dropped first); 0: no cache.'),
  RATES_CACHE_MAX_AGE_MS: ms(
    0,
    3_600_000,
    60_000,
    'Kept rates are read again after this even without tenant.settings_changed (a missed event); 0: no cache.',
  ),
});

export type CheckoutConfig = z.infer<typeof configSchema>;
