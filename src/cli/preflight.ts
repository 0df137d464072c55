// Checks made after parsing and before a command's work, in the order a user can act on them: a
// missing input file first (the most likely slip, and it makes every option moot), then a bad option
// value or a missing required option. Commander itself would report the options first.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { ZwgkError } from '../core/text.js';
import { InvalidChoice, isRequired } from './options.js';

/** Commands that read several files and report an unreadable one among the others' results. */
const TOLERANT = new Set(['validate', 'site']);
/** Options whose value is an input file. */
const INPUT_OPTIONS = ['against', 'since'];

/** The help command for a command: `zwgk render --help`, or `zwgk --help` for the program. */
export function helpHint(cmd: Command | undefined): string {
  const names: string[] = [];
  for (let c: Command | null | undefined = cmd; c; c = c.parent) names.unshift(c.name());
  if (!names.length) names.push('zwgk');
  return `${names.join(' ')} --help`;
}

/** A usage error that points to the command's own help. */
export function usageError(help: string, detail: string, file = ''): ZwgkError {
  return new ZwgkError('usage', { file }, { detail, help });
}

/**
 * Report the first input that cannot be read: missing (file-not-found), or there but unreadable (a FIFO,
 * no permission, a link loop …). Folders are left to the command (they stand for their files), and so
 * are patterns with * or ?.
 */
export async function assertInputsExist(files: readonly string[]): Promise<void> {
  // Loaded here, not at start: `zwgk --help` stays light.
  const { checkInput, nativePath } = await import('../node/read-file.js');
  for (const file of files) {
    if (/[*?]/.test(path.basename(file))) continue;
    if ((await stat(nativePath(file)).catch(() => undefined))?.isDirectory()) continue;
    await checkInput(file);
  }
}

function optionProblems(cmd: Command): string[] {
  const problems: string[] = [];
  for (const option of cmd.options) {
    const value: unknown = cmd.getOptionValue(option.attributeName());
    if (value instanceof InvalidChoice) {
      problems.push(`选项 ${option.flags} 的取值“${value.value}”无效，可选值：${(option.argChoices ?? []).join(', ')}`);
    } else if (value === undefined && isRequired(option)) {
      problems.push(`缺少必需的选项 ${option.flags}`);
    }
  }
  return problems;
}

/** Run before every command's action: inputs, then options. */
export async function preflight(cmd: Command): Promise<void> {
  const problems = optionProblems(cmd);
  if (!TOLERANT.has(cmd.name()) || problems.length) {
    const files = (cmd.processedArgs as unknown[]).flat().filter((a): a is string => typeof a === 'string');
    for (const name of INPUT_OPTIONS) {
      const value: unknown = cmd.getOptionValue(name);
      if (typeof value === 'string') files.push(value);
    }
    await assertInputsExist(files);
  }
  if (problems.length) throw usageError(helpHint(cmd), problems[0]!);
}
