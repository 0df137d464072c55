// zwgk gap (placeholder until its library lands).
import type { Command } from 'commander';
import { ZwgkError } from '../../report/finding.js';
import type { Context } from '../context.js';

/** Register `gap`. */
export function registerGap(program: Command, _ctx: Context): Command {
  return program
    .command('gap')
    .description('（开发中）')
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action(() => {
      throw new ZwgkError('usage', { file: '' }, { detail: 'gap 命令尚未完成' });
    });
}
