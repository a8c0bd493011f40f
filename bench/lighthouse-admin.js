// Lighthouse (desktop) on a running platform's merchant admin, page by page, signed in.
// Usage: CHROME_PATH=/usr/bin/chromium node bench/lighthouse-admin.js http://acme.localhost:8080 owner@acme.test 'password'
// Each page gets a fresh sign-in: the refresh-token cookie from POST /api/admin/session goes to
// Lighthouse as an extra header, the app restores its session from it as after a reload (one use:
// the token rotates). Prints the scores per page and the page's JavaScript (bytes on the wire).
// Not part of `npm run bench`: it needs a running platform and Chromium; scores move with load.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const FLAGS = require('./support/chromium-flags');

const PAGES = {
  dashboard: '/admin/',
  products: '/admin/products',
  'new product': '/admin/products/new',
  import: '/admin/products/import',
  inventory: '/admin/inventory',
  orders: '/admin/orders',
  settings: '/admin/settings',
  theme: '/admin/settings/theme',
  payments: '/admin/settings/payments',
  domains: '/admin/settings/domains',
  staff: '/admin/settings/staff',
};

async function main() {
  const [baseArg, email, password] = process.argv.slice(2);
  if (!baseArg || !email || !password)
    throw new Error('usage: lighthouse-admin.js <store URL> <email> <password>');
  const base = baseArg.replace(/\/$/, '');
  const bin = path.join(__dirname, '../node_modules/.bin/lighthouse');
  const rows = [];
  for (const [name, page] of Object.entries(PAGES)) {
    const cookie = await signIn(base, email, password);
    const out = path.join(os.tmpdir(), `lh-admin-${process.pid}.json`);
    execFileSync(
      bin,
      [
        `${base}${page}`,
        '--quiet',
        '--output=json',
        `--output-path=${out}`,
        '--preset=desktop',
        '--only-categories=performance,accessibility,best-practices',
        `--extra-headers=${JSON.stringify({ cookie })}`,
        `--chrome-flags=${FLAGS}`,
      ],
      { stdio: 'inherit' },
    );
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    fs.rmSync(out);
    const score = (id) => Math.round(report.categories[id].score * 100);
    const failed = Object.values(report.audits)
      .filter((a) => report.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0))
      .filter((a) => a.score !== null && a.score < 1)
      .map((a) => a.id);
    const js = report.audits['network-requests'].details.items
      .filter((i) => i.resourceType === 'Script')
      .reduce((sum, i) => sum + i.transferSize, 0);
    rows.push([
      name,
      score('performance'),
      score('accessibility'),
      score('best-practices'),
      js,
      failed.join(' ') || '-',
    ]);
  }
  console.log(
    ['page', 'performance', 'accessibility', 'best-practices', 'JS bytes (wire)', 'failed a11y audits'].join(
      ' | ',
    ),
  );
  for (const r of rows) console.log(r.join(' | '));
}

/** Signs in as the admin app does; returns the session cookie (`name=value`). */
function signIn(base, email, password) {
  const u = new URL(`${base}/api/admin/session`);
  const body = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        method: 'POST',
        // `*.localhost` is reached on 127.0.0.1 (Node's resolver does not know it).
        host: u.hostname.endsWith('.localhost') ? '127.0.0.1' : u.hostname,
        port: u.port || 80,
        path: u.pathname,
        headers: {
          host: u.host,
          'content-type': 'application/json',
          'x-csrf': '1',
          'sec-fetch-site': 'same-origin',
        },
      },
      (res) => {
        res.resume();
        const set = res.headers['set-cookie']?.[0];
        if (res.statusCode !== 200 || !set) reject(new Error(`sign-in answered ${res.statusCode}`));
        else resolve(set.split(';')[0]);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
