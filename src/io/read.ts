// Reading catalog files from disk for the CLI: the file system checks and LibreOffice conversion live
// here (.xls/.et/.ods/.csv become .xlsx, .doc/.wps become .docx); the bytes then go to the platform-neutral readers (src/readers), which the browser app uses too.
import { readFile, stat } from 'node:fs/promises';
import type { Catalog } from '../model/types.js';
import { CONVERSIONS, extensionOf, looksLikeHtml, readCatalogBytes, type ReadOptions } from '../readers/index.js';
import { ZwgkError } from '../report/finding.js';

/** A file's bytes, or a ZwgkError (exit 2) that says in Chinese why it cannot be read. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ZwgkError('file-not-found', { file }, { file }, { cause });
    throw new ZwgkError('file-unreadable', { file }, { file, detail: String(code ?? cause) }, { cause });
  }
  if (info.isDirectory()) throw new ZwgkError('file-is-directory', { file }, { file });
  try {
    return await readFile(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new ZwgkError('file-unreadable', { file }, { file, detail: String(code ?? cause) }, { cause });
  }
}

/** Read one catalog file of any supported type (its bytes, when the caller has them already); throws
 * ZwgkError (exit 2) when it cannot be read. */
export async function readCatalog(file: string, options: ReadOptions = {}, given?: Uint8Array): Promise<Catalog> {
  const ext = extensionOf(file);
  const bytes = given ?? (await readInputFile(file));
  const conversion = CONVERSIONS[ext];
  // Many systems export a “Word” .doc that is really a web page: read as the page it is.
  if (conversion?.to === '.docx' && looksLikeHtml(bytes)) return readCatalogBytes(bytes, file, { ...options, as: '.html' });
  if (bytes.length > 0 && conversion) {
    const { convertFile } = await import('./soffice.js');
    return readCatalogBytes(await convertFile(file, conversion), file, { ...options, as: conversion.to });
  }
  return readCatalogBytes(bytes, file, options);
}
