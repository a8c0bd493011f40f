import knex from 'knex';
import { ensureUnprivilegedRole } from '../src/roles';

test('a superuser is refused as the application role', async () => {
  const admin = knex({
    client: 'pg',
    connection: process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  try {
    await expect(ensureUnprivilegedRole(admin, { name: 'postgres', password: undefined })).rejects.toThrow(
      /BYPASSRLS/,
    );
  } finally {
    await admin.destroy();
  }
});
