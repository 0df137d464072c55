// zwgk run in-process as a clerk types it, with what it printed: shared by the review and summary tests.
import { run } from '../../src/cli/index.js';

/** Run zwgk with these arguments; its exit code, stdout and stderr. */
export async function zwgk(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run({
    argv,
    stdout: { write: (c: string | Uint8Array) => ((stdout += String(c)), true) },
    stderr: { write: (c: string | Uint8Array) => ((stderr += String(c)), true) },
  });
  return { code, stdout, stderr };
}
