// Lighthouse (mobile) on a running platform's storefront: home, category, a product and the cart.
// Usage: CHROME_PATH=/usr/bin/chromium node bench/lighthouse.js http://acme.localhost:8080
// Prints the four category scores per page and the page's JavaScript (bytes on the wire). Not part
// of `npm run bench`: it needs a running platform and Chromium, and scores move with machine load.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const FLAGS = require('./support/chromium-flags');

async function main() {
  const base = (process.argv[2] || 'http://acme.localhost:8080').replace(/\/$/, '');
  const list = await getJson(`${base}/api/store/products?limit=1`);
  const product = list.items?.[0]?.slug;
  const pages = { home: '/', category: '/collections/all', product: `/products/${product}`, cart: '/cart' };
  const bin = path.join(__dirname, '../node_modules/.bin/lighthouse');
  const rows = [];
  for (const [name, page] of Object.entries(pages)) {
    const out = path.join(os.tmpdir(), `lh-${process.pid}-${name}.json`);
    execFileSync(
      bin,
      [
        `${base}${page}`,
        '--quiet',
        '--output=json',
        `--output-path=${out}`,
        '--form-factor=mobile',
        `--chrome-flags=${FLAGS}`,
      ],
      {
        stdio: 'inherit',
      },
    );
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    fs.rmSync(out);
    const score = (id) => Math.round(report.categories[id].score * 100);
    const js = report.audits['network-requests'].details.items
      .filter((i) => i.resourceType === 'Script')
      .reduce((sum, i) => sum + i.transferSize, 0);
    const weight = report.audits['total-byte-weight'].numericValue;
    rows.push([
      name,
      score('performance'),
      score('accessibility'),
      score('best-practices'),
      score('seo'),
      js,
      Math.round(weight),
    ]);
  }
  console.log(
    [
      'page',
      'performance',
      'accessibility',
      'best-practices',
      'seo',
      'JS bytes (wire)',
      'page bytes (wire)',
    ].join(' | '),
  );
  for (const r of rows) console.log(r.join(' | '));
}

/** GET as JSON; `*.localhost` is reached on 127.0.0.1 (Node's resolver does not know it). */
function getJson(url) {
  const u = new URL(url);
  const local = u.hostname.endsWith('.localhost');
  return new Promise((resolve, reject) => {
    require('node:http')
      .get(
        {
          host: local ? '127.0.0.1' : u.hostname,
          port: u.port || 80,
          path: u.pathname + u.search,
          headers: { host: u.host },
        },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve(JSON.parse(body)));
        },
      )
      .on('error', reject);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
