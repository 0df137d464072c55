// zwgk merge (placeholder until its library lands).
import type { Command } from 'commander';
import { ZwgkError } from '../../report/finding.js';
import type { Context } from '../context.js';

/** Register `merge`. */
export function registerMerge(program: Command, _ctx: Context): Command {
  return program
    .command('merge')
    .description('（开发中）')
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action(() => {
      throw new ZwgkError('usage', { file: '' }, { detail: 'merge 命令尚未完成' });
    });
}
