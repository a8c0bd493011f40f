// CPU time per process, read from /proc/<pid>/stat (utime + stime). On a shared machine req/s
// moves with whatever else runs; the CPU a process spent per operation does not, so the buying
// case reports both. Linux only: elsewhere every reading is null and the breakdown is skipped.
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');
const { Client } = require('pg');

let ticksPerSecond;
function clockTicks() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime + stime of one process in ms, or null when it is gone (or not Linux). */
function cpuMsOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces: fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
  } catch {
    return null;
  }
}

/** `{name: ms}` for a `{name: pid}` map. */
function cpuSnapshot(pids) {
  return Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMsOf(pid)]));
}

/**
 * The PostgreSQL backends serving the databases whose names start with `prefix`, as `{pid: db}`:
 * their CPU is the database's share of the work. A backend that exits between two snapshots
 * takes its time with it, so the figure is a lower bound (the pools keep theirs open).
 */
async function postgresBackends(adminUrl, prefix) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT pid, datname FROM pg_stat_activity WHERE datname LIKE $1 AND pid <> pg_backend_pid()',
      [`${prefix}%`],
    );
    return Object.fromEntries(rows.map((r) => [r.pid, r.datname]));
  } finally {
    await client.end();
  }
}

/** CPU ms of the matching Postgres backends, summed per database name (minus the prefix). */
async function postgresCpu(adminUrl, prefix) {
  const backends = await postgresBackends(adminUrl, prefix);
  const out = {};
  for (const [pid, db] of Object.entries(backends)) {
    const ms = cpuMsOf(pid);
    if (ms === null) continue;
    const name = `pg:${db.slice(prefix.length)}`;
    out[`${name}#${pid}`] = ms;
  }
  return out;
}

/**
 * What each process spent between two snapshots, per operation, in ms. Keys present only in the
 * later snapshot (a Postgres backend opened meanwhile) count from zero. `pg:<db>#pid` keys are
 * summed per database.
 */
function perOperation(before, after, operations) {
  const totals = {};
  for (const [key, end] of Object.entries(after)) {
    if (end === null) continue;
    const start = before[key] ?? 0;
    const name = key.split('#')[0];
    totals[name] = (totals[name] ?? 0) + (end - (start ?? 0));
  }
  return Object.fromEntries(
    Object.entries(totals)
      .sort(([, a], [, b]) => b - a)
      .map(([name, ms]) => [name, operations ? ms / operations : NaN]),
  );
}

/** `order 4.1, gateway 3.2, …` (ms per operation), plus the total. */
function formatBreakdown(perOp) {
  const entries = Object.entries(perOp).filter(([, ms]) => Number.isFinite(ms));
  const total = entries.reduce((sum, [, ms]) => sum + ms, 0);
  return `${total.toFixed(1)} ms CPU/op: ${entries.map(([n, ms]) => `${n} ${ms.toFixed(2)}`).join(', ')}`;
}

/**
 * The machine's Redis and RabbitMQ servers (`{redis*: pid, rabbitmq*: pid}`), shared with whatever
 * else runs: their figure is indicative only, hence the star.
 */
function sharedServers() {
  const out = {};
  for (const [name, processName] of [
    ['redis*', 'redis-server'],
    ['rabbitmq*', 'beam.smp'],
  ]) {
    try {
      const pid = execFileSync('pgrep', ['-o', '-x', processName], { encoding: 'utf8' }).trim();
      if (pid) out[name] = Number(pid);
    } catch {
      // not running here (or no pgrep): left out
    }
  }
  return out;
}

module.exports = { sharedServers, cpuMsOf, cpuSnapshot, postgresCpu, perOperation, formatBreakdown };
