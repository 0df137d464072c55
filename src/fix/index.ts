// zwgk fix: apply the corrections that rules attach to findings (a Fix: edits at offsets in the text the
// rule saw) to a copy of the input, keeping its layout and everything not fixed, then read the copy back
// with the same core and say what remains. Which container holds the cells depends on the file: a
// workbook's zip (xlsx-target.ts; a macro workbook through exceljs, xlsm-target.ts), a YAML text
// (formats/yaml/patch.ts), or — for pages, Word documents and converted files, which zwgk never rewrites —
// a copy of the catalog written anew (catalog-target.ts). All go through one applier (apply.ts). fix knows
// nothing about headers or 文号: a header spelled otherwise is a header-spelling finding with its fix.
import type { Doc } from '../model/list.js';
import { ZwgkError, type Finding } from '../findings/finding.js';
import type { CellTarget } from '../findings/fix.js';
import { extensionOf, fixedInPlaceFormat, readCatalogBytes } from '../formats/index.js';
import type { ReadOptions } from '../formats/types.js';
import { yamlTarget } from '../formats/yaml/patch.js';
import { validateDoc } from '../validate/index.js';
import { applyToTarget, type FixChange, type FixSkip } from './apply.js';
import { catalogTarget } from './catalog-target.js';
import { xlsmTarget } from './xlsm-target.js';
import { xlsxTarget } from './xlsx-target.js';

export { applyToTarget, groupFixes, placeFix, type FixChange, type FixSkip } from './apply.js';
export { describeFix, describeRemaining, formatChange } from './describe.js';

export interface FixOptions {
  /** The name the corrected copy is read back under (the locations of `remaining` name it). Default: the
   * input's name, with the written format's extension when the catalog was written anew. */
  output?: string;
  /** How the copy is read back: the options the input was read with (its layout, its sheet). */
  read?: ReadOptions;
  /** Called once the corrected copy is made, before it is read back: a caller that holds the catalog only
   * for this fix may let go of its items then (the CLI does: two 100 000-item catalogs at once pass 1 GB). */
  copied?: () => void;
}

export interface FixResult {
  /** What the copy is: a workbook or YAML. */
  format: 'xlsx' | 'yaml';
  /** The corrected copy: a workbook's bytes or YAML text. */
  data: Uint8Array | string;
  /** Each correction made, in document order (one per finding). */
  changes: FixChange[];
  /** Each correction not made, with the reason. */
  skipped: FixSkip[];
  /** What the copy still has: its findings when read back and validated with the same core, so a shell can
   * say 修正后仍有 N 个问题 (and exit by its errors). */
  remaining: Finding[];
  /** The catalog was written anew (a page, Word document or converted file), not copied with edits. */
  rewritten?: boolean;
}

/** The container a file's cells are fixed in, and what the copy is. */
function targetFor(bytes: Uint8Array, file: string, catalog: Doc | undefined, as: 'xlsx' | 'yaml'): { target: CellTarget; format: 'xlsx' | 'yaml'; rewritten?: true } {
  const ext = extensionOf(file);
  if (!fixedInPlaceFormat(file) && catalog) {
    const render = async (copy: Doc) => (await import('../render/index.js')).render(copy, as);
    return { target: catalogTarget(catalog, render), format: as, rewritten: true };
  }
  if (ext === '.yaml' || ext === '.yml') return { target: yamlTarget(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/u, '')), format: 'yaml' };
  if (ext === '.xlsm') return { target: xlsmTarget(bytes), format: 'xlsx' };
  if (ext === '.xlsx') return { target: xlsxTarget(bytes, file), format: 'xlsx' };
  throw new ZwgkError('unsupported-format', { file }, { file, ext });
}

/** The name of a copy written as another format: the input's name with that extension. */
function renamed(file: string, format: 'xlsx' | 'yaml'): string {
  const ext = extensionOf(file);
  return `${ext ? file.slice(0, file.length - ext.length) : file}.${format}`;
}

/** Read a corrected copy back with the same core and validate it: what remains. */
export async function verifyCopy(data: Uint8Array | string, name: string, options: ReadOptions = {}): Promise<Finding[]> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return validateDoc(await readCatalogBytes(bytes, name, options));
}

/**
 * Fix a catalog's bytes (.xlsx/.xlsm or .yaml/.yml, by `file`'s extension) with the fixes of `findings`:
 * the corrected copy, what changed and what did not, and what the copy still has. A page, Word document
 * or converted file is never rewritten: with its catalog, the corrected catalog is written as `as` (a
 * workbook unless YAML is asked for).
 */
export async function fixBytes(
  bytes: Uint8Array,
  file: string,
  findings: readonly Finding[],
  catalog?: Doc,
  as?: 'xlsx' | 'yaml',
  options: FixOptions = {},
): Promise<FixResult> {
  const { target, format, rewritten } = targetFor(bytes, file, catalog, as ?? 'xlsx');
  const { data, changes, skipped } = await applyToTarget(target, findings);
  options.copied?.();
  const name = options.output ?? (rewritten ? renamed(file, format) : file);
  // A copy written anew has its own single sheet: the input's sheet name means nothing there.
  const read: ReadOptions = { ...options.read };
  if (rewritten) delete read.sheet;
  delete read.onProgress;
  delete read.budget;
  const remaining = await verifyCopy(data, name, read);
  const result: FixResult = { format, data, changes, skipped, remaining };
  if (rewritten) result.rewritten = true;
  return result;
}

/** The whole fix use case on bytes: read and validate the input, fix it, read the copy back and validate it. */
export async function fixFile(
  bytes: Uint8Array,
  file: string,
  options: FixOptions & { as?: 'xlsx' | 'yaml' } = {},
): Promise<FixResult & { catalog: Doc; findings: Finding[] }> {
  const catalog = await readCatalogBytes(bytes, file, options.read ?? {});
  const findings = validateDoc(catalog);
  return { ...(await fixBytes(bytes, file, findings, catalog, options.as, options)), catalog, findings };
}
