// Catalog → YAML text, in the hand-editable format of src/model/document.ts.
import { Document, isMap, isSeq, visit, type YAMLMap, type YAMLSeq } from 'yaml';
import { absentOptional, itemToDocument, toDocument, OPTION_KEYS, TOP_KEYS } from '../model/document.js';
import type { Catalog } from '../model/types.js';

// Short lists read best on one line (公开对象: [全社会]); 依据 and channels stay one per line.
const FLOW_ITEM_KEYS = new Set([OPTION_KEYS.audience, OPTION_KEYS.mode, OPTION_KEYS.level]);

const OPTIONS = { lineWidth: 0, minContentWidth: 0, blockQuote: 'literal', indentSeq: true } as const;

/**
 * Characters YAML may not hold as they are (controls, C1, U+FFFE/U+FFFF, lone surrogates): their scalars
 * are double-quoted, where the library escapes the controls and surrogates and `text` below the rest.
 */
function quoteUnprintable(doc: Document): boolean {
  let raw = false;
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && (NOT_PRINTABLE.test(node.value) || MISREAD.test(node.value))) {
        node.type = 'QUOTE_DOUBLE';
        raw = true;
      }
    },
  });
  return raw;
}

/** A document as text, with what the library leaves raw inside double quotes escaped. */
export function text(doc: Document): string {
  const raw = quoteUnprintable(doc);
  const out = doc.toString(OPTIONS);
  return raw ? out.replace(RAW_IN_QUOTES, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`) : out;
}

/**
 * Render a catalog as YAML; deterministic, so xlsx → YAML → xlsx → YAML is byte-identical. Each item is
 * rendered on its own and set under 事项 (two spaces in, as the library nests a list): the library's
 * document tree of a whole 25 000-item catalog would take most of a gigabyte, one item's takes nothing.
 */
export function renderYaml(catalog: Catalog): string {
  // Joined once: a flat string, where pieces concatenated around the items would be copied again when written.
  return [...yamlParts(catalog)].join('');
}

/** The YAML in pieces, one item's text at a time, each made as it is taken: a 100 000-item catalog's YAML
 * (200 MB) written piece by piece (node/write.ts) is never held whole. */
export function* yamlParts(catalog: Catalog): Generator<string> {
  // The items are projected one at a time too: the document form of them all is a second catalog.
  const whole = toDocument({ ...catalog, items: [] });
  const omit = absentOptional(catalog);
  const doc = new Document(whole);
  doc.commentBefore =
    ` zwgk 政务公开事项目录（${catalog.profile} 版式）。键名即表格列名，说明见 README“YAML 格式”。\n` +
    ' 校验：zwgk validate <本文件>';
  const root = doc.contents as YAMLMap;
  const columns = root.get(TOP_KEYS.extraColumns, true);
  if (isSeq(columns)) columns.flow = true;
  const head = text(doc);
  if (!catalog.items.length) {
    yield head;
    return;
  }
  const marker = `\n${TOP_KEYS.items}: []\n`;
  const at = head.indexOf(marker);
  yield head.slice(0, at);
  yield `\n${TOP_KEYS.items}:\n`;
  for (const item of catalog.items) {
    const one = new Document([itemToDocument(catalog.profile, item, omit)]);
    const map = (one.contents as YAMLSeq).items[0];
    if (isMap(map) && catalog.profile === '2019') {
      for (const pair of map.items) {
        const key = String((pair.key as { value?: unknown }).value ?? pair.key);
        if (FLOW_ITEM_KEYS.has(key) && isSeq(pair.value)) pair.value.flow = true;
      }
    }
    // Empty lines (inside block scalars) stay empty, as the library writes them when nested.
    yield text(one).replace(/^(?=.)/gm, '  ');
  }
  yield head.slice(at + marker.length);
}

/** Not YAML's c-printable: C0 controls but tab and line feed, DEL, C1, U+FFFE, U+FFFF, lone surrogates. */
const NOT_PRINTABLE = /[\x00-\x08\x0B-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Printable, but misread when plain: U+2028/U+2029 (the library breaks and indents the line after each,
 * so every convert added two spaces), and a full-width space at either end (taken for indentation). */
const MISREAD = /[\u2028\u2029]|^\u3000|\u3000$/;
/** What the library leaves raw inside double quotes (it escapes C0 controls and surrogates itself). */
const RAW_IN_QUOTES = /[\x7F-\x84\x86-\x9F\uFFFE\uFFFF\u2028\u2029]/g;
