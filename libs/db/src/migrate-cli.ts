import { common, loadConfigOrExit, z } from '@fleet/config';
import { migrate, type Migration } from './migrate';

const migrateConfig = z.object({
  DATABASE_URL: common.DATABASE_URL,
  RELAY_DATABASE_URL: z
    .url()
    .optional()
    .describe(
      'Postgres URL of the outbox relay role (granted the relay tables only); needed when there are any.',
    ),
  MIGRATION_DATABASE_URL: common.MIGRATION_DATABASE_URL,
});

/**
 * The body of every service's `migrate.ts`: runs its migrations as the schema owner (the Helm
 * pre-install job and `npm start` call it), prints what it applied, exits non-zero on failure.
 */
export function runMigrateCli(
  service: string,
  migrations: readonly Migration[],
  relayTables: string[],
): void {
  const name = `${service}-migrate`;
  const config = loadConfigOrExit(name, migrateConfig);
  if (relayTables.length && !config.RELAY_DATABASE_URL) {
    process.stderr.write(`[${name}] cannot start: RELAY_DATABASE_URL is missing — the relay role's URL.\n`);
    process.exit(1);
  }
  const relay =
    config.RELAY_DATABASE_URL && relayTables.length
      ? { url: config.RELAY_DATABASE_URL, tables: relayTables }
      : undefined;
  migrate({ ownerUrl: config.MIGRATION_DATABASE_URL, appUrl: config.DATABASE_URL, relay, migrations }).then(
    (applied) =>
      process.stdout.write(`[${name}] ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}\n`),
    (err: unknown) => {
      process.stderr.write(`[${name}] failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
