// What the page holds of each file it shows (the worker holds the file itself), and the reference catalog.
import type { FileView, InFile } from './protocol.js';

export interface Shown {
  view: FileView;
  article: HTMLElement;
  /** The page of the catalog table on screen. */
  page: number;
  table?: HTMLElement;
}

export const shown = new Map<number, Shown>();

/** What the page handed the worker for each file it read (catalogs, the reference, layout definitions)
 * and what the worker said of it: enough to hand a new worker the same files after a cancel. */
export interface Source {
  input: InFile;
  role: 'catalog' | 'reference';
  view: FileView;
}
export const sources = new Map<number, Source>();

export const state = {
  /** The worker's id of the reference catalog, when one is picked. */
  reference: undefined as number | undefined,
  counter: 0,
};

/** A new id for a file the worker will hold. */
export function nextFile(): number {
  return ++state.counter;
}

/** The files that were read, in the order they were picked. */
export function readable(): Shown[] {
  return [...shown.values()].filter((s) => s.view.ok).sort((a, b) => a.view.file - b.view.file);
}
