// The page templates as data: precompiled at build time from templates/ (src/build/assets.mjs), so the
// CLI and the browser app run them without reading files or evaluating code.
import type HandlebarsNS from 'handlebars';
import runtime from 'handlebars/runtime.js';
import { ASSETS, PARTIAL_SPECS, TEMPLATE_SPECS } from '../generated/templates.js';

/** The Handlebars runtime (no compiler: every template is precompiled), typed as the full package. */
export const Handlebars = runtime as unknown as typeof HandlebarsNS;
export type TemplateDelegate = HandlebarsNS.TemplateDelegate;

export type TemplateName = keyof typeof TEMPLATE_SPECS;
export type AssetName = keyof typeof ASSETS;

/**
 * A template in a private Handlebars instance (helpers and partials do not leak between renderers),
 * with the partials it uses and the helpers it needs.
 */
export function loadTemplate(
  name: TemplateName,
  partials: readonly (keyof typeof PARTIAL_SPECS)[] = [],
  helpers: (hb: typeof HandlebarsNS) => Record<string, HandlebarsNS.HelperDelegate> = () => ({}),
): TemplateDelegate {
  const hb = Handlebars.create();
  for (const [helper, fn] of Object.entries(helpers(hb))) hb.registerHelper(helper, fn);
  for (const p of partials) hb.registerPartial(p, hb.template(PARTIAL_SPECS[p] as unknown as TemplateSpecification));
  return hb.template(TEMPLATE_SPECS[name] as unknown as TemplateSpecification);
}

/** One of the pages' own assets (CSS, script): its text and the CSP source that allows it by hash. */
export function asset(name: AssetName): { text: string; hash: string } {
  return ASSETS[name];
}

