// One Jest run over every workspace. Tests import workspaces by package name; the mapper points
// them at TypeScript sources so `npm test` needs no build. ESM-only packages are transformed by swc.
const fs = require('node:fs');
const path = require('node:path');

const root = __dirname;
const { workspaces } = require('./package.json');

function workspaceDirs() {
  return workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = path.join(root, pattern.slice(0, -2));
    if (!fs.existsSync(parent)) return [];
    return fs
      .readdirSync(parent, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(parent, d.name, 'package.json')))
      .map((d) => path.join(pattern.slice(0, -2), d.name));
  });
}

const moduleNameMapper = {};
for (const dir of workspaceDirs()) {
  const { name } = require(path.join(root, dir, 'package.json'));
  moduleNameMapper[`^${name}$`] = `<rootDir>/${dir}/src/index.ts`;
  // A package's test set-up, built apart from its runtime source (`@fleet/catalog/testing`).
  if (fs.existsSync(path.join(root, dir, 'testing', 'index.ts'))) {
    moduleNameMapper[`^${name}/testing$`] = `<rootDir>/${dir}/testing/index.ts`;
  }
}

// A dynamic `import('./x.js')` (Node16 keeps it native and needs the extension: the payment
// providers' lazy loads) is compiled to `require` for Jest; this finds its TypeScript source.
moduleNameMapper['^(\\.{1,2}/.*)\\.js$'] = '$1';

const esmOnly = ['oidc-provider', 'meilisearch', 'jose', 'nanoid', 'quick-lru', '@koa', 'koa'];

/** @type {import('jest').Config} */
module.exports = {
  rootDir: root,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  moduleNameMapper,
  transform: {
    '^.+\\.(t|j|mj)s$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  globalSetup: '<rootDir>/libs/testing/jest-global-setup.js',
  testTimeout: 30000,
  maxWorkers: 2,
};
