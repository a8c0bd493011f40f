import { createTenantTable, type Migration } from '@fleet/db';

/**
 * A store's overrides of default theme files (`templates/product.liquid`, `snippets/header.liquid`,
 * `layout/theme.liquid`): tenant-owned, forced row-level security. `last_error` is what went wrong
 * when the override last failed to render for a shopper (the default was shown instead).
 */
export const themeTemplatesMigration: Migration = {
  name: '001_theme_templates',
  async up(knex) {
    await createTenantTable(
      knex,
      'theme_templates',
      (t) => {
        t.text('file').notNullable();
        t.text('source').notNullable();
        t.text('last_error');
        t.timestamp('last_error_at', { useTz: true });
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      },
      { primaryKey: ['file'] },
    );
  },
  async down(knex) {
    await knex.schema.dropTable('theme_templates');
  },
};
