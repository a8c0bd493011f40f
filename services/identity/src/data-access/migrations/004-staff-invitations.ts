import { createTenantTable, type Migration } from '@fleet/db';

/**
 * Invitations of staff to a store: tenant-owned under forced RLS like `staff`, one pending
 * invitation per e-mail per store. The invitation token itself is never stored, only its sha256.
 */
export const staffInvitationsMigration: Migration = {
  name: '004_staff_invitations',
  async up(knex) {
    await createTenantTable(
      knex,
      'staff_invitations',
      (t) => {
        t.text('id').notNullable();
        t.text('email').notNullable();
        t.text('role').notNullable();
        t.text('token_hash').notNullable();
        t.text('invited_by').notNullable();
        t.timestamp('expires_at', { useTz: true }).notNullable();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.unique(['tenant_id', 'email']);
        t.unique(['tenant_id', 'token_hash']);
      },
      { primaryKey: ['id'] },
    );
    await knex.raw(
      "ALTER TABLE staff_invitations ADD CONSTRAINT staff_invitations_role_check CHECK (role IN ('admin', 'staff'))",
    );
  },
};
