// The packages bundled into the app's worker are exactly the listed ones (src/build/worker-packages.mjs),
// read from the metafile `npm run build` leaves in dist/app/: a Node-only dependency that reaches the core
// fails by name, with the file that imports it.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkWorkerPackages, packageOf, WORKER_PACKAGES } from '../../src/build/worker-packages.mjs';

const META = 'dist/app/worker.meta.json';

interface Metafile {
  inputs: Record<string, { bytes: number; imports: { path: string; kind: string; original?: string }[] }>;
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
}

function built(): Metafile {
  expect(existsSync(META), `${META} is written by npm run build`).toBe(true);
  return JSON.parse(readFileSync(META, 'utf8')) as Metafile;
}

/** The metafile with one more file, imported by `from`, added to the bundle. */
function plus(meta: Metafile, from: string, file: string): Metafile {
  const copy = structuredClone(meta);
  copy.inputs[from]!.imports.push({ path: file, kind: 'import-statement' });
  copy.inputs[file] = { bytes: 100, imports: [] };
  Object.values(copy.outputs)[0]!.inputs[file] = { bytesInOutput: 100 };
  return copy;
}

describe("the app's worker bundle", () => {
  it('holds the listed packages and no others, each listed with its reason', () => {
    expect(checkWorkerPackages(built()).problems).toEqual([]);
    for (const [name, spec] of Object.entries(WORKER_PACKAGES)) expect(spec.reason.length, name).toBeGreaterThan(20);
  });

  it('names a new package that our code imports, and the importing file', () => {
    const meta = plus(built(), 'src/formats/xlsx/read.ts', 'node_modules/iconv-lite/lib/index.js');
    expect(checkWorkerPackages(meta).problems).toEqual([
      "iconv-lite is bundled into the app's worker but not on its list (src/build/worker-packages.mjs): src/formats/xlsx/read.ts imports it.",
    ]);
  });

  it('names a package that a listed one brings without the list saying so', () => {
    const meta = plus(built(), 'node_modules/parse5/dist/common/html.js', 'node_modules/graceful-fs/graceful-fs.js');
    expect(checkWorkerPackages(meta).problems).toEqual([
      "graceful-fs is bundled into the app's worker but not on its list (src/build/worker-packages.mjs): parse5 imports it (node_modules/parse5/dist/common/html.js).",
    ]);
  });

  it('names a listed package that is no longer bundled', () => {
    const list = { ...WORKER_PACKAGES, 'left-pad': { reason: 'once needed' } };
    expect(checkWorkerPackages(built(), list).problems).toEqual([
      "left-pad is on the worker's list (src/build/worker-packages.mjs) but no longer bundled: take it off.",
    ]);
  });

  it('tells packages apart by the last node_modules folder of a path', () => {
    expect(packageOf('node_modules/exceljs/lib/doc/workbook.js')).toBe('exceljs');
    expect(packageOf('node_modules/@fast-csv/parse/build/src/index.js')).toBe('@fast-csv/parse');
    expect(packageOf('node_modules/a/node_modules/b/index.js')).toBe('b');
    expect(packageOf('src/render/xlsx/write.ts')).toBeUndefined();
  });
});
