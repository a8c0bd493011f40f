import { common, z } from '@fleet/config';

const int = (min: number, max: number, fallback: number, doc: string) =>
  z.coerce.number().int().min(min).max(max).default(fallback).describe(doc);

export const configSchema = z.object({
  NODE_ENV: common.NODE_ENV,
  LOG_LEVEL: common.LOG_LEVEL,
  PORT: common.PORT.default(4012).describe('HTTP port this process listens on (4012).'),
  BIND_ADDRESS: common.BIND_ADDRESS,
  DATABASE_URL: common.DATABASE_URL,
  DATABASE_POOL_SIZE: common.DATABASE_POOL_SIZE,
  AMQP_URL: common.AMQP_URL,
  AMQP_PREFIX: common.AMQP_PREFIX,
  REDIS_URL: common.REDIS_URL,
  REDIS_PREFIX: common.REDIS_PREFIX.describe(
    'Prefix of every Redis key this deployment writes; also the BullMQ prefix of the delivery queue.',
  ),
  INTERNAL_SIGNING_KEY: common.INTERNAL_SIGNING_KEY,
  TENANCY_URL: z.url().describe('Base URL of the tenant registry (store name, logo, colours and URL).'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .default('smtp://127.0.0.1:1025')
    .describe('Where mail is sent (nodemailer SMTP URL, credentials allowed). Dev: the local mail sink.'),
  MAIL_FROM: z
    .email()
    .default('no-reply@fleet.localhost')
    .describe('The sender address; the display name is the store’s name.'),
  DELIVERY_ATTEMPTS: int(1, 20, 6, 'Attempts at sending one e-mail before its delivery is failed.'),
  DELIVERY_BACKOFF_MS: int(100, 600_000, 5_000, 'First retry delay of a failed send (doubles each time).'),
  DELIVERY_CONCURRENCY: int(1, 100, 4, 'E-mails this process sends at once.'),
  STORE_PROFILE_CACHE_MS: int(
    0,
    3_600_000,
    60_000,
    'How long a store’s branding is kept in process (dropped at once by tenant.settings_changed).',
  ),
});

export type NotificationConfig = z.infer<typeof configSchema>;
