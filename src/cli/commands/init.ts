// zwgk init (placeholder until its library lands).
import type { Command } from 'commander';
import { ZwgkError } from '../../report/finding.js';
import type { Context } from '../context.js';

/** Register `init`. */
export function registerInit(program: Command, _ctx: Context): Command {
  return program
    .command('init')
    .description('（开发中）')
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action(() => {
      throw new ZwgkError('usage', { file: '' }, { detail: 'init 命令尚未完成' });
    });
}
