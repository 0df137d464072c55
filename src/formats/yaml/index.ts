// The .yaml format: the catalog as hand-edited text (src/model/document.ts), fixed in place (edits
// mapped back to the file's own offsets).
import type { FormatSpec } from '../types.js';

export const yaml: FormatSpec = {
  id: 'yaml',
  extensions: ['.yaml', '.yml'],
  mime: 'application/yaml',
  words: 'YAML 文件',
  source: 'text',
  read: async (bytes, file, options) => (await import('./read.js')).readYaml(bytes, file, options),
  codes: ['yaml-unquoted', 'options-wrong-layout', 'unknown-key-kept', 'wrong-type', 'invalid-value', 'same-as-above', 'unknown-column', 'missing-column', 'column-absent'],
  fix: 'in-place',
  inFolders: true,
};
