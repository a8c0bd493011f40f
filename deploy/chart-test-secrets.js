#!/usr/bin/env node
// Test-only values for every secret helm/fleet leaves empty, so the chart can be rendered where no
// real secret exists: deploy/test/helm-chart.test.ts, and .github/workflows/deploy.yml (helm lint,
// helm template | kubeconform). Never for a real installation: the values are public.
//
//   node deploy/chart-test-secrets.js [values files...] > /tmp/test-secrets.yaml
//
// With files, prints an overlay of just those secrets for helm/fleet/values.yaml merged with the
// files (later ones win, maps merged, as Helm does).
const fs = require('node:fs');
const path = require('node:path');
const { parse, stringify } = require('yaml');

const chartValues = path.join(__dirname, '../helm/fleet/values.yaml');

/** Helm's merge of a values file over another: maps merge, everything else is replaced. */
function mergeValues(base, over) {
  const out = { ...base };
  for (const [k, v] of Object.entries(over ?? {})) {
    const b = out[k];
    const maps = [v, b].every((x) => x && typeof x === 'object' && !Array.isArray(x));
    out[k] = maps ? mergeValues(b, v) : v;
  }
  return out;
}

/** The empty secrets of `values` as a values overlay (only those keys), each with a test-only value. */
function testSecrets(values) {
  const overlay = {};
  const fill = (map, at, label) => {
    for (const [k, v] of Object.entries(map ?? {})) {
      if (v === '') {
        let node = overlay;
        for (const key of at) node = node[key] ??= {};
        node[k] = `test-only-${label}-${k}-0123456789abcdef0123456789`;
      }
    }
  };
  fill(values.secretEnv, ['secretEnv'], 'shared');
  for (const [name, svc] of Object.entries(values.services ?? {})) {
    fill(svc.secretEnv, ['services', name, 'secretEnv'], name);
    fill(svc.migrate?.secretEnv, ['services', name, 'migrate', 'secretEnv'], `${name}-migrate`);
  }
  if (values.meilisearch?.enabled || values.meilisearch?.apiKey === '') {
    fill({ apiKey: values.meilisearch.apiKey }, ['meilisearch'], 'meilisearch');
  }
  return overlay;
}

/** `values` with every empty secret filled (the overlay merged in). */
function withTestSecrets(values) {
  return mergeValues(values, testSecrets(values));
}

function readValues(file) {
  return parse(fs.readFileSync(file, 'utf8')) ?? {};
}

if (require.main === module) {
  const values = process.argv
    .slice(2)
    .reduce((v, file) => mergeValues(v, readValues(file)), readValues(chartValues));
  process.stdout.write(
    `# Test-only secrets from deploy/chart-test-secrets.js: public values, never for an installation.\n${stringify(testSecrets(values))}`,
  );
}

module.exports = { mergeValues, testSecrets, withTestSecrets, readValues, chartValues };
