// A unit's catalogs as one static site (zwgk site): index.html listing every catalog, with a search
// that finds items across all of them, and one page per catalog that links back to the index.
// Self-contained and relative: it works from file:// and from any static web server, nothing is
// fetched. Pure: returns file name → content; src/node/write.ts writes the files.
import type { Catalog } from '../model/types.js';
import { isList, itemText, type Doc, type ListDoc, type ListItem } from '../model/list.js';
import { renderListHtml } from './list/html.js';
import { DEFAULT_TITLE } from '../settings/texts.js';
import { catalogTitle, displayColumns, displayValue, groupName, catalogGroupName } from '../model/display.js';
import { htmlParts, renderHtml, renderSiteIndex, type SiteIndexEntry } from './html.js';

/** The index page's file name. */
export const SITE_INDEX = 'index.html';

/** The layout as the index names it for readers. */
const LAYOUT_WORDS = { '2017': '2017 样表', '2019': '2019 标准目录' } as const;

export interface SiteOptions {
  /** The site's title; default: 「<unit>政务公开事项目录」 when all catalogs name one unit. */
  title?: string;
}

/**
 * Characters that do not belong in a file name or a relative link: separators, what Windows reserves,
 * # % & and brackets, white space, control and format characters (a bidi override such as U+202E would
 * show 目录lmth.exe as 目录exe.html), lone surrogates, private use and noncharacters.
 */
const UNSAFE_NAME = /[\\/:*?"<>|#%&{}^~`[\]\s\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}\uFDD0-\uFDEF\uFFFE\uFFFF]+/gu;
/** Device names Windows reserves whatever the extension (CON.html cannot be created, copied or unzipped there). */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/iu;
/** A page name's stem is at most this long, in characters and in UTF-8 bytes (file systems allow 255 bytes). */
const MAX_STEM_CHARS = 60;
const MAX_STEM_BYTES = 180;

/** A path's last segments: [parent folder, base name without extension]. */
function nameParts(file: string): [string, string] {
  const segments = file.split(/[\\/]+/).filter(Boolean);
  const base = segments[segments.length - 1] ?? '';
  const dot = base.lastIndexOf('.');
  return [segments[segments.length - 2] ?? '', dot > 0 ? base.slice(0, dot) : base];
}

const utf8 = new TextEncoder();

/** At most MAX_STEM_CHARS characters and MAX_STEM_BYTES bytes, a character never split, no - or . at the end. */
function bounded(name: string): string {
  const chars = [...name];
  let out = '';
  let bytes = 0;
  for (const ch of chars.slice(0, MAX_STEM_CHARS)) {
    bytes += utf8.encode(ch).length;
    if (bytes > MAX_STEM_BYTES) break;
    out += ch;
  }
  return out.replace(/[-.]+$/, '');
}

function cleanName(text: string): string {
  return bounded(text.normalize('NFC').replace(UNSAFE_NAME, '-').replace(/^[-.]+|[-.]+$/g, ''));
}

/** A stem Windows can use: a reserved device name (CON, nul, COM1 …, also before a dot) gets 目录- in front. */
function windowsSafe(stem: string): string {
  return WINDOWS_RESERVED.test(stem.split('.')[0]!) ? `目录-${stem}` : stem;
}

/**
 * A page file name per catalog: its source file's name (安全生产目录.xlsx → 安全生产目录.html), so a
 * page keeps its address when the catalog is published again. Two sources with one name get their
 * folders' names in front (科室A-目录.html); a name still taken, or index, gets -2, -3 …. Every name
 * is safe on Windows (where the clerks copy the site) and on the web, and unique compared as Windows and
 * macOS compare names (without case, NFC). Linear in the number of files.
 */
export function pageNames(files: readonly string[]): string[] {
  const parts = files.map(nameParts);
  const stems = parts.map(([, base]) => cleanName(base));
  const counts = new Map<string, number>();
  for (const stem of stems) counts.set(stem.toLowerCase(), (counts.get(stem.toLowerCase()) ?? 0) + 1);
  const used = new Set([SITE_INDEX.toLowerCase()]);
  /** The next -n to try for a stem (so a thousand sources of one name take no quadratic search). */
  const next = new Map<string, number>();
  return parts.map(([parent], i) => {
    let stem = stems[i]! || '目录';
    if ((counts.get(stem.toLowerCase()) ?? 0) > 1 && cleanName(parent)) stem = bounded(`${cleanName(parent)}-${stem}`);
    stem = windowsSafe(stem);
    const key = stem.toLowerCase();
    let name = `${stem}.html`;
    for (let n = next.get(key) ?? 2; used.has(name.toLowerCase()); n++) {
      name = `${stem}-${n}.html`;
      next.set(key, n + 1);
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/** Whether a file's first bytes are a page zwgk wrote (its generator meta tag): such a file may be replaced. */
export function isZwgkPage(head: Uint8Array): boolean {
  return new TextDecoder().decode(head).includes('<meta name="generator" content="zwgk">');
}

/** JSON that is safe inside a <script type="application/json"> block: no <, > or & at all, so
 * nothing in a cell can close the block or open a comment; line separators escaped too. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The text the index search looks in for one item: every displayed field, one string per value. */
function searchFields(catalog: Catalog, item: Catalog['items'][number]): string[] {
  const out: string[] = [];
  for (const col of displayColumns(catalog)) {
    if (col.key === 'name' || col.key === 'serial') continue;
    if (col.perPair) {
      for (const pair of item.pairs) {
        const text = col.key === 'content' ? pair.content.text : (pair.standard?.text ?? '');
        if (text) out.push(text);
      }
      continue;
    }
    const value = displayValue(catalog, item, col);
    for (const text of Array.isArray(value) ? value : [value]) if (text) out.push(text);
  }
  return out;
}

/** A list item's group on the index (its group column's text), '' when the layout groups by none. */
function listGroup(doc: ListDoc, item: ListItem): string {
  return doc.layout.group ? groupName(itemText(item, doc.layout.group)) : '';
}

/** The text the index search looks in for one item of a list: every value but its name and 序号. */
function listFields(doc: ListDoc, item: ListItem): string[] {
  const out: string[] = [];
  for (const c of doc.layout.columns) {
    if (c.key === doc.layout.nameColumn || c.kind === 'serial') continue;
    if (c.kind === 'ticks') out.push(...(item.ticks[c.key]?.values ?? []).map((v) => v.text));
    else if (c.per === 'row') out.push(...item.rows.map((r) => r[c.key]?.text ?? ''));
    else out.push(item.values[c.key]?.text ?? '');
  }
  out.push(...Object.values(item.extra).map((v) => v.text));
  return out.filter((t) => t !== '');
}

/** The site's title: the given one, else the unit all catalogs share, else the default. */
function siteTitle(catalogs: readonly Doc[], options: SiteOptions): string {
  if (options.title?.trim()) return options.title.trim();
  const units = new Set(catalogs.map((c) => c.unit?.trim() ?? ''));
  const [unit] = [...units];
  return units.size === 1 && unit ? `${unit}${DEFAULT_TITLE}` : DEFAULT_TITLE;
}

/** Render catalogs as a static site: file name → page (index.html first, then one page per catalog). */
export function renderSite(catalogs: readonly Doc[], options: SiteOptions = {}): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, page] of renderSitePages(catalogs, options)) {
    const made = typeof page === 'string' ? page : page();
    out.set(name, typeof made === 'string' ? made : [...made].join(''));
  }
  return out;
}

/** From how many items a catalog's page is made only when it is written. */
const LAZY_ITEMS = 2000;

/**
 * The site with each large catalog's page rendered only when asked for, and that catalog let go as it is: a
 * site of four 25 000-item catalogs otherwise holds four 50 MB pages beside four catalogs. The index is
 * built at once (it needs every catalog). Each page may be asked for once.
 */
export function renderSitePages(catalogs: readonly Doc[], options: SiteOptions = {}): Map<string, string | (() => string | Iterable<string>)> {
  const names = pageNames(catalogs.map((c) => c.file));
  const title = siteTitle(catalogs, options);
  const entries: SiteIndexEntry[] = catalogs.map((catalog, i) => ({
    // A relative link; percent-encoded so that any server and file:// resolve it the same way.
    href: encodeURIComponent(names[i]!),
    title: isList(catalog) ? catalog.title?.trim() || catalog.layout.print.title : catalogTitle(catalog),
    unit: catalog.unit?.trim() ?? '',
    date: catalog.date?.trim() ?? '',
    items: catalog.items.length,
    layout: isList(catalog) ? catalog.layout.name : LAYOUT_WORDS[catalog.profile],
  }));
  const items: [number, number, string, string, string[]][] = [];
  catalogs.forEach((catalog, c) => {
    if (isList(catalog)) catalog.items.forEach((item, i) => items.push([c, i + 1, listGroup(catalog, item), itemText(item, catalog.layout.nameColumn), listFields(catalog, item)]));
    else catalog.items.forEach((item, i) => items.push([c, i + 1, catalogGroupName(catalog, item.category.text), item.name.text, searchFields(catalog, item)]));
  });
  const files = new Map<string, string | (() => string | Iterable<string>)>();
  files.set(
    SITE_INDEX,
    renderSiteIndex({
      title,
      catalogs: entries,
      items: items.length,
      searchData: scriptJson({ catalogs: entries.map((e) => ({ href: e.href, title: e.title })), items }),
    }),
  );
  const held: (Doc | undefined)[] = [...catalogs];
  const home = { href: SITE_INDEX, label: `返回${title}` };
  const page = (catalog: Doc): string => (isList(catalog) ? renderListHtml(catalog, { home }) : renderHtml(catalog, { home }));
  held.forEach((catalog, i) => {
    // A small catalog's page is made at once (a site of 2 000 small pages is written several at a time).
    if (catalog!.items.length < LAZY_ITEMS) files.set(names[i]!, page(catalog!));
    else
      files.set(names[i]!, () => {
        const c = held[i]!;
        held[i] = undefined;
        // A catalog's page in pieces, made as they are written (render/html.ts htmlParts).
        return isList(c) ? page(c) : htmlParts(c, { home });
      });
  });
  return files;
}
