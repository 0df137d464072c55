// Node globals that exceljs and its stream helpers expect, for the browser bundle.
import { Buffer } from 'buffer';
import process from 'process';
export { Buffer, process };
