// The temporary files of this run's writes (node/write.ts), and what removes them when the run is cut
// short by Ctrl-C or SIGTERM. Kept apart from write.ts so that the CLI can listen for signals from its
// first line without loading anything else.
import { unlinkSync } from 'node:fs';

/** Temporary files written and not yet renamed into place or removed. */
export const PENDING = new Set<string>();
/** What else a cut-short run must undo at once, synchronously: a LibreOffice conversion stops its soffice
 * and removes its temporary folder (node/soffice.ts adds and deletes its own while it runs). */
export const ON_INTERRUPT = new Set<() => void>();
/** Temporary names of this tool: .<name>.<pid>.<8 hex>.tmp */
export const TEMP_NAME = /^\.(.+)\.(\d+)\.([0-9a-f]{8})\.tmp$/;

/**
 * Remove this run's temporary files now, and undo what ON_INTERRUPT holds (synchronously: called from a
 * signal handler, where nothing asynchronous will run any more). Returns how many files there were.
 */
export function removePendingTemporaries(): number {
  for (const undo of ON_INTERRUPT) {
    try {
      undo();
    } catch {
      // the rest must still run
    }
  }
  ON_INTERRUPT.clear();
  let n = 0;
  for (const tmp of PENDING) {
    try {
      unlinkSync(tmp);
      n++;
    } catch {
      // already gone
    }
  }
  PENDING.clear();
  return n;
}

/**
 * While a run lasts, Ctrl-C (SIGINT) and SIGTERM first remove its temporary files, then end the
 * process as the signal would have (the default action, by re-raising it): no process.exit here, and a
 * half-written output never stays behind. Returns the function that stops listening.
 */
export function cleanupOnSignals(): () => void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const handler = (signal: NodeJS.Signals): void => {
    removePendingTemporaries();
    for (const s of signals) process.removeListener(s, handler);
    process.kill(process.pid, signal);
  };
  for (const s of signals) process.on(s, handler);
  return () => {
    for (const s of signals) process.removeListener(s, handler);
  };
}

