// The layouts zwgk knows: the built-in lists (src/layouts/builtin/*.yaml, embedded at build time) and the
// ones a caller brings (a unit's --layout files, the app's layout file). The catalogs' own two layouts
// (2017 样表, 2019 标准目录) are definitions in the same format (src/layouts/catalog/*.yaml) whose column
// words the catalog reader, rules and renderers take through src/settings; they are read by the catalog
// reader, not as lists, so they are kept apart from listLayouts().
import { BUILTIN_LAYOUTS } from '../generated/layouts.js';
import { ZwgkError } from '../findings/finding.js';
import { parseLayout } from './definition.js';
import type { Layout } from './types.js';
import { catalogDefinitionText, type Profile } from '../settings/columns.js';

export type { Layout, LayoutColumn, ColumnKind, LayoutRules, LayoutPrint } from './types.js';
export { looksLikeDefinition, parseLayout } from './definition.js';

let builtins: Layout[] | undefined;

/** The built-in list layouts (重大行政决策事项目录, 权责清单, 行政检查事项清单), read once. */
export function builtinLayouts(): readonly Layout[] {
  builtins ??= Object.entries(BUILTIN_LAYOUTS as Record<string, string>).map(([name, text]) => parseLayout(text, `内置版式 ${name}`, 'builtin'));
  return builtins;
}

let catalogs: Record<Profile, Layout> | undefined;

/** The two catalog layouts' definitions (2017 样表, 2019 标准目录), read by the same loader as every layout. */
export function catalogLayouts(): Record<Profile, Layout> {
  catalogs ??= { '2017': parseLayout(catalogDefinitionText('2017'), '内置版式 2017.yaml', 'builtin'), '2019': parseLayout(catalogDefinitionText('2019'), '内置版式 2019.yaml', 'builtin') };
  return catalogs;
}

/** The catalog layouts by the names a user may give them (also each definition's id and name). */
export const CATALOG_LAYOUT_NAMES: Record<string, Profile> = {
  '2017': '2017', '2019': '2019', '2017样表': '2017', '2019标准目录': '2019', 政务公开事项目录: '2019',
  'catalog-2017': '2017', 'catalog-2019': '2019', '政务公开事项目录（2017样表）': '2017', '政务公开标准目录（2019版式）': '2019',
};

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
