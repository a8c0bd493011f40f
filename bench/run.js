// `npm run bench`: runs every case in bench/cases (or the ones named on the command line) against
// the compiled workspaces, and prints one table. Every figure has a baseline measured in the same
// run; the ratio is "how many times slower than the baseline" (lower is better, 1.00 = equal).
const fs = require('node:fs');
const path = require('node:path');

async function main() {
  const wanted = process.argv.slice(2);
  const dir = path.join(__dirname, 'cases');
  const cases = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .filter((f) => !wanted.length || wanted.some((w) => f.includes(w)));
  const rows = [];
  for (const file of cases) {
    process.stderr.write(`bench: ${file} ...\n`);
    const started = Date.now();
    try {
      rows.push(...(await require(path.join(dir, file))()));
    } catch (err) {
      rows.push({ name: file, value: `FAILED: ${err.message}`, baseline: '', ratio: NaN, target: '' });
    }
    process.stderr.write(`bench: ${file} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  printTable(rows);
  if (rows.some((r) => String(r.value).startsWith('FAILED'))) process.exitCode = 1;
}

function printTable(rows) {
  const header = ['benchmark', 'measured', 'baseline (same run)', 'ratio', 'target'];
  const lines = rows.map((r) => [
    r.name,
    r.value,
    r.baseline,
    Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}x` : '-',
    r.target,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const fmt = (cols) => cols.map((c, i) => String(c).padEnd(widths[i])).join(' | ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const l of lines) console.log(fmt(l));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
