// Moved to render/xlsx/text.ts; kept only while src/fix/xlsx-patch.ts imports it from here.
export { xlsxText, xmlSafe } from './xlsx/text.js';
