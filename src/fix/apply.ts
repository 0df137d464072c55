// The one way fixes are applied, whatever holds the cells (a workbook's zip, a YAML text, a copy of the
// catalog): group the findings' fixes by the place they apply to, read each place's current text from the
// container, find where each fix goes, apply them with applyFixes (overlaps skipped), write the new text
// back, commit. Every reason a fix is not applied is worded here, once.
import type { Code } from '../findings/codes.js';
import type { Finding } from '../findings/finding.js';
import { applyFixes, fixSpan, type CellSkip, type CellTarget, type Edit, type Fix } from '../findings/fix.js';
import { compareLocations, locationKey, type SourceRef } from '../findings/location.js';

/** One correction made, as fix lists it: where, the column, the finding's code, and the text before and after. */
export interface FixChange {
  location: SourceRef;
  field?: string;
  code: Code;
  from: string;
  to: string;
}

/** A correction not made, and why (Chinese, for the user). */
export interface FixSkip extends FixChange {
  reason: string;
}

/** One distinct fix at a place, and the findings that carry it (a merged cell shared by several items, or
 * the same citation twice in one cell, gives the same fix more than once). */
interface Unit {
  fix: Fix;
  findings: Finding[];
}

/** The fixes of one place (a cell, a YAML scalar). */
export interface PlaceFixes {
  at: SourceRef;
  units: Unit[];
}

/** Findings that carry a fix, grouped by the place they apply to (in finding order), the same fix once. */
export function groupFixes(findings: readonly Finding[]): PlaceFixes[] {
  const places = new Map<string, PlaceFixes & { byFix: Map<string, Unit> }>();
  for (const f of findings) {
    if (!f.fix || f.fix.edits.length === 0) continue;
    const key = locationKey(f.location);
    let place = places.get(key);
    if (!place) places.set(key, (place = { at: f.location, units: [], byFix: new Map() }));
    const same = JSON.stringify(f.fix);
    const unit = place.byFix.get(same);
    if (unit) unit.findings.push(f);
    else {
      const u = { fix: f.fix, findings: [f] };
      place.byFix.set(same, u);
      place.units.push(u);
    }
  }
  return [...places.values()].map(({ at, units }) => ({ at, units }));
}

/**
 * Where a fix goes in a place's current text: the whole text when it is the text the rule saw, else every
 * line that is (a 依据 cell holds one citation per line, each a value of its own; the same citation twice
 * gets the same fix twice). Undefined when the text no longer holds what the rule saw.
 */
export function placeFix(text: string, fix: Fix): Edit[] | undefined {
  if (text === fix.expected) return fix.edits;
  const out: Edit[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (line === fix.expected) for (const e of fix.edits) out.push({ start: e.start + start, end: e.end + start, text: e.text });
    start += line.length + 1;
  }
  return out.length ? out : undefined;
}

/** Why a fix was not applied, in the user's words: what the container said, or what the applier found. */
export function skipReason(at: SourceRef, why: CellSkip | 'changed' | 'overlap'): string {
  const cell = at.cell !== undefined || at.table !== undefined;
  if (why === 'changed') return '该处文本已与校验时不同';
  if (why === 'overlap') return '与同一处的另一项修正重叠，本次未修改；对修正后的文件再修正一次即可';
  const p = why.params ?? {};
  switch (why.skip) {
    case 'not-found':
      return cell ? '在文件中找不到该单元格' : '在文件中找不到该位置的文本';
    case 'not-text':
      return '该单元格不是文本（可能是公式），未修改';
    case 'no-ref':
      return '该工作表的单元格没有位置标记（r 属性），无法定位；请在 Excel 或 WPS 中打开并另存后再修正';
    case 'too-large':
      return `${p.what ?? '该部分'}有 ${p.size ?? ''}，超过可以修改的上限 ${p.limit ?? ''}，请手工修改`;
    case 'unwritable':
      return `无法在保持${p.format ? ` ${p.format} ` : '文件'}格式的前提下修改该值，请手工修改`;
  }
}

function changeOf(f: Finding, fix: Fix): FixChange {
  const change: FixChange = { location: f.location, code: f.code, ...fixSpan(fix) };
  if (f.field !== undefined) change.field = f.field;
  return change;
}

/** Changes in document order (the order fix lists them). */
export function sortChanges<C extends FixChange>(list: C[]): C[] {
  return list.sort((a, b) => compareLocations(a.location, b.location));
}

/** Apply every finding's fix to a container; what it committed, each change made and each one skipped. */
export async function applyToTarget(target: CellTarget, findings: readonly Finding[]): Promise<{ data: Uint8Array | string; changes: FixChange[]; skipped: FixSkip[] }> {
  const places = groupFixes(findings);
  const texts = await target.read(places.map((p) => p.at));
  const skipped: FixSkip[] = [];
  const skip = (unit: Unit, reason: string) => {
    for (const f of unit.findings) skipped.push({ ...changeOf(f, unit.fix), reason });
  };
  const written = new Map<string, Unit[]>();
  places.forEach((place, i) => {
    const current = texts[i]!;
    if ('skip' in current) {
      for (const unit of place.units) skip(unit, skipReason(place.at, current));
      return;
    }
    const located: { unit: Unit; edits: Edit[] }[] = [];
    for (const unit of place.units) {
      const edits = placeFix(current.text, unit.fix);
      if (edits) located.push({ unit, edits });
      else skip(unit, skipReason(place.at, 'changed'));
    }
    const result = applyFixes(current.text, located);
    for (const k of result.skipped) skip(located[k]!.unit, skipReason(place.at, 'overlap'));
    if (result.applied.length === 0) return;
    target.write(place.at, result.text, result.applied.flatMap((k) => located[k]!.edits));
    written.set(locationKey(place.at), result.applied.map((k) => located[k]!.unit));
  });
  const { data, failed } = await target.commit();
  for (const { at, skip: why } of failed) {
    const key = locationKey(at);
    for (const unit of written.get(key) ?? []) skip(unit, skipReason(at, why));
    written.delete(key);
  }
  const changes = [...written.values()].flatMap((units) => units.flatMap((u) => u.findings.map((f) => changeOf(f, u.fix))));
  return { data, changes: sortChanges(changes), skipped };
}
