// The diff as a self-contained HTML change log (templates/diff.hbs): no external resources, the
// page's own CSS allowed by its hash, every sheet text escaped by Handlebars.
import type { DiffReport } from '../reports/diff.js';
import { fieldLabel, type Profile } from '../settings/columns.js';
import { DIFF_TITLE, diffSummary } from './diff-md.js';
import { asset, loadTemplate, type TemplateDelegate } from './templates.js';

let compiled: TemplateDelegate | undefined;

function template(): TemplateDelegate {
  // A private instance: no helpers or partials leak between renderers.
  compiled ??= loadTemplate('diff');
  return compiled;
}

/** Render a diff as one self-contained HTML page (lang zh-CN). */
export function renderDiffHtml(d: DiffReport): string {
  const css = asset('diff.css');
  const entries = (list: { category: string; name: string }[]) =>
    list.map((e, i) => ({ index: i + 1, category: e.category, name: e.name }));
  return template()({
    title: DIFF_TITLE,
    csp: `default-src 'none'; style-src ${css.hash}; img-src 'none'; base-uri 'none'; form-action 'none'`,
    css: css.text,
    profile: d.profile,
    categoryLabel: (d.labels?.category ?? fieldLabel(d.profile as Profile, 'category')),
    // A list grouped by no column is matched by its name alone: no 类别 column.
    grouped: (d.labels?.category ?? 'x') !== '',
    nameLabel: (d.labels?.name ?? fieldLabel(d.profile as Profile, 'name')),
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
