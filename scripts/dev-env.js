// The environment each process gets from `npm start` on a developer machine, and from the
// benchmarks with their own ports, database names and prefixes. Everything can be overridden from
// the shell (e.g. DATABASE_ADMIN_URL, PLATFORM_DOMAIN, GATEWAY_PORT).
const { services } = require('./services');

const env = process.env;

/** The dev mail sink: SMTP in, a page listing what arrived (MAIL_SINK_SMTP_PORT, MAIL_SINK_WEB_PORT). */
const MAIL_SINK_PORTS = {
  smtp: Number(env.MAIL_SINK_SMTP_PORT || 1025),
  web: Number(env.MAIL_SINK_WEB_PORT || 8025),
};

function dbUrl(database, user, password) {
  const url = new URL(env.DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = password || '';
  }
  return url.toString();
}

/**
 * The environment of a running service. It holds the application and relay roles' URLs only:
 * the schema owner's is for migrations (migrateEnv), never for a running service.
 * @param service an entry of scripts/services.js
 * @param layout optional `{port(service), database(service), redisPrefix, amqpPrefix, extra}` for
 *   running a second, isolated platform (benchmarks); its gateway's ops port is any free one
 */
function serviceEnv(service, layout = {}) {
  const port = layout.port ?? ((s) => (s.name === 'gateway' ? env.GATEWAY_PORT || s.port : s.port));
  const database = layout.database ?? ((s) => s.database);
  const shared = {
    NODE_ENV: env.NODE_ENV || 'development',
    LOG_LEVEL: env.LOG_LEVEL || 'info',
    PLATFORM_DOMAIN: env.PLATFORM_DOMAIN || 'localhost',
    REDIS_URL: env.REDIS_URL || 'redis://127.0.0.1:6379',
    REDIS_PREFIX: layout.redisPrefix ?? (env.REDIS_PREFIX || 'fleet:'),
    AMQP_URL: env.AMQP_URL || 'amqp://guest:guest@127.0.0.1:5672',
    AMQP_PREFIX: layout.amqpPrefix ?? (env.AMQP_PREFIX || 'fleet.'),
    INTERNAL_SIGNING_KEY: env.INTERNAL_SIGNING_KEY || 'dev-only-internal-signing-key-change-me',
    IDENTITY_ISSUER: env.IDENTITY_ISSUER || 'http://identity.fleet.internal',
    IDENTITY_KEY_ENCRYPTION_KEY:
      env.IDENTITY_KEY_ENCRYPTION_KEY || 'dev-only-key-encryption-key-change-me-please',
    PLATFORM_ADMIN_EMAIL: env.PLATFORM_ADMIN_EMAIL || 'admin@fleet.local',
    PLATFORM_ADMIN_PASSWORD: env.PLATFORM_ADMIN_PASSWORD || 'fleet-admin-dev',
    PUBLIC_PORT: String(port(services.find((s) => s.name === 'gateway'))),
    PAYMENT_CREDENTIALS_KEY: env.PAYMENT_CREDENTIALS_KEY || 'dev:dev-only-payment-credentials-key-change-me',
    // The local mail sink `npm start` runs (scripts/mail-sink.js) unless SMTP_URL points elsewhere.
    SMTP_URL: env.SMTP_URL || `smtp://127.0.0.1:${MAIL_SINK_PORTS.smtp}`,
  };
  for (const other of services) {
    if (other.envName) shared[other.envName] = `http://127.0.0.1:${port(other)}`;
  }
  const own = { PORT: String(port(service)) };
  if (service.opsPort) own.OPS_PORT = String(layout.port ? 0 : env.GATEWAY_OPS_PORT || service.opsPort);
  const db = database(service);
  if (db) {
    own.DATABASE_URL = dbUrl(db, 'fleet_app', 'fleet_app');
    own.RELAY_DATABASE_URL = dbUrl(db, 'fleet_relay', 'fleet_relay');
  }
  const all = { ...process.env, ...shared, ...own, ...(layout.extra ?? {}) };
  delete all.MIGRATION_DATABASE_URL;
  return all;
}

/** The environment of a service's `dist/migrate.js`: its own plus the schema owner's URL. */
function migrateEnv(service, layout = {}) {
  const database = layout.database ?? ((s) => s.database);
  return { ...serviceEnv(service, layout), MIGRATION_DATABASE_URL: dbUrl(database(service)) };
}

module.exports = { serviceEnv, migrateEnv, dbUrl, MAIL_SINK_PORTS };
