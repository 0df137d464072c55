// The tree holds the pipeline's shape: the shells reach the core only through its front door
// (src/core), the folders import only the layers below them, and no module imports itself back,
// type imports included (a type cycle is still a cycle for the reader of the code).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const SRC = 'src';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(n) && !n.endsWith('.d.ts') ? [p] : [];
  });
}

/** Relative imports of a module (static, dynamic and type-only), resolved to src paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
    out.push(path.normalize(path.join(path.dirname(file), m[1]!.replace(/\.js$/, '.ts'))));
  }
  return out;
}

const graph = new Map(files(SRC).map((f) => [path.normalize(f), importsOf(f)]));
const folder = (f: string): string => path.relative(SRC, f).split(path.sep)[0]!;

it('has no import cycle under src/, type imports included', () => {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): void => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (!graph.has(g)) continue;
      if (state.get(g) === 'open') cycles.push(stack.slice(stack.indexOf(g)).map((x) => path.relative(SRC, x)).join(' → '));
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  expect(cycles).toEqual([]);
});

// Lowest first; a folder may import its own files and the folders listed before it.
// generated/ (tables built from schemas/, templates/ and the layout definitions) is below everything.
const LAYERS = [['generated'], ['settings', 'findings', 'types'], ['model'], ['grid'], ['formats'], ['validate'], ['reports'], ['render'], ['fix', 'draft'], ['review'], ['core'], ['node'], ['cli', 'app']];
const rank = (name: string): number => LAYERS.findIndex((l) => l.includes(name));

it('imports only go down the layers: settings, findings → model → grid → formats → validate → reports → render → fix, draft → review → core → node → cli, app', () => {
  const wrong: string[] = [];
  for (const [f, deps] of graph) {
    const from = folder(f);
    if (rank(from) < 0) continue;
    for (const g of deps) {
      const to = folder(g);
      if (to === from || rank(to) < 0) continue;
      if (rank(to) > rank(from) || (rank(to) === rank(from) && to !== from)) wrong.push(`${path.relative(SRC, f)} → ${path.relative(SRC, g)}`);
    }
  }
  expect(wrong).toEqual([]);
});

it('the CLI and the app reach the core only through src/core (the CLI also through src/node)', () => {
  const wrong: string[] = [];
  for (const [f, deps] of graph) {
    const from = folder(f);
    if (from !== 'cli' && from !== 'app') continue;
    const allowed = from === 'cli' ? ['cli', 'core', 'node'] : ['app', 'core'];
    for (const g of deps) if (!allowed.includes(folder(g))) wrong.push(`${path.relative(SRC, f)} → ${path.relative(SRC, g)}`);
  }
  expect(wrong).toEqual([]);
});

it('no module under src/ is over 400 lines (generated tables aside)', () => {
  const long = [...graph.keys()]
    .filter((f) => folder(f) !== 'generated')
    .map((f) => [path.relative(SRC, f), readFileSync(f, 'utf8').split('\n').length] as const)
    .filter(([, n]) => n > 400);
  expect(long).toEqual([]);
});
