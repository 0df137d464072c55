// Catalog → YAML text, in the hand-editable format of src/model/document.ts.
import { Document, isMap, isSeq, visit, type YAMLMap } from 'yaml';
import { toDocument, OPTION_KEYS, TOP_KEYS } from '../model/document.js';
import type { Catalog } from '../model/types.js';

// Short lists read best on one line (公开对象: [全社会]); 依据 and channels stay one per line.
const FLOW_ITEM_KEYS = new Set([OPTION_KEYS.audience, OPTION_KEYS.mode, OPTION_KEYS.level]);

/** Render a catalog as YAML; deterministic, so xlsx → YAML → xlsx → YAML is byte-identical. */
export function renderYaml(catalog: Catalog): string {
  const doc = new Document(toDocument(catalog));
  doc.commentBefore =
    ` zwgk 政务公开事项目录（${catalog.profile} 版式）。键名即表格列名，说明见 README“YAML 格式”。\n` +
    ' 校验：zwgk validate <本文件>';
  const root = doc.contents as YAMLMap;
  const items = root.get(TOP_KEYS.items, true);
  if (isSeq(items)) {
    for (const node of items.items) {
      if (!isMap(node)) continue;
      for (const pair of node.items) {
        const key = String((pair.key as { value?: unknown }).value ?? pair.key);
        if (catalog.profile === '2019' && FLOW_ITEM_KEYS.has(key) && isSeq(pair.value)) pair.value.flow = true;
      }
    }
  }
  for (const key of [TOP_KEYS.extraColumns]) {
    const node = root.get(key, true);
    if (isSeq(node)) node.flow = true;
  }
  // Characters YAML may not hold as they are (controls, C1, U+FFFE/U+FFFF, lone surrogates): their
  // scalars are double-quoted, where the library escapes the controls and surrogates and we the rest.
  let raw = false;
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && NOT_PRINTABLE.test(node.value)) {
        node.type = 'QUOTE_DOUBLE';
        raw = true;
      }
    },
  });
  const text = doc.toString({ lineWidth: 0, minContentWidth: 0, blockQuote: 'literal', indentSeq: true });
  return raw ? text.replace(RAW_IN_QUOTES, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`) : text;
}

/** Not YAML's c-printable: C0 controls but tab and line feed, DEL, C1, U+FFFE, U+FFFF, lone surrogates. */
const NOT_PRINTABLE = /[\x00-\x08\x0B-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** What the library leaves raw inside double quotes (it escapes C0 controls and surrogates itself). */
const RAW_IN_QUOTES = /[\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/g;
