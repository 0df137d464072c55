// Shared by the reader tests: fixture paths and compact views of findings and items.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../src/findings/finding.js';
import type { Item } from '../../src/model/types.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** Absolute path of a fixture. */
export function fixture(rel: string): string {
  return path.join(FIXTURES, rel);
}

/** code, sheet, cell, item, field of each finding. */
export function brief(findings: Finding[]): (string | number | undefined)[][] {
  return findings.map((f) => [f.code, f.location.sheet, f.location.cell, f.item, f.field]);
}

/** The texts of an item's main fields, for exact comparisons. */
export function texts(item: Item): Record<string, unknown> {
  return {
    serial: item.serial.text,
    category: item.category.text,
    name: item.name.text,
    basis: item.basis.values.map((v) => v.text),
    pairs: item.pairs.map((p) => (p.standard ? [p.content.text, p.standard.text] : [p.content.text])),
    subject: item.subject.text,
    deadline: item.deadline.text,
    remark: item.remark.text,
    ...(item.platform ? { platform: item.platform.text } : {}),
    ...(item.channels ? { channels: item.channels.values.map((v) => v.text) } : {}),
    ...(item.ticks ? { ticks: Object.fromEntries(Object.entries(item.ticks).map(([g, l]) => [g, l.values.map((v) => v.text)])) } : {}),
    extra: Object.fromEntries(Object.entries(item.extra).map(([k, v]) => [k, v.text])),
  };
}
