// Drive the CLI in-process and capture what it prints.
import { run } from '../../src/cli/index.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run zwgk with arguments, no colour, output captured. */
export async function zwgk(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run({
    argv,
    stdout: { write: (s) => ((stdout += String(s)), true) },
    stderr: { write: (s) => ((stderr += String(s)), true) },
    env: { NO_COLOR: '1' },
  });
  return { code, stdout, stderr };
}
