// The packages the browser app's worker may bundle, each with the reason it is there. The build
// (app.mjs) reads esbuild's metafile of the worker and stops when a package not listed here is bundled,
// naming it and the file that imports it: a Node-only dependency reaching the core fails the build by
// name instead of being shimmed by accident. A listed package that is no longer bundled fails too, so
// the list stays short and true. test/build/worker-bundle.test.ts holds the build to it.

/**
 * Package name → why the worker needs it, and what it may bring with it: `brings` lists the packages it
 * imports in turn, or is '*' for "whatever it imports" (exceljs only, until change 7b writes workbooks
 * without it).
 * @type {Record<string, { reason: string, brings?: string[] | '*' }>}
 */
export const WORKER_PACKAGES = {
  parse5: { reason: 'reads web pages as a browser does (formats/html)', brings: ['entities'] },
  yaml: { reason: 'reads and writes YAML catalogs (formats/yaml, render/yaml, fix)' },
  ajv: { reason: 'runtime helpers of the JSON Schema validators compiled at build time (src/generated)' },
  handlebars: { reason: 'runtime of the page templates precompiled at build time (render/templates)' },
  exceljs: {
    reason:
      'writes workbooks (render/xlsx/write.ts) and is fix/index.ts\'s fallback for .xlsm and UTF-16 sheets; it brings its zip, XML and CSV libraries and the stream/util polyfills it needs',
    brings: '*',
  },
  buffer: { reason: "Node's Buffer, which exceljs expects as a global (app/shims/globals.js)", brings: ['base64-js', 'ieee754'] },
  process: { reason: "Node's process, which exceljs's streams expect as a global (app/shims/globals.js)" },
  events: { reason: "EventEmitter of app/shims/archiver.cjs, which packs exceljs's parts with our own zip writer" },
};

/** The package a bundled file belongs to (the last node_modules folder in its path), or undefined for our own files. */
export function packageOf(file) {
  const at = file.lastIndexOf('node_modules/');
  if (at < 0 || (at > 0 && file[at - 1] !== '/')) return undefined;
  const m = /^((?:@[^/]+\/)?[^/]+)\//.exec(file.slice(at + 'node_modules/'.length));
  return m ? m[1] : undefined;
}

/**
 * Check a worker metafile against the list. Returns the problems as sentences (empty when all is well)
 * and, for the build's report, the bytes each package and zwgk's own code put into the bundle.
 */
export function checkWorkerPackages(metafile, allowed = WORKER_PACKAGES) {
  const inputs = metafile.inputs;
  const bytes = new Map();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
      const key = packageOf(file) ?? '(zwgk)';
      bytes.set(key, (bytes.get(key) ?? 0) + bytesInOutput);
    }
  }
  /** Package → the packages it imports, and package → the first of our files that imports it. */
  const edges = new Map();
  const roots = new Map();
  for (const [file, { imports }] of Object.entries(inputs)) {
    const from = packageOf(file);
    for (const { path: target } of imports) {
      const to = packageOf(target);
      if (!to || to === from) continue;
      if (from === undefined) {
        if (!roots.has(to)) roots.set(to, file);
      } else {
        if (!edges.has(from)) edges.set(from, new Map());
        if (!edges.get(from).has(to)) edges.get(from).set(to, file);
      }
    }
  }
  const bundled = new Set([...bytes.keys()].filter((k) => k !== '(zwgk)'));
  const problems = [];
  const ok = new Set();
  const refused = new Map();
  for (const [name, file] of roots) {
    if (allowed[name]) ok.add(name);
    else refused.set(name, `${file} imports it`);
  }
  // Walk from each listed package through what it may bring.
  for (const root of [...ok]) {
    const brings = allowed[root].brings ?? [];
    const queue = [root];
    const seen = new Set(queue);
    while (queue.length) {
      const from = queue.shift();
      for (const [to, file] of edges.get(from) ?? []) {
        if (seen.has(to)) continue;
        if (brings === '*' || brings.includes(to) || allowed[to]) {
          seen.add(to);
          queue.push(to);
        } else if (!refused.has(to)) refused.set(to, `${from} imports it (${file})`);
      }
    }
    for (const name of seen) ok.add(name);
  }
  for (const name of [...bundled].sort()) {
    // What our own code imports must be listed itself, whatever else brings it too.
    if (ok.has(name) && (!roots.has(name) || allowed[name])) continue;
    problems.push(`${name} is bundled into the app's worker but not on its list (src/build/worker-packages.mjs): ${refused.get(name) ?? 'nothing listed imports it'}.`);
  }
  for (const [name, spec] of Object.entries(allowed)) {
    if (!bundled.has(name)) problems.push(`${name} is on the worker's list (src/build/worker-packages.mjs) but no longer bundled: take it off.`);
    for (const b of Array.isArray(spec.brings) ? spec.brings : []) {
      if (!bundled.has(b)) problems.push(`${name} brings ${b} by the worker's list, but ${b} is no longer bundled: take it off.`);
    }
  }
  return { problems, bytes };
}
