// A small renderer for the subset of Go templates and Helm/Sprig functions that helm/fleet uses,
// so the tests can render every template with real values and parse the YAML that comes out.
// It is not Helm: `helm template` and `helm lint` run in hosted CI (.github/workflows/deploy.yml).
// An action or function the chart starts using and this file does not know fails loudly.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';

type Value = unknown;
type Scope = Map<string, Value>;

interface TextNode {
  kind: 'text';
  text: string;
}
interface ActionNode {
  kind: 'action';
  pipe: Pipe;
}
interface IfNode {
  kind: 'if' | 'with';
  branches: Array<{ pipe: Pipe | null; body: Node[] }>;
}
interface RangeNode {
  kind: 'range';
  vars: string[];
  pipe: Pipe;
  body: Node[];
}
type Node = TextNode | ActionNode | IfNode | RangeNode;

/** A pipeline: commands joined by `|`, optionally declaring (`:=`) or assigning (`=`) a variable. */
interface Pipe {
  decl?: { name: string; op: ':=' | '=' };
  commands: Operand[][];
}
type Operand =
  | { t: 'lit'; v: Value }
  | { t: 'field'; base: 'dot' | string; path: string[] } // base: 'dot' or a variable name
  | { t: 'fn'; name: string }
  | { t: 'sub'; pipe: Pipe; path: string[] };

// ---------- lexing: text and {{ actions }} with their trim markers ----------

interface Token {
  kind: 'text' | 'action';
  value: string;
}

function lex(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    if (open < 0) {
      tokens.push({ kind: 'text', value: source.slice(i) });
      break;
    }
    let text = source.slice(i, open);
    let start = open + 2;
    if (source[start] === '-' && /\s/.test(source[start + 1] ?? '')) {
      text = text.replace(/\s+$/, '');
      start += 1;
    }
    tokens.push({ kind: 'text', value: text });
    const comment = source.slice(start).trimStart().startsWith('/*');
    const close = comment ? source.indexOf('*/', start) + 2 : start;
    const end = source.indexOf('}}', close);
    if (end < 0) throw new Error('unclosed {{');
    let body = source.slice(start, end);
    i = end + 2;
    if (/\s-$/.test(body)) {
      body = body.slice(0, -1);
      const rest = source.slice(i);
      i += rest.length - rest.replace(/^\s+/, '').length;
    }
    if (!comment) tokens.push({ kind: 'action', value: body.trim() });
  }
  return tokens;
}

// ---------- parsing actions ----------

function splitWords(src: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' && c === '"' ? 2 : 1;
      words.push(src.slice(i, j + 1));
      i = j + 1;
    } else if (c === '(') {
      let depth = 0;
      let j = i;
      for (; j < src.length; j++) {
        if (src[j] === '"') j = src.indexOf('"', j + 1);
        if (src[j] === '(') depth++;
        if (src[j] === ')' && --depth === 0) break;
      }
      let k = j + 1;
      while (k < src.length && /[\w.]/.test(src[k]!)) k++; // (pipe).Field
      words.push(src.slice(i, k));
      i = k;
    } else if (c === '|') {
      words.push('|');
      i++;
    } else {
      let j = i;
      while (j < src.length && !/[\s|()]/.test(src[j]!)) j++;
      words.push(src.slice(i, j));
      i = j;
    }
  }
  return words;
}

function parseOperand(word: string): Operand {
  if (word.startsWith('"')) return { t: 'lit', v: JSON.parse(word) as string };
  if (word.startsWith('`')) return { t: 'lit', v: word.slice(1, -1) };
  if (/^-?\d+(\.\d+)?$/.test(word)) return { t: 'lit', v: Number(word) };
  if (word === 'true' || word === 'false') return { t: 'lit', v: word === 'true' };
  if (word === 'nil') return { t: 'lit', v: null };
  if (word.startsWith('(')) {
    const close = word.lastIndexOf(')');
    const path = word
      .slice(close + 1)
      .split('.')
      .filter(Boolean);
    return { t: 'sub', pipe: parsePipe(word.slice(1, close)), path };
  }
  if (word === '.') return { t: 'field', base: 'dot', path: [] };
  if (word.startsWith('.')) return { t: 'field', base: 'dot', path: word.slice(1).split('.') };
  if (word.startsWith('$')) {
    const [name, ...path] = word.split('.');
    return { t: 'field', base: name!, path };
  }
  if (/^[A-Za-z_]\w*$/.test(word)) return { t: 'fn', name: word };
  throw new Error(`cannot parse operand ${word}`);
}

function parsePipe(src: string): Pipe {
  const decl = /^(\$\w*)\s*(:=|=)\s*([\s\S]*)$/.exec(src);
  const words = splitWords(decl ? decl[3]! : src);
  const commands: Operand[][] = [[]];
  for (const word of words) {
    if (word === '|') commands.push([]);
    else commands[commands.length - 1]!.push(parseOperand(word));
  }
  return decl ? { decl: { name: decl[1]!, op: decl[2] as ':=' | '=' }, commands } : { commands };
}

function parseTemplate(source: string, defines: Map<string, Node[]>): Node[] {
  const tokens = lex(source);
  let pos = 0;

  function block(): { nodes: Node[]; stop: string } {
    const nodes: Node[] = [];
    while (pos < tokens.length) {
      const token = tokens[pos++]!;
      if (token.kind === 'text') {
        if (token.value) nodes.push({ kind: 'text', text: token.value });
        continue;
      }
      const action = token.value;
      const keyword = /^(\w+)\b\s*([\s\S]*)$/.exec(action);
      const word = keyword?.[1];
      if (word === 'end' || word === 'else') return { nodes, stop: action };
      if (word === 'if' || word === 'with') {
        const node: IfNode = { kind: word, branches: [] };
        let pipe: Pipe | null = parsePipe(keyword![2]!);
        for (;;) {
          const inner = block();
          node.branches.push({ pipe, body: inner.nodes });
          if (inner.stop === 'end') break;
          const elseIf = /^else\s+(?:if|with)\s+([\s\S]+)$/.exec(inner.stop);
          pipe = elseIf ? parsePipe(elseIf[1]!) : null;
        }
        nodes.push(node);
      } else if (word === 'range') {
        const m = /^(?:(\$\w+)(?:\s*,\s*(\$\w+))?\s*:=\s*)?([\s\S]+)$/.exec(keyword![2]!)!;
        const inner = block();
        if (inner.stop !== 'end') throw new Error('range ... else is not supported');
        const vars = [m[1], m[2]].filter((v): v is string => Boolean(v));
        nodes.push({ kind: 'range', vars, pipe: parsePipe(m[3]!), body: inner.nodes });
      } else if (word === 'define') {
        const name = JSON.parse(keyword![2]!) as string;
        defines.set(name, block().nodes);
      } else {
        nodes.push({ kind: 'action', pipe: parsePipe(action) });
      }
    }
    return { nodes, stop: '' };
  }
  const { nodes, stop } = block();
  if (stop) throw new Error(`unexpected {{ ${stop} }}`);
  return nodes;
}

// ---------- evaluation ----------

function truthy(v: Value): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

function field(v: Value, path: string[]): Value {
  let out = v;
  for (const key of path) {
    if (out === null || out === undefined) return undefined;
    out = (out as Record<string, Value>)[key];
  }
  return out;
}

function toStr(v: Value): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Go's fmt for the verbs the chart uses (%s, %d, %v). */
function sprintf(format: string, args: Value[]): string {
  let i = 0;
  return format.replace(/%[sdvq%]/g, (verb) => (verb === '%%' ? '%' : toStr(args[i++])));
}

function toYaml(v: Value): string {
  if (v === null || v === undefined) return 'null';
  return stringify(v, { lineWidth: 0 }).replace(/\n$/, '');
}

export interface Chart {
  /** Renders every template (not the _helpers) with these values; file name -> output. */
  render(values: Record<string, Value>, release?: { name?: string; revision?: number }): Map<string, string>;
}

export function loadChart(chartDir: string): Chart {
  const chartMeta = parseYaml(fs.readFileSync(path.join(chartDir, 'Chart.yaml'), 'utf8')) as Record<
    string,
    Value
  >;
  const defines = new Map<string, Node[]>();
  const files = new Map<string, Node[]>();
  const templatesDir = path.join(chartDir, 'templates');
  for (const file of fs.readdirSync(templatesDir).sort()) {
    const nodes = parseTemplate(fs.readFileSync(path.join(templatesDir, file), 'utf8'), defines);
    const name = `${String(chartMeta.name)}/templates/${file}`;
    defines.set(name, nodes);
    if (!file.startsWith('_')) files.set(file, nodes);
  }

  return {
    render(values, release = {}) {
      const root = {
        Values: values,
        Chart: { Name: chartMeta.name, Version: chartMeta.version, AppVersion: chartMeta.appVersion },
        Release: {
          Name: release.name ?? 'fleet',
          Namespace: 'default',
          Service: 'Helm',
          Revision: release.revision ?? 1,
          IsInstall: true,
        },
        Template: { BasePath: `${String(chartMeta.name)}/templates` },
      };

      /** A nested block: its own variables; `=` on an outer variable is kept after it. */
      const nested = (nodes: Node[], dot: Value, vars: Scope, extra: Array<[string, Value]> = []): string => {
        const scope = new Map([...vars, ...extra]);
        const out = run(nodes, dot, scope);
        for (const name of vars.keys()) if (!extra.some(([n]) => n === name)) vars.set(name, scope.get(name));
        return out;
      };

      const run = (nodes: Node[], dot: Value, vars: Scope): string => {
        let out = '';
        for (const node of nodes) {
          if (node.kind === 'text') out += node.text;
          else if (node.kind === 'action') {
            const v = evalPipe(node.pipe, dot, vars);
            if (!node.pipe.decl) out += toStr(v);
          } else if (node.kind === 'if' || node.kind === 'with') {
            for (const branch of node.branches) {
              const v = branch.pipe ? evalPipe(branch.pipe, dot, vars) : true;
              if (truthy(v)) {
                out += nested(branch.body, node.kind === 'with' && branch.pipe ? v : dot, vars);
                break;
              }
            }
          } else if (node.kind === 'range') {
            const v = evalPipe(node.pipe, dot, vars);
            const entries: Array<[Value, Value]> = Array.isArray(v)
              ? v.map((item, i) => [i, item])
              : v && typeof v === 'object'
                ? Object.keys(v)
                    .sort()
                    .map((k) => [k, (v as Record<string, Value>)[k]])
                : [];
            for (const [k, item] of entries) {
              const bound: Array<[string, Value]> =
                node.vars.length === 2
                  ? [
                      [node.vars[0]!, k],
                      [node.vars[1]!, item],
                    ]
                  : node.vars.map((name) => [name, item]);
              out += nested(node.body, item, vars, bound);
            }
          }
        }
        return out;
      };

      const include = (name: string, dot: Value): string => {
        const nodes = defines.get(name);
        if (!nodes) throw new Error(`no template named ${name}`);
        return run(nodes, dot, new Map([['$', dot]]));
      };

      const functions: Record<string, (...args: Value[]) => Value> = {
        include: (name, dot) => include(String(name), dot),
        tpl: (text, dot) => run(parseTemplate(String(text), new Map(defines)), dot, new Map([['$', dot]])),
        toYaml,
        fromYaml: (text) => parseYaml(String(text)) ?? {},
        toJson: (v) => JSON.stringify(v),
        nindent: (n, s) => `\n${functions.indent!(n, s) as string}`,
        indent: (n, s) =>
          String(s)
            .split('\n')
            .map((line) => ' '.repeat(Number(n)) + line)
            .join('\n'),
        quote: (...args) => args.map((a) => JSON.stringify(toStr(a))).join(' '),
        squote: (v) => `'${toStr(v)}'`,
        default: (fallback, v) => (truthy(v) ? v : fallback),
        required: (message, v) => {
          if (v === null || v === undefined || v === '') throw new Error(`required: ${String(message)}`);
          return v;
        },
        fail: (message) => {
          throw new Error(`fail: ${String(message)}`);
        },
        printf: (format, ...args) => sprintf(String(format), args),
        print: (...args) => args.map(toStr).join(''),
        kebabcase: (s) =>
          String(s)
            .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
            .toLowerCase(),
        dict: (...args) => {
          const out: Record<string, Value> = {};
          for (let i = 0; i < args.length; i += 2) out[String(args[i])] = args[i + 1];
          return out;
        },
        list: (...args) => args,
        pick: (d, ...keys) =>
          Object.fromEntries(
            Object.entries((d as Record<string, Value>) ?? {}).filter(([k]) => keys.includes(k)),
          ),
        merge: (target, ...sources) => {
          const out = target as Record<string, Value>;
          for (const source of sources)
            for (const [k, v] of Object.entries((source as Record<string, Value>) ?? {}))
              if (!(k in out)) out[k] = v;
          return out;
        },
        keys: (d) => Object.keys((d as object) ?? {}),
        hasKey: (d, k) => Object.prototype.hasOwnProperty.call(d ?? {}, String(k)),
        and: (...args) => args.find((a) => !truthy(a)) ?? args[args.length - 1],
        or: (...args) => args.find(truthy) ?? args[args.length - 1],
        not: (v) => !truthy(v),
        eq: (a, ...bs) => bs.some((b) => a === b),
        ne: (a, b) => a !== b,
        lt: (a, b) => Number(a) < Number(b),
        gt: (a, b) => Number(a) > Number(b),
        add: (...args) => args.reduce<number>((sum, a) => sum + Number(a), 0),
        len: (v) =>
          typeof v === 'string' || Array.isArray(v) ? v.length : Object.keys((v as object) ?? {}).length,
        empty: (v) => !truthy(v),
        sha256sum: (s) => createHash('sha256').update(String(s)).digest('hex'),
        trunc: (n, s) => String(s).slice(0, Number(n)),
        trimSuffix: (suffix, s) =>
          String(s).endsWith(String(suffix)) ? String(s).slice(0, -String(suffix).length) : s,
        contains: (needle, s) => String(s).includes(String(needle)),
        toString: (v: Value) => toStr(v),
        int: (v) => Math.trunc(Number(v)),
      };

      const callFunction = (name: string, args: Value[]): Value => {
        const fn = functions[name];
        if (!fn) throw new Error(`function ${name} is not supported by helm-render.ts`);
        return fn(...args);
      };

      const evalOperand = (op: Operand, dot: Value, vars: Scope): Value => {
        if (op.t === 'lit') return op.v;
        if (op.t === 'sub') return field(evalPipe(op.pipe, dot, vars), op.path);
        if (op.t === 'fn') return callFunction(op.name, []); // a bare function name: called without arguments
        if (op.base === 'dot') return field(dot, op.path);
        if (!vars.has(op.base)) throw new Error(`undefined variable ${op.base}`);
        return field(vars.get(op.base), op.path);
      };

      const evalPipe = (pipe: Pipe, dot: Value, vars: Scope): Value => {
        let piped: Value;
        pipe.commands.forEach((command, i) => {
          const [head, ...rest] = command;
          if (!head) throw new Error('empty command');
          if (head.t === 'fn') {
            const args = rest.map((op) => evalOperand(op, dot, vars));
            piped = callFunction(head.name, i > 0 ? [...args, piped] : args);
          } else {
            if (rest.length) throw new Error('a value cannot take arguments');
            piped = evalOperand(head, dot, vars);
          }
        });
        if (pipe.decl) vars.set(pipe.decl.name, piped);
        return piped;
      };

      const out = new Map<string, string>();
      for (const [file, nodes] of files) out.set(file, run(nodes, root, new Map([['$', root]])));
      return out;
    },
  };
}
