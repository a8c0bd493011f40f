// The baseline of bench/cases/storefront.js: a bare express handler that reads 20 products of a
// tenant by key with one pooled query and returns them as JSON. No tenancy, no auth, no gateway.
const express = require('express');
const { Pool } = require('pg');

const [url, port] = process.argv.slice(2);
const pool = new Pool({ connectionString: url, max: 20 });
const app = express();
app.get('/products', async (req, res) => {
  const ids = String(req.query.ids).split(',');
  const { rows } = await pool.query({
    name: 'bare-products',
    text: 'SELECT id, slug, title, price_min, price_max, status FROM products WHERE tenant_id = $1 AND id = ANY($2)',
    values: [req.query.tenant, ids],
  });
  res.json({ items: rows });
});
app.listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
