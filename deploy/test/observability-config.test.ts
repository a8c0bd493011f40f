// Keeps deploy/observability honest: the Grafana dashboard and the Prometheus alert rules use only
// metrics the code registers, every alert says what it is and where the runbook is, and every
// metric of ours is explained in docs/operations.md. The rules file is read line by line (no YAML
// parser is installed; the file keeps one `expr:` per line and two-space indentation).
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const dir = path.join(root, 'deploy/observability');
const SOURCE_ROOTS = ['libs', 'tenancy', 'gateway', 'services'];

/** Every TypeScript source file under the workspaces (not tests, not builds). */
function sources(at: string): string[] {
  return fs.readdirSync(at, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(at, entry.name);
    if (entry.isDirectory())
      return ['node_modules', 'dist', 'dist-test', 'test'].includes(entry.name) ? [] : sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Names of the metrics the code registers: `name: '...'` in files that make metrics. */
function registeredMetrics(): Set<string> {
  const names = new Set<string>();
  const makesMetrics = /sourcedGauge[<(]|serviceCounter\(|new (Histogram|Gauge|Counter|Summary)\(/;
  for (const file of SOURCE_ROOTS.flatMap((r) => sources(path.join(root, r)))) {
    const text = fs.readFileSync(file, 'utf8');
    if (!makesMetrics.test(text)) continue;
    for (const match of text.matchAll(/name: '([a-z_:][a-z0-9_:]*)'/g)) names.add(match[1] as string);
  }
  return names;
}

/** A metric name a query may use for a registered one (a histogram's series, a counter's total). */
function isRegistered(used: string, registered: Set<string>): boolean {
  if (registered.has(used)) return true;
  const base = used.replace(/_(bucket|sum|count)$/, '');
  return registered.has(base);
}

const METRIC_TOKEN = /\b(?:fleet|http)_[a-z0-9_]+\b/g;

function dashboardExprs(): string[] {
  const dashboard = JSON.parse(fs.readFileSync(path.join(dir, 'grafana-dashboard.json'), 'utf8')) as {
    panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
  };
  return dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
}

interface Rule {
  alert: string;
  lines: string[];
}

function alertRules(): Rule[] {
  const rules: Rule[] = [];
  for (const line of fs.readFileSync(path.join(dir, 'alerts.yml'), 'utf8').split('\n')) {
    const start = /^\s+- alert: (\S+)$/.exec(line);
    if (start) rules.push({ alert: start[1] as string, lines: [] });
    else rules.at(-1)?.lines.push(line);
  }
  return rules;
}

const exprOf = (rule: Rule) => rule.lines.find((l) => /^\s+expr: /.test(l))?.replace(/^\s+expr: /, '');

test('the code registers the metrics this test knows of (the scan finds them)', () => {
  const registered = registeredMetrics();
  for (const name of ['http_request_duration_seconds', 'fleet_outbox_backlog', 'fleet_circuit_state'])
    expect({ name, registered: registered.has(name) }).toEqual({ name, registered: true });
  expect(isRegistered('fleet_made_up_metric', registered)).toBe(false);
});

test('every metric the dashboard queries is one the code registers', () => {
  const registered = registeredMetrics();
  const exprs = dashboardExprs();
  expect(exprs.length).toBeGreaterThanOrEqual(10);
  const used = new Set(exprs.flatMap((e) => e.match(METRIC_TOKEN) ?? []));
  expect([...used].filter((m) => !isRegistered(m, registered))).toEqual([]);
  // And the dashboard shows every operational metric of ours.
  const ours = [...registered].filter((m) => m.startsWith('fleet_'));
  expect(ours.filter((m) => !used.has(m))).toEqual([]);
});

test('every alert rule has an expression on registered metrics, a severity, a summary and a runbook', () => {
  const registered = registeredMetrics();
  const rules = alertRules();
  const names = rules.map((r) => r.alert);
  for (const money of ['FleetSagaStuck', 'FleetDeadLetters', 'FleetOutboxLag'])
    expect(names).toContain(money);
  const operations = fs.readFileSync(path.join(root, 'docs/operations.md'), 'utf8');
  for (const rule of rules) {
    const expr = exprOf(rule);
    const used = expr?.match(METRIC_TOKEN) ?? [];
    expect({ alert: rule.alert, hasExpr: used.length > 0 }).toEqual({ alert: rule.alert, hasExpr: true });
    expect({ alert: rule.alert, unknown: used.filter((m) => !isRegistered(m, registered)) }).toEqual({
      alert: rule.alert,
      unknown: [],
    });
    const text = rule.lines.join('\n');
    expect({ alert: rule.alert, severity: /\n\s+severity: (page|ticket)\n/.test(text) }).toEqual({
      alert: rule.alert,
      severity: true,
    });
    expect({ alert: rule.alert, summary: /\n\s+summary: \S/.test(text) }).toEqual({
      alert: rule.alert,
      summary: true,
    });
    expect({ alert: rule.alert, runbook: operations.includes(`### ${rule.alert}`) }).toEqual({
      alert: rule.alert,
      runbook: true,
    });
  }
});

test('docs/operations.md explains every metric of ours', () => {
  const operations = fs.readFileSync(path.join(root, 'docs/operations.md'), 'utf8');
  const ours = [...registeredMetrics()].filter((m) => m.startsWith('fleet_'));
  expect(ours.length).toBeGreaterThanOrEqual(10);
  expect(ours.filter((m) => !operations.includes(`\`${m}\``))).toEqual([]);
});
