// A list of another layout → YAML text (src/model/list-document.ts is the format); deterministic, so
// xlsx → YAML → xlsx → YAML gives the same text.
import { Document, isSeq, type YAMLMap } from 'yaml';
import { TOP_KEYS } from '../../model/document.js';
import { toListDocument } from '../../model/list-document.js';
import type { ListDoc } from '../../model/list.js';
import { text } from '../yaml.js';

/** Render a list as YAML, with a comment naming its layout. */
export function renderListYaml(doc: ListDoc): string {
  const yaml = new Document(toListDocument(doc));
  yaml.commentBefore = ` zwgk ${doc.layout.name}（版式 ${doc.layout.id}）。键名即表格列名，说明见 README“其他清单与自定义版式”。\n 校验：zwgk validate <本文件>`;
  const root = yaml.contents as YAMLMap;
  const columns = root.get(TOP_KEYS.extraColumns, true);
  if (isSeq(columns)) columns.flow = true;
  const ticks = new Set(doc.layout.columns.filter((c) => c.kind === 'ticks').map((c) => c.label));
  const items = root.get(TOP_KEYS.items, true);
  if (isSeq(items)) {
    for (const item of items.items as YAMLMap[]) {
      for (const pair of item.items) {
        const key = String((pair.key as { value?: unknown }).value ?? pair.key);
        if (ticks.has(key) && isSeq(pair.value)) pair.value.flow = true;
      }
    }
  }
  // Controls and other characters YAML cannot hold as they are: quoted and escaped as the catalog's writer does.
  return text(yaml);
}
