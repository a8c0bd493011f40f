// Runs catalog's migrations as the schema owner (the Helm pre-install job and `npm start` use it).
import { loadConfigOrExit } from '@fleet/config';
import { migrate } from '@fleet/db';
import { migrateConfigSchema } from './config';
import { migrations, relayTables } from './data-access/migrations';

async function main(): Promise<void> {
  const config = loadConfigOrExit('catalog-migrate', migrateConfigSchema);
  const applied = await migrate({
    ownerUrl: config.MIGRATION_DATABASE_URL,
    appUrl: config.DATABASE_URL,
    relay: { url: config.RELAY_DATABASE_URL, tables: relayTables },
    migrations,
  });
  process.stdout.write(
    `[catalog-migrate] ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`[catalog-migrate] failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
