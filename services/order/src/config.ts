import { common, z } from '@fleet/config';

const positiveMs = (fallback: number, doc: string) =>
  z.coerce.number().int().min(10).max(3_600_000).default(fallback).describe(doc);

export const configSchema = z.object({
  NODE_ENV: common.NODE_ENV,
  LOG_LEVEL: common.LOG_LEVEL,
  PORT: common.PORT.default(4007),
  BIND_ADDRESS: common.BIND_ADDRESS,
  DATABASE_URL: common.DATABASE_URL,
  DATABASE_POOL_SIZE: common.DATABASE_POOL_SIZE.default(20),
  RELAY_DATABASE_URL: z
    .url()
    .describe(
      'Postgres URL of the relay role: reads the outbox and the saga states of every tenant (publishing, saga recovery).',
    ),
  AMQP_URL: common.AMQP_URL,
  AMQP_PREFIX: common.AMQP_PREFIX,
  REDIS_URL: common.REDIS_URL,
  REDIS_PREFIX: common.REDIS_PREFIX,
  INTERNAL_SIGNING_KEY: common.INTERNAL_SIGNING_KEY,
  INVENTORY_URL: z.url().describe('Base URL of the inventory service (reservations).'),
  PAYMENT_URL: z.url().describe('Base URL of the payment service (payments and refunds).'),
  UNPAID_ORDER_TIMEOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_080)
    .default(30)
    .describe('Minutes an order may wait for its payment when checkout sends no store timeout.'),
  SAGA_RECOVERY_MS: positiveMs(5_000, 'How often the recovery job looks for sagas past their deadline.'),
  SAGA_STEP_LEASE_MS: positiveMs(
    30_000,
    'How long one process owns a saga step it started; after that another process may retry it.',
  ),
  SAGA_RETRY_BASE_MS: positiveMs(
    1_000,
    'First delay before a failed saga step is retried (doubles per attempt, at most 60 s).',
  ),
  MAX_OPEN_CHECKOUTS_PER_EMAIL: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000)
    .default(5)
    .describe(
      'Unpaid orders (each holding reserved stock) one e-mail address may have open in a store at once.',
    ),
  PAYMENT_GRACE_MS: positiveMs(
    600_000,
    'Time past the unpaid-order timeout given to a payment the provider is still processing (one extension), or while payment cannot be reached; the reservation is held this long plus 60 s.',
  ),
  REMOTE_TIMEOUT_MS: positiveMs(5_000, 'Timeout of one call to inventory or payment.'),
  CREATE_WAIT_MS: positiveMs(
    10_000,
    'How long a duplicate create call waits for the first one before answering 503 order_pending.',
  ),
});

export type OrderConfig = z.infer<typeof configSchema>;
