// Reading a catalog from its bytes: one reader per input format, chosen from a table keyed by extension.
// Platform-neutral: the bytes come from the CLI's file system layer (src/node/read-file.ts) or the app's file
// picker; `file` is the name used in messages and locations, never opened here.
import type { Catalog } from '../model/types.js';
import type { Profile } from '../settings/columns.js';
import { ZwgkError } from '../findings/finding.js';
import type { ReadBudget } from '../grid/limits.js';

export interface ReadOptions {
  /** auto (default) detects the layout from the header or the YAML 版式 key. */
  profile?: Profile | 'auto';
  /** Read only this sheet (xlsx). */
  sheet?: string;
  /** Progress callback for long reads: items so far and, where known, the part of the file read (0–1).
   * The CLI shows it on a terminal only; the app as its progress bar. */
  onProgress?: (items: number, fraction?: number) => void;
  /** What the values read may take, shared by the files of one run that are all kept (merge, site); a
   * file read alone gets its own (READ_LIMITS). */
  budget?: ReadBudget;
}

export type Reader = (bytes: Uint8Array, file: string, options: ReadOptions) => Catalog | Promise<Catalog>;

// Each reader is loaded when a file of its kind is read: reading a workbook need not load the YAML
// parser, and the other way round.
const yaml: Reader = async (bytes, file, options) => (await import('./yaml.js')).readYaml(bytes, file, options);
const xlsx: Reader = async (bytes, file, options) => (await import('./xlsx.js')).readXlsx(bytes, file, options);
const html: Reader = async (bytes, file, options) => (await import('./html.js')).readHtml(bytes, file, options);
const docx: Reader = async (bytes, file, options) => (await import('./docx.js')).readDocx(bytes, file, options);

export const READERS: Readonly<Record<string, Reader>> = {
  '.yaml': yaml,
  '.yml': yaml,
  '.xlsx': xlsx,
  '.xlsm': xlsx,
  '.html': html,
  '.htm': html,
  '.docx': docx,
};

/** A format read after a desktop office suite has converted it (the CLI uses LibreOffice): into what,
 * and how a clerk without LibreOffice saves it as that. */
export interface Conversion {
  to: '.xlsx' | '.docx';
  app: string;
  saveAs: string;
}

const TO_XLSX: Conversion = { to: '.xlsx', app: 'Excel 或 WPS', saveAs: 'Excel 工作簿(*.xlsx)' };
const TO_DOCX: Conversion = { to: '.docx', app: 'Word 或 WPS', saveAs: 'Word 文档(*.docx)' };

export const CONVERSIONS: Readonly<Record<string, Conversion>> = {
  '.xls': TO_XLSX,
  '.et': TO_XLSX,
  '.ods': TO_XLSX,
  '.csv': TO_XLSX,
  '.doc': TO_DOCX,
  '.wps': TO_DOCX,
};

/** Formats read after conversion to .xlsx or .docx. */
export const CONVERTED_EXTENSIONS: readonly string[] = Object.keys(CONVERSIONS);

/** Extensions a catalog can be read from, for help texts and messages. */
export const READABLE_EXTENSIONS = [...Object.keys(READERS), ...CONVERTED_EXTENSIONS];

/** Extensions a folder given as an argument is searched for: web pages are left out (a folder of
 * catalogs usually holds the pages zwgk published from them too); name a page to read it. */
export const FOLDER_EXTENSIONS = READABLE_EXTENSIONS.filter((e) => e !== '.html' && e !== '.htm');

/** Formats whose catalog is read from tables (a page, a Word document): fix writes the corrected
 * catalog as a workbook or YAML, never the page or document itself. */
export const TABLE_EXTENSIONS: readonly string[] = ['.html', '.htm', '.docx', '.doc', '.wps'];

const TABLE_TAG = [...'<table'].map((c) => c.charCodeAt(0));

/** Whether bytes are a web page: Word's “save as web page”, or a system that exports “Word” (.doc) as HTML. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return true;
  if (!head.startsWith('<') || head.startsWith('<?xml')) return false;
  const start = bytes.subarray(0, 65536);
  for (let i = start.indexOf(60); i >= 0; i = start.indexOf(60, i + 1)) {
    let k = 1;
    while (k < TABLE_TAG.length && (start[i + k]! | 0x20) === TABLE_TAG[k]) k++;
    if (k === TABLE_TAG.length) return true;
  }
  return false;
}

/** The lower-case extension of a file name, with its dot ('' when there is none). */
export function extensionOf(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/**
 * Read one catalog from its bytes; throws ZwgkError (exit 2) when it cannot be read. `as` reads the bytes
 * as another type than the name says (a converted .xls is read as .xlsx under its own name).
 */
export async function readCatalogBytes(bytes: Uint8Array, file: string, options: ReadOptions & { as?: string } = {}): Promise<Catalog> {
  const ext = options.as ?? extensionOf(file);
  const reader = READERS[ext];
  if (!reader) {
    const conversion = CONVERSIONS[ext];
    if (conversion) throw new ZwgkError('needs-soffice', { file }, { file, ext, app: conversion.app, saveAs: conversion.saveAs, target: conversion.to });
    throw new ZwgkError('unsupported-format', { file }, { file, ext: ext || '（无扩展名）' });
  }
  if (bytes.length === 0) throw new ZwgkError('file-empty', { file }, { file });
  return reader(bytes, file, options);
}
