import { createTenantTable, makeTenantOwned, newId, type Migration } from '../src';

export const migrations: Migration[] = [
  {
    name: '001_notes',
    async up(knex) {
      await createTenantTable(
        knex,
        'notes',
        (t) => {
          t.text('id').notNullable();
          t.text('body').notNullable();
        },
        { primaryKey: ['id'] },
      );
    },
  },
  {
    name: '002_legacy_made_tenant_owned',
    async up(knex) {
      await knex.schema.createTable('legacy', (t) => {
        t.text('id').primary();
        t.text('body');
      });
      await makeTenantOwned(knex, 'legacy', { primaryKey: ['id'] });
    },
  },
];

export const tenantA = { requestId: 'req-a', tenantId: newId('ten') };
export const tenantB = { requestId: 'req-b', tenantId: newId('ten') };
