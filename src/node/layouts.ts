// A unit's own layouts from disk: a definition file named with --layout, every definition in a folder
// named with --layout, and the folder zwgk looks in by itself (zwgk-版式 in the working directory), so an
// office keeps its lists' layouts beside its catalogs and never types a flag.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { layout as parseLayoutBytes, CATALOG_LAYOUT_NAMES, type Layout, type Profile, type ReadOptions } from '../core/index.js';
import { folderEntries, readInputFile } from './read-file.js';

/** The folder zwgk reads a unit's layout definitions from when it exists (in the working directory). */
export const LAYOUT_FOLDER = 'zwgk-版式';

const DEFINITION = /\.(?:ya?ml|json)$/iu;

async function kindOf(p: string): Promise<'file' | 'dir' | undefined> {
  try {
    const s = await stat(p);
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    return undefined;
  }
}

async function folder(dir: string): Promise<Layout[]> {
  const out: Layout[] = [];
  for (const name of (await folderEntries(dir)).filter((n) => DEFINITION.test(n)).sort()) {
    const file = path.join(dir, name);
    if ((await kindOf(file)) === 'file') out.push(await parseLayoutBytes(await readInputFile(file), file));
  }
  return out;
}

/** What a run reads with: the unit's layouts (the zwgk-版式 folders beside the input and in the working directory, then --layout's), the layout asked for, or a catalog layout forced. */
export async function loadLayouts(option: string | undefined, cwd = process.cwd(), inputDir?: string): Promise<{ layouts: Layout[]; layout?: string; profile?: '2017' | '2019' }> {
  const layouts: Layout[] = [];
  // The folder beside the input first (a unit's lists and their layouts kept together), then the working directory's.
  for (const dir of new Set([inputDir, cwd].filter((d): d is string => d !== undefined).map((d) => path.resolve(d, LAYOUT_FOLDER)))) {
    if ((await kindOf(dir)) !== 'dir') continue;
    for (const l of await folder(dir)) if (!layouts.some((k) => k.id === l.id)) layouts.push(l);
  }
  if (option === undefined || option.trim() === '' || option === 'auto') return { layouts };
  const profile = CATALOG_LAYOUT_NAMES[option.replace(/\s+/gu, '')];
  if (profile) return { layouts, profile };
  const kind = await kindOf(option);
  if (kind === 'dir') return { layouts: [...(await folder(option)), ...layouts] };
  if (kind === 'file' || DEFINITION.test(option)) {
    const def = await parseLayoutBytes(await readInputFile(option), option);
    return { layouts: [def, ...layouts.filter((l) => l.id !== def.id)], layout: def.id };
  }
  return { layouts, layout: option };
}

/** The layouts each folder's files are read with (`option` as loadLayouts takes it, the folder's zwgk-版式, the
 * working directory's), read once a folder: a function of a file's folder. */
export function layoutsByFolder(option?: string): (dir: string) => ReturnType<typeof loadLayouts> {
  const byDir = new Map<string, ReturnType<typeof loadLayouts>>();
  return (dir) => {
    let got = byDir.get(dir);
    if (!got) byDir.set(dir, (got = loadLayouts(option, process.cwd(), dir)));
    return got;
  };
}

/** A file's read options as the commands build them: the layouts it is read with, --profile (or the catalog
 * layout that --layout forces) and --sheet. */
export function readOptionsOf(got: Pick<ReadOptions, 'layouts' | 'layout' | 'profile'>, opts: { profile?: string; sheet?: string }): ReadOptions {
  const options: ReadOptions = { profile: (opts.profile ?? 'auto') as Profile | 'auto' };
  if (got.layouts !== undefined) options.layouts = got.layouts;
  if (got.layout !== undefined) options.layout = got.layout;
  if (options.profile === 'auto' && got.profile) options.profile = got.profile;
  if (opts.sheet !== undefined) options.sheet = opts.sheet;
  return options;
}
