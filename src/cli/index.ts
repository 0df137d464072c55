// The library's entry point for the command line: run({argv, stdout, stderr}) returns the exit code.
// bin/zwgk.js is a thin shim around it; nothing here calls process.exit.
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { ZwgkError, terminalText } from '../core/text.js';
import { cleanupOnSignals } from '../node/temporaries.js';
import type { Context, OutStream } from './context.js';
import { chineseHelp, translateCommanderError } from './help.js';
import { COMMANDS } from './commands/index.js';
import { helpHint, preflight } from './preflight.js';

export interface RunOptions {
  argv: string[];
  stdout?: OutStream;
  stderr?: OutStream;
  env?: Record<string, string | undefined>;
}

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

import { EXIT } from './exit.js';

export { EXIT };

/** Build the commander program for one run (fresh each time: runs must not share state). */
export function buildProgram(ctx: Context): Command {
  const program = new Command('zwgk');
  program
    .description('政务公开事项目录工具：读取 Excel/YAML 目录，校验，生成 Excel、网页、Markdown、差距报告和网站')
    .version(pkg.version, '-V, --version', '显示版本号')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .option('--no-color', '不使用彩色输出（也可设置环境变量 NO_COLOR）')
    .option('--debug', '出错时显示调试信息（堆栈）')
    .option('--layout <版式>', '清单的版式：内置版式的名称或标识（重大行政决策事项目录 / major-decisions、权责清单 / powers、行政检查事项清单 / inspections、2017、2019），或自定义版式定义文件（.yaml）及其所在文件夹；默认自动识别，并读取当前文件夹下 zwgk-版式 中的定义')
    .addHelpText(
      'after',
      '\n退出码：0 通过（可有警告），1 有错误级别的问题，2 用法错误或文件无法读取。\n示例：\n  zwgk validate 目录.xlsx\n  zwgk render 目录.xlsx -o 目录.html\n  zwgk gap 目录.xlsx --against 参考目录.yaml -o 差距报告.xlsx\n  zwgk site 各领域目录 -o 网站\n',
    );
  // The program and every command: Chinese help, output to the run's streams, errors thrown to run()
  // with the command they came from (so the message can point to that command's help), and
  // commander's did-you-mean suggestions, which run() translates.
  for (const cmd of [program, ...COMMANDS.map((register) => register(program, ctx))]) {
    cmd
      .helpOption('-h, --help', '显示帮助')
      .configureHelp(chineseHelp)
      .showSuggestionAfterError(true)
      .exitOverride((err) => {
        throw Object.assign(err, { command: cmd });
      })
      .configureOutput({
        writeOut: (s) => ctx.stdout.write(s),
        writeErr: (s) => ctx.stderr.write(s),
        outputError: () => undefined,
      });
  }
  // Before any command's work: a missing input file first, then deferred option problems.
  program.hook('preAction', async (_program, action) => {
    ctx.help = helpHint(action);
    await preflight(action);
  });
  return program;
}

/** A did-you-mean for a mistyped command or option: commander's own suggestion, or (for -to) the long
 * option spelled with one dash too few, or (for a file name where a command belongs) validate. */
function suggestion(err: CommanderError & { command?: Command }): string | undefined {
  const similar = /\(Did you mean (.+?)\?\)/.exec(err.message)?.[1];
  if (similar) return similar;
  const flag = /unknown option '(-[^-][^']+)'/.exec(err.message)?.[1];
  if (flag && err.command?.options.some((o) => o.long === `-${flag}`)) return `-${flag}`;
  const name = /unknown command '([^']+)'/.exec(err.message)?.[1];
  if (name && /\.(xlsx|xls|et|ods|csv|ya?ml)$/i.test(name)) return `validate ${name}`;
  return undefined;
}

/** Run the CLI with the given arguments (without node and script); resolves to the exit code. */
export async function run(options: RunOptions): Promise<number> {
  const ctx: Context = {
    stdout: options.stdout ?? process.stdout,
    stderr: options.stderr ?? process.stderr,
    env: options.env ?? process.env,
    exitCode: EXIT.ok,
    help: 'zwgk --help',
  };
  const debug = options.argv.includes('--debug');
  const program = buildProgram(ctx);
  if (options.argv.length === 0) {
    program.outputHelp();
    return EXIT.usage;
  }
  // Ctrl-C or SIGTERM while an output is being written: its temporary file goes, then the signal ends us.
  const stopListening = cleanupOnSignals();
  try {
    await program.parseAsync(options.argv, { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        return EXIT.ok;
      }
      const from = (err as CommanderError & { command?: Command }).command;
      const hint = suggestion(err);
      const help = helpHint(from);
      ctx.stderr.write(`错误：${terminalText(translateCommanderError(err.code, err.message))}。${hint ? `您是不是要用 ${terminalText(hint)}？` : ''}运行 ${terminalText(help)} 查看用法\n`);
      return EXIT.usage;
    }
    if (err instanceof ZwgkError) {
      ctx.stderr.write(`错误：${terminalText(err.message)}\n`);
      if (debug && err.cause) ctx.stderr.write(`${(err.cause as Error).stack ?? String(err.cause)}\n`);
      return EXIT.usage;
    }
    // Anything else is our bug; the user still gets Chinese and no stack trace unless --debug.
    ctx.stderr.write(`错误：内部错误：${terminalText((err as Error)?.message ?? String(err))}。请加 --debug 重试，并把输出反馈给维护者\n`);
    if (debug) ctx.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    return EXIT.usage;
  } finally {
    stopListening();
  }
}
