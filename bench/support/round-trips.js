// Reads the counts `round-trip-hook.js` writes: Postgres round trips per database (the run's
// prefix stripped), summed over every process of the platform.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const HOOK = path.join(__dirname, 'round-trip-hook.js');

/** A fresh directory, the node args and the env that make platform processes count into it. */
function roundTripCounting() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-round-trips-'));
  return {
    preload: { path: HOOK, env: { FLEET_ROUND_TRIPS_DIR: dir } },
    /** `{database: round trips}` so far, after the hooks' next write. */
    async read(databasePrefix) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const total = {};
      for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        let counts;
        try {
          counts = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
        } catch {
          continue; // a process that died mid-write; its rename never happened
        }
        for (const [db, n] of Object.entries(counts)) {
          const key = db.startsWith(databasePrefix) ? db.slice(databasePrefix.length) : db;
          total[key] = (total[key] ?? 0) + n;
        }
      }
      return total;
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** `after - before` per database, divided by `operations`, largest first, as one line. */
function formatRoundTrips(before, after, operations) {
  const rows = Object.keys(after)
    .map((db) => [db, (after[db] - (before[db] ?? 0)) / operations])
    .filter(([, n]) => n >= 0.05)
    .sort((a, b) => b[1] - a[1]);
  const sum = rows.reduce((s, [, n]) => s + n, 0);
  return `${sum.toFixed(1)} per order: ${rows.map(([db, n]) => `${db} ${n.toFixed(1)}`).join(', ')}`;
}

module.exports = { roundTripCounting, formatRoundTrips };
