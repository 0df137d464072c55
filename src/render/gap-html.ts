// The gap report as one self-contained HTML page (templates/gap.hbs, its CSS inlined, no script), lang
// zh-CN, under the same Content-Security-Policy as every other page: nothing may load, only its own CSS
// (by hash) applies. Handlebars escapes every value; the view holds plain strings only.
import type { GapReport } from '../reports/gap.js';
import type { JsonDiagnostic } from '../reports/report.js';
import { fieldLabel } from '../settings/columns.js';
import { asset, loadTemplate, type TemplateDelegate } from './templates.js';
import { blanksText, methodText, placeText, SEVERITY_WORD, summaryLines } from './gap-common.js';

let compiled: TemplateDelegate | undefined;

function template(): TemplateDelegate {
  compiled ??= loadTemplate('gap', ['gap-findings', 'gap-items']);
  return compiled;
}

function rows(list: readonly JsonDiagnostic[]) {
  return list.map((d) => ({
    place: placeText(d.location),
    field: d.field ?? '',
    severity: d.severity,
    level: SEVERITY_WORD[d.severity],
    message: d.message,
    fix: d.fix?.to ?? '',
  }));
}

/** Render the gap report as an HTML page. */
export function renderGapHtml(r: GapReport): string {
  const css = asset('gap.css');
  const view = {
    css: css.text,
    csp: `default-src 'none'; style-src ${css.hash}; img-src 'none'; base-uri 'none'; form-action 'none'`,
    title: r.title ?? r.file,
    categoryLabel: fieldLabel(r.profile, 'category'),
    nameLabel: fieldLabel(r.profile, 'name'),
    summaryLines: summaryLines(r),
    items: r.items,
    complete: r.complete,
    summary: r.summary.map((s) => ({ category: s.category, items: s.items, complete: s.complete, blanks: blanksText(s.blanks) })),
    hasFindings: r.findings.length > 0,
    general: rows(r.general),
    groups: r.details
      .map((g) => ({
        category: g.category,
        items: g.items
          .filter((it) => it.findings.length > 0)
          .map((it) => {
            const where = placeText(it.at);
            return {
              heading: `${it.serial ? `${it.serial}. ` : ''}${it.name || '（未填名称）'}${where ? `（${where}）` : ''}`,
              blanks: it.blanks.join('、'),
              findings: rows(it.findings),
            };
          }),
      }))
      .filter((g) => g.items.length > 0),
    coverage: r.coverage,
    loose: (r.coverage?.matches ?? [])
      .filter((m) => m.method !== 'exact')
      .map((m) => ({ mine: `${m.category} / ${m.name}`, ref: `${m.refCategory} / ${m.refName}`, how: methodText(m) })),
  };
  return template()(view);
}
