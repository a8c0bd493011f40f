'use strict';
// The README's storefront pictures, taken of `npm start`'s seeded demo store (the browser tests'
// stores hold one or two products; these show a shop as a new user first sees it).
// Usage, with `npm start` running: node scripts/demo-screenshots.js [http://acme.localhost:8080]
// Writes docs/screenshots/demo-*.png at 1280 px and at 375 px (a phone), JavaScript on.
const http = require('node:http');
const path = require('node:path');
const { chromium } = require('playwright-core');
const FLAGS = require('../bench/support/chromium-flags');

const OUT = path.join(__dirname, '../docs/screenshots');
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 812 } };

async function main() {
  const base = (process.argv[2] || 'http://acme.localhost:8080').replace(/\/$/, '');
  const list = await getJson(`${base}/api/store/products?limit=20`);
  const shirt = list.items.find((p) => p.variants.length > 1) ?? list.items[0];
  const pages = {
    home: '/',
    collection: '/collections/all',
    product: `/products/${shirt.slug}`,
    cart: '/cart',
  };
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS.split(' ') });
  try {
    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      for (const [name, url] of Object.entries(pages)) {
        if (name === 'cart') {
          // A cart with something in it: the product page's own form.
          await page.goto(`${base}${pages.product}`);
          await page.getByRole('button', { name: /add to cart/i }).click();
          await page.waitForLoadState('networkidle');
        }
        await page.goto(`${base}${url}`);
        const file = path.join(OUT, `demo-${name}-${device}.png`);
        await page.screenshot({ path: file, fullPage: device === 'phone' && name !== 'home' });
        console.log(file);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

/** A GET to the platform on 127.0.0.1 with the store's Host (Node does not resolve *.localhost). */
function getJson(url) {
  const { hostname, port, pathname, search } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: pathname + search, headers: { host: `${hostname}:${port}` } },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve(JSON.parse(body)));
      },
    );
    req.on('error', reject);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
