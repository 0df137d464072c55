// Fixes made by hand for the applier tests, and the containers run on their own (no read-back).
import type { Finding } from '../../src/findings/finding.js';
import { replaceRange, type Fix } from '../../src/findings/fix.js';
import { applyToTarget } from '../../src/fix/apply.js';
import { xlsxTarget } from '../../src/fix/xlsx-target.js';
import { yamlTarget } from '../../src/formats/yaml/patch.js';

/** A fix replacing the first `from` in the text a rule saw by `to`. */
export function textFix(expected: string, from: string, to: string): Fix {
  const at = expected.indexOf(from);
  if (at < 0) throw new Error(`${from} not in ${expected}`);
  return replaceRange(expected, at, at + from.length, to);
}

/** Apply findings' fixes to a workbook's bytes (the zip-level container alone). */
export function fixXlsx(input: Uint8Array, findings: readonly Finding[], file = 't.xlsx') {
  return applyToTarget(xlsxTarget(input, file), findings);
}

/** Apply findings' fixes to a YAML text (the YAML container alone). */
export function fixYaml(text: string, findings: readonly Finding[]) {
  return applyToTarget(yamlTarget(text), findings);
}
