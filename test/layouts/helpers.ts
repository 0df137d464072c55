// What the layouts' tests share: a definition file's refusal, as its code, line and message.
import { layout } from '../../src/core/index.js';
import { ZwgkError } from '../../src/findings/finding.js';

/** The refusal of a definition text (layout-invalid, yaml-syntax …); throws if it is accepted. */
export async function refusal(text: string): Promise<{ code: string; line?: number; message: string }> {
  try {
    await layout(new TextEncoder().encode(text), '我的清单.yaml');
  } catch (e) {
    if (e instanceof ZwgkError) return { code: e.finding.code, ...(e.finding.location.line !== undefined ? { line: e.finding.location.line } : {}), message: e.message };
    throw e;
  }
  throw new Error('accepted');
}
