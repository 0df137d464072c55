// zwgk diff (placeholder until its library lands).
import type { Command } from 'commander';
import { ZwgkError } from '../../report/finding.js';
import type { Context } from '../context.js';

/** Register `diff`. */
export function registerDiff(program: Command, _ctx: Context): Command {
  return program
    .command('diff')
    .description('（开发中）')
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action(() => {
      throw new ZwgkError('usage', { file: '' }, { detail: 'diff 命令尚未完成' });
    });
}
