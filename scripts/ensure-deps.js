// Makes `npm start` / `npm test` work on a fresh clone: installs dependencies when node_modules is
// missing or any package manifest changed since the last install, and does nothing otherwise.
//
// The stamp is a sha256 over package-lock.json, the root package.json and every workspace's
// package.json (plus the Node ABI version, so switching Node major versions reinstalls native
// packages such as @swc/core). It lives inside node_modules, so deleting node_modules resets it.
//
// Installs with `npm ci`, falling back to `npm install` when `npm ci` refuses (see install()).
//
//   node scripts/ensure-deps.js           install if needed, then write the stamp
//   node scripts/ensure-deps.js --record  write the stamp for what is installed now, install nothing
//                                         (for CI right after its own `npm ci`, or an existing clone)
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const nodeModules = path.join(root, 'node_modules');
const stampFile = path.join(nodeModules, '.fleet-deps-stamp');
const lockFile = path.join(root, 'package-lock.json');

/** Root package.json, package-lock.json if present, then every workspace package.json, sorted. */
function manifestFiles() {
  const rootManifest = path.join(root, 'package.json');
  const { workspaces = [] } = JSON.parse(fs.readFileSync(rootManifest, 'utf8'));
  const found = [];
  for (const pattern of workspaces) {
    const dirs = pattern.endsWith('/*')
      ? childDirs(path.join(root, pattern.slice(0, -2)))
      : [path.join(root, pattern)];
    for (const dir of dirs) {
      const manifest = path.join(dir, 'package.json');
      if (fs.existsSync(manifest)) found.push(manifest);
    }
  }
  const lock = fs.existsSync(lockFile) ? [lockFile] : [];
  return [...lock, rootManifest, ...found.sort()];
}

function childDirs(parent) {
  if (!fs.existsSync(parent)) return [];
  return fs
    .readdirSync(parent, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(parent, entry.name));
}

function computeStamp() {
  const hash = crypto.createHash('sha256');
  hash.update(`node-abi:${process.versions.modules}\n`);
  for (const file of manifestFiles()) {
    hash.update(`${path.relative(root, file)}\n`);
    hash.update(fs.readFileSync(file));
    hash.update('\n');
  }
  return hash.digest('hex');
}

function readStamp() {
  try {
    return fs.readFileSync(stampFile, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function npm(args) {
  const result = spawnSync('npm', [...args, '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status === 0;
}

/** `npm ci` when there is a lock file, else (or when `npm ci` refuses it) `npm install`. */
function install() {
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  if (fs.existsSync(lockFile)) {
    if (npm(['ci'])) return { command: 'npm ci', seconds: seconds() };
    // npm ci also refuses a lock file that lacks other platforms' optional packages when the
    // registry cannot resolve them; npm install accepts it and keeps the lock file as it is.
    console.warn('ensure-deps: `npm ci` failed (see above); trying `npm install`');
  }
  if (npm(['install'])) return { command: 'npm install', seconds: seconds() };
  console.error('ensure-deps: `npm install` failed (see above)');
  process.exit(1);
}

function main() {
  const args = process.argv.slice(2);
  if (args.some((arg) => arg !== '--record')) {
    console.error('usage: node scripts/ensure-deps.js [--record]');
    process.exit(2);
  }
  if (args.includes('--record')) {
    if (!fs.existsSync(nodeModules)) {
      console.error('ensure-deps: --record needs an installed node_modules; run `npm ci` first');
      process.exit(1);
    }
    fs.writeFileSync(stampFile, `${computeStamp()}\n`);
    console.log('ensure-deps: recorded the stamp of the installed dependencies (installed nothing)');
    return;
  }

  const hasModules = fs.existsSync(nodeModules);
  const stamp = hasModules ? readStamp() : undefined;
  if (hasModules && stamp === computeStamp()) {
    console.log('ensure-deps: dependencies up to date (stamp matches)');
    return;
  }

  const reason = !hasModules
    ? 'node_modules is missing'
    : stamp === undefined
      ? 'no install stamp yet'
      : 'package manifests changed since the last install';
  fs.rmSync(stampFile, { force: true }); // an interrupted install must not look finished
  const { command, seconds } = install();
  // Hash after installing: `npm install` (no lock file yet) writes package-lock.json.
  fs.writeFileSync(stampFile, `${computeStamp()}\n`);
  console.log(`ensure-deps: ${reason}; ran \`${command}\` in ${seconds} s`);
}

main();
