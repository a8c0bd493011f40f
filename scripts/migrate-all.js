// Migrates every service's database as the schema owner, one after the other, then exits: the
// one-shot `migrate` service of docker-compose.yml, which the running services wait for. Only this
// process gets the owner's credentials; each service's own process gets its application and relay
// roles only. The owner URL is DATABASE_ADMIN_URL; the roles' passwords come from
// FLEET_APP_DB_PASSWORD and FLEET_RELAY_DB_PASSWORD (the roles are created with them when missing).
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { services } = require('./services');

const root = path.join(__dirname, '..');

function urlOf(base, database, user, password) {
  const url = new URL(base);
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = password;
  }
  return url.toString();
}

function main() {
  const missing = ['DATABASE_ADMIN_URL', 'FLEET_APP_DB_PASSWORD', 'FLEET_RELAY_DB_PASSWORD'].filter(
    (name) => !process.env[name],
  );
  if (missing.length) {
    console.error(`[migrate] cannot start: ${missing.join(', ')} missing`);
    process.exit(1);
  }
  const admin = process.env.DATABASE_ADMIN_URL;
  for (const service of services.filter((s) => s.database)) {
    const env = {
      PATH: process.env.PATH,
      NODE_ENV: process.env.NODE_ENV,
      MIGRATION_DATABASE_URL: urlOf(admin, service.database),
      DATABASE_URL: urlOf(admin, service.database, 'fleet_app', process.env.FLEET_APP_DB_PASSWORD),
      RELAY_DATABASE_URL: urlOf(admin, service.database, 'fleet_relay', process.env.FLEET_RELAY_DB_PASSWORD),
    };
    const result = spawnSync(process.execPath, [path.join(root, service.dir, 'dist/migrate.js')], {
      env,
      stdio: 'inherit',
    });
    if (result.status !== 0) {
      console.error(`[migrate] ${service.name} failed; nothing else was migrated.`);
      process.exit(1);
    }
  }
  console.log('[migrate] every database is up to date');
}

main();
