// The layouts zwgk knows: the built-in lists (src/layouts/builtin/*.yaml, embedded at build time) and the
// ones a caller brings (a unit's --layout files, the app's layout file). The catalogs' own two layouts
// (2017 样表, 2019 标准目录) are read by the catalog reader and named here only for recognition and messages.
import { BUILTIN_LAYOUTS } from '../generated/layouts.js';
import { ZwgkError } from '../findings/finding.js';
import { parseLayout } from './definition.js';
import type { Layout } from './types.js';

export type { Layout, LayoutColumn, ColumnKind, LayoutRules, LayoutPrint } from './types.js';
export { looksLikeDefinition, parseLayout } from './definition.js';

let builtins: Layout[] | undefined;

/** The built-in list layouts (重大行政决策事项目录, 权责清单, 行政检查事项清单), read once. */
export function builtinLayouts(): readonly Layout[] {
  builtins ??= Object.entries(BUILTIN_LAYOUTS as Record<string, string>).map(([name, text]) => parseLayout(text, `内置版式 ${name}`, 'builtin'));
  return builtins;
}

/** The catalog layouts by the names a user may give them. */
export const CATALOG_LAYOUT_NAMES: Record<string, '2017' | '2019'> = { '2017': '2017', '2019': '2019', '2017样表': '2017', '2019标准目录': '2019', 政务公开事项目录: '2019' };

/** Every list layout a read may use: the caller's own first (a unit's layout of the same id replaces the built-in). */
export function listLayouts(own: readonly Layout[] = []): Layout[] {
  const ids = new Set(own.map((l) => l.id));
  return [...own, ...builtinLayouts().filter((l) => !ids.has(l.id))];
}

/** The list layout a name stands for (its id or its name), among `layouts`; undefined for none. */
export function layoutNamed(name: string, layouts: readonly Layout[]): Layout | undefined {
  const n = name.trim();
  return layouts.find((l) => l.id === n || l.name === n);
}

/** The list layout a name stands for, or layout-unknown (exit 2) naming every layout there is. */
export function requireLayout(name: string, layouts: readonly Layout[], file?: string): Layout {
  const found = layoutNamed(name, layouts);
  if (found) return found;
  const known = ['2017（2017 样表）', '2019（2019 标准目录）', ...layouts.map((l) => `${l.id}（${l.name}）`)].join('、');
  // Named by a file's 版式 line: the file is said, so the clerk knows which one to look at.
  const where = file !== undefined ? `${file} 的“版式”写的是“${name}”，但` : '';
  throw new ZwgkError('layout-unknown', { file: file ?? name }, { name, known, where });
}

/** What a grid reader is given from the read options: every list layout a sheet may be, and the one asked for. */
export function gridLayouts(options: { layouts?: readonly Layout[]; layout?: string }): { layouts: Layout[]; layout?: Layout } {
  const layouts = listLayouts(options.layouts);
  return options.layout !== undefined ? { layouts, layout: requireLayout(options.layout, layouts) } : { layouts };
}
