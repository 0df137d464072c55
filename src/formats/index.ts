// The registry of input formats: one descriptor per format (formats/*/index.ts, converted.ts), and every
// question about a file's kind answered from it — which format a name or the bytes say, what can be read,
// what a folder is searched for, how fix writes a format. Readers are loaded when a file of their kind is
// read (reading a workbook need not load the YAML parser). Platform-neutral: the bytes come from the CLI
// (node/read-file.ts) or the app's file picker; `file` is the name used in messages, never opened here.
import type { Doc } from '../model/list.js';
import { ZwgkError } from '../findings/finding.js';
import { oldWord, otherSheets } from './converted.js';
import { csv } from './csv/index.js';
import { docx } from './docx/index.js';
import { html } from './html/index.js';
import type { FormatSpec, ReadOptions } from './types.js';
import { xlsx } from './xlsx/index.js';
import { yaml } from './yaml/index.js';

/** Every input format, in the order extensions are listed to the user. */
export const FORMATS: readonly FormatSpec[] = [yaml, xlsx, html, docx, csv, otherSheets, oldWord];

/** The lower-case extension of a file name, with its dot ('' when there is none). */
export function extensionOf(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The format of an extension (with its dot, any case), if zwgk knows it. */
export function formatByExtension(ext: string): FormatSpec | undefined {
  const lower = ext.toLowerCase();
  return lower ? FORMATS.find((f) => f.extensions.includes(lower)) : undefined;
}

/** The format a file name says (by its extension), if zwgk knows it. */
export function formatOf(file: string): FormatSpec | undefined {
  return formatByExtension(extensionOf(file));
}

/** The format with this id. */
export function formatById(id: string): FormatSpec | undefined {
  return FORMATS.find((f) => f.id === id);
}

/**
 * The format to read bytes as: the one their name says, unless the content is one the name's format may
 * really be (a “Word” .doc or .docx that is a web page, as many systems export, is read as the page).
 */
export function detectFormat(bytes: Uint8Array, file: string): FormatSpec | undefined {
  const named = formatOf(file);
  for (const id of named?.mayBe ?? []) {
    const other = formatById(id);
    if (other?.sniff?.(bytes)) return other;
  }
  return named;
}

/** Extensions a catalog can be read from, for help texts and messages. */
export const READABLE_EXTENSIONS: readonly string[] = FORMATS.flatMap((f) => f.extensions);

/** Extensions a folder given as an argument is searched for (see FormatSpec.inFolders). */
export const FOLDER_EXTENSIONS: readonly string[] = FORMATS.filter((f) => f.inFolders).flatMap((f) => f.extensions);

/** Whether fix writes a file's corrected catalog into a copy of the file itself (a workbook, YAML) rather
 * than anew as a workbook or YAML file (a web page, a Word document, a file LibreOffice converts). */
export function fixedInPlaceFormat(file: string): boolean {
  return formatOf(file)?.fix !== 'rewrite';
}

/**
 * Read one catalog from its bytes; throws ZwgkError (exit 2) when it cannot be read. `as` reads the bytes
 * as another type than the name says (a converted .xls is read as .xlsx under its own name).
 */
export async function readCatalogBytes(bytes: Uint8Array, file: string, options: ReadOptions & { as?: string } = {}): Promise<Doc> {
  const ext = options.as ?? extensionOf(file);
  const format = options.as !== undefined ? formatByExtension(options.as) : detectFormat(bytes, file);
  if (!format?.read) {
    const conversion = format?.conversion;
    if (conversion) throw new ZwgkError('needs-soffice', { file }, { file, ext, app: conversion.app, saveAs: conversion.saveAs, target: conversion.to });
    throw new ZwgkError('unsupported-format', { file }, { file, ext: ext || '（无扩展名）' });
  }
  if (bytes.length === 0) throw new ZwgkError('file-empty', { file }, { file });
  return format.read(bytes, file, options);
}
