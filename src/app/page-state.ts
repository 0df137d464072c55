// What the page holds of each file it shows (the worker holds the file itself), and the reference catalog.
import type { FileView } from './protocol.js';

export interface Shown {
  view: FileView;
  article: HTMLElement;
  /** The page of the catalog table on screen. */
  page: number;
  table?: HTMLElement;
}

export const shown = new Map<number, Shown>();

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
