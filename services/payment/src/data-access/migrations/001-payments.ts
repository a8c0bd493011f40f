import { createTenantTable, type Migration } from '@fleet/db';

/**
 * Payment's tables, all tenant-owned under forced row-level security with `tenant_id` first in
 * every key. The exceptions are the two partial indexes on webhook receipts: the processor finds
 * due receipts and purges old ones across tenants (as the relay role), like the outbox relay's
 * index on `seq`.
 */
/** The providers a row could name when this ran (003 replaced it by a check of the name's shape). */
const PROVIDER_CHECK = "CHECK (provider IN ('offline', 'stripe', 'razorpay'))";

export const paymentsMigration: Migration = {
  name: '001_payments',
  async up(knex) {
    // One row per (tenant, provider) the tenant has configured; exactly one is active. Secrets are
    // sealed (AES-256-GCM, see domain/settings/credentials-cipher.ts) and never leave the service.
    await createTenantTable(
      knex,
      'payment_settings',
      (t) => {
        t.text('provider').notNullable();
        t.boolean('active').notNullable().defaultTo(false);
        t.text('public_key_id');
        t.text('credentials_sealed').notNullable();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      },
      { primaryKey: ['provider'] },
    );
    await knex.raw(
      'CREATE UNIQUE INDEX payment_settings_one_active ON payment_settings (tenant_id) WHERE active',
    );

    await createTenantTable(
      knex,
      'payments',
      (t) => {
        t.text('id').notNullable();
        t.text('order_id').notNullable();
        t.text('provider').notNullable(); // the provider it started with; it finishes there
        t.text('provider_payment_id');
        t.text('status').notNullable().defaultTo('pending');
        t.bigInteger('amount').notNullable();
        t.bigInteger('refunded_amount').notNullable().defaultTo(0);
        t.specificType('currency', 'char(3)').notNullable();
        t.text('email');
        t.jsonb('client_params').notNullable().defaultTo('{}');
        t.text('failure_reason');
        t.integer('version').notNullable().defaultTo(1);
        t.text('correlation_id');
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.unique(['tenant_id', 'order_id']);
        t.unique(['tenant_id', 'provider', 'provider_payment_id']);
      },
      { primaryKey: ['id'] },
    );
    await knex.raw(`ALTER TABLE payments ADD CONSTRAINT payments_status_check
      CHECK (status IN ('pending', 'succeeded', 'failed', 'partially_refunded', 'refunded'))`);
    await knex.raw(`ALTER TABLE payments ADD CONSTRAINT payments_provider_check ${PROVIDER_CHECK}`);
    await knex.raw(`ALTER TABLE payments ADD CONSTRAINT payments_amounts_check
      CHECK (amount > 0 AND refunded_amount >= 0 AND refunded_amount <= amount)`);

    await createTenantTable(
      knex,
      'refunds',
      (t) => {
        t.text('id').notNullable();
        t.text('payment_id').notNullable();
        t.bigInteger('amount').notNullable();
        t.specificType('currency', 'char(3)').notNullable();
        t.text('status').notNullable().defaultTo('pending');
        t.text('reason');
        t.text('idempotency_key');
        t.text('request_hash').notNullable();
        t.text('provider_refund_id');
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.unique(['tenant_id', 'idempotency_key']);
        t.index(['tenant_id', 'payment_id']);
        t.foreign(['tenant_id', 'payment_id']).references(['tenant_id', 'id']).inTable('payments');
      },
      { primaryKey: ['id'] },
    );
    await knex.raw(`ALTER TABLE refunds ADD CONSTRAINT refunds_status_check
      CHECK (status IN ('pending', 'succeeded', 'failed') AND amount > 0)`);

    // Provider webhooks, stored once per (tenant, provider, event id) before anything is applied.
    await createTenantTable(
      knex,
      'webhook_receipts',
      (t) => {
        t.text('provider').notNullable();
        t.text('event_id').notNullable();
        t.text('event_type').notNullable();
        t.text('provider_payment_id').notNullable();
        t.jsonb('event').notNullable(); // the verified, normalised ProviderEvent
        t.text('status').notNullable().defaultTo('pending');
        t.text('outcome');
        t.integer('attempts').notNullable().defaultTo(0);
        t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.text('last_error');
        t.text('request_id');
        t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('processed_at', { useTz: true });
      },
      { primaryKey: ['provider', 'event_id'] },
    );
    await knex.raw(`ALTER TABLE webhook_receipts ADD CONSTRAINT webhook_receipts_status_check
      CHECK (status IN ('pending', 'processed', 'ignored', 'abandoned'))`);
    await knex.raw(
      "CREATE INDEX webhook_receipts_due ON webhook_receipts (next_attempt_at) WHERE status = 'pending'",
    );
    await knex.raw(
      "CREATE INDEX webhook_receipts_done ON webhook_receipts (received_at) WHERE status IN ('processed', 'ignored')",
    );
  },
};
