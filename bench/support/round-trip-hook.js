// Preloaded into every platform process (`node -r`) when the buying case counts Postgres round
// trips (BENCH_ROUND_TRIPS=1): every `pg` Client.query is one round trip (a pipelined batch of
// statements is one query), counted per database and written to
// `${FLEET_ROUND_TRIPS_DIR}/<pid>.json` every 200 ms and at exit. Counts are what the bench
// reports, not seconds: they do not drift with the machine.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { setInterval } = require('node:timers');

const dir = process.env.FLEET_ROUND_TRIPS_DIR;
if (dir) {
  const counts = {};
  let dirty = false;
  const originalLoad = Module._load;
  Module._load = function load(request, ...rest) {
    const loaded = originalLoad.call(this, request, ...rest);
    if (request === 'pg' && loaded?.Client && !loaded.Client.prototype.__fleetCounted) {
      const query = loaded.Client.prototype.query;
      loaded.Client.prototype.query = function countedQuery(...args) {
        counts[this.database] = (counts[this.database] ?? 0) + 1;
        dirty = true;
        return query.apply(this, args);
      };
      loaded.Client.prototype.__fleetCounted = true;
    }
    return loaded;
  };
  const file = path.join(dir, `${process.pid}.json`);
  const write = () => {
    if (!dirty) return;
    dirty = false;
    try {
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(counts));
      fs.renameSync(`${file}.tmp`, file);
    } catch {
      // the bench reads what it finds; a missed write only delays a count
    }
  };
  setInterval(write, 200).unref();
  process.on('exit', write);
}
