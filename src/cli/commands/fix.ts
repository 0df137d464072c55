// zwgk fix (placeholder until its library lands).
import type { Command } from 'commander';
import { ZwgkError } from '../../report/finding.js';
import type { Context } from '../context.js';

/** Register `fix`. */
export function registerFix(program: Command, _ctx: Context): Command {
  return program
    .command('fix')
    .description('（开发中）')
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action(() => {
      throw new ZwgkError('usage', { file: '' }, { detail: 'fix 命令尚未完成' });
    });
}
