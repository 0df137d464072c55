// What every command gets: the output streams, environment and the exit code it sets.
// Kept free of heavy imports: `zwgk --help` must not load exceljs.
import { PLAIN, type Paint } from '../core/text.js';

export interface OutStream {
  write(chunk: string | Uint8Array): boolean;
  isTTY?: boolean;
}

export interface Context {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  /** Set by the action; returned by run(). */
  exitCode: number;
  /** The running command's help, for usage errors: `zwgk render --help`. */
  help: string;
}

/** Options every command accepts (declared on the program, usable after the command name). */
export interface GlobalOptions {
  color?: boolean;
  debug?: boolean;
  /** --layout: a layout's name or id, a definition file or a folder of them. */
  layout?: string;
}

/** Whether to colour text on this stream: --no-color and NO_COLOR win, FORCE_COLOR forces. */
export function useColor(ctx: Context, stream: OutStream, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (ctx.env.NO_COLOR !== undefined && ctx.env.NO_COLOR !== '') return false;
  if (ctx.env.FORCE_COLOR !== undefined && ctx.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

/** A one-off status line on stderr (terminal only, never under CI); returns a function that clears it. */
export function status(ctx: Context, text: string): () => void {
  if (!ctx.stderr.isTTY || ctx.env.CI) return () => undefined;
  ctx.stderr.write(`\r${text}`);
  // Cleared once, however many times it is called (once written, and again when the command ends).
  let shown = true;
  return () => {
    if (shown) ctx.stderr.write('\r\x1b[K');
    shown = false;
  };
}

/** Progress lines on stderr for long runs, only on a terminal and never under CI. */
export function progress(ctx: Context): ((items: number, fraction?: number) => void) | undefined {
  if (!ctx.stderr.isTTY || ctx.env.CI) return undefined;
  let last = 0;
  return (items: number, fraction?: number) => {
    const now = Date.now();
    if (now - last < 200) return;
    last = now;
    const percent = fraction !== undefined ? `（${Math.round(fraction * 100)}%）` : '';
    ctx.stderr.write(`\r已读取 ${items} 个事项${percent}…`);
  };
}


/** Chalk's colours for a stream, or none (--no-color, NO_COLOR, not a terminal). */
export async function paintFor(ctx: Context, stream: OutStream, flag: boolean | undefined): Promise<Paint> {
  if (!useColor(ctx, stream, flag)) return PLAIN;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}
