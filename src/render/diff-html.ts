// The diff as a self-contained HTML change log (templates/diff.hbs): no external resources, the
// page's own CSS allowed by its hash, every sheet text escaped by Handlebars.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { DiffReport } from '../report/diff.js';
import { fieldLabel } from '../settings.js';
import { DIFF_TITLE, diffSummary } from './diff-md.js';

const TEMPLATE = new URL('../../templates/diff.hbs', import.meta.url);

const CSS = `
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",SimSun,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222;line-height:1.6}
h1{text-align:center;font-size:1.6em}
h2{font-size:1.25em;border-bottom:1px solid #999;margin-top:1.6em}
h3{font-size:1.05em}
table{border-collapse:collapse;width:100%;margin:.5em 0 1em}
th,td{border:1px solid #666;padding:.3em .5em;vertical-align:top;text-align:left;white-space:pre-wrap;word-break:break-word}
th{background:#d9e2f3}
td.num{text-align:center;width:3em}
td.field{width:9em}
.before{background:#fdecea}
.after{background:#e8f5e9}
.empty{color:#888}
.summary{font-weight:bold}
@page{size:A4;margin:15mm 12mm}
@media print{body{margin:0;max-width:none;font-size:10.5pt}h1{font-size:16pt}h2,h3{break-after:avoid}thead{display:table-header-group}tr{break-inside:avoid}}
`.trim();

let compiled: Handlebars.TemplateDelegate | undefined;

function template(): Handlebars.TemplateDelegate {
  // A private instance: no helpers or partials leak between renderers.
  compiled ??= Handlebars.create().compile(readFileSync(TEMPLATE, 'utf8'), { strict: true });
  return compiled;
}

/** Render a diff as one self-contained HTML page (lang zh-CN). */
export function renderDiffHtml(d: DiffReport): string {
  const hash = createHash('sha256').update(CSS).digest('base64');
  const entries = (list: { category: string; name: string }[]) =>
    list.map((e, i) => ({ index: i + 1, category: e.category, name: e.name }));
  return template()({
    title: DIFF_TITLE,
    csp: `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; base-uri 'none'; form-action 'none'`,
    css: CSS,
    profile: d.profile,
    categoryLabel: fieldLabel(d.profile, 'category'),
    nameLabel: fieldLabel(d.profile, 'name'),
    oldFile: d.oldFile,
    newFile: d.newFile,
    oldItems: d.oldItems,
    newItems: d.newItems,
    summary: diffSummary(d),
    added: entries(d.added),
    addedCount: d.added.length,
    removed: entries(d.removed),
    removedCount: d.removed.length,
    changed: d.changed.map((c, i) => ({
      index: i + 1,
      category: c.category,
      name: c.name,
      fields: c.fields.map((f) => ({ field: f.field, before: f.before, after: f.after })),
    })),
    changedCount: d.changed.length,
  });
}
