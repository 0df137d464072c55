// Options shared by several commands, declared once so their names, choices and help agree.
// Choices are matched without regard to case (--to HTML), and neither a bad choice nor a missing
// required option stops parsing: both are kept until the command runs, so that a missing input file
// is reported first (see preflight.ts).
import { Option } from 'commander';

/** A value outside an option's choices, kept as the option's value until preflight reports it. */
export class InvalidChoice {
  constructor(readonly value: string) {}
}

/** Options a command cannot run without; checked by preflight rather than by commander. */
const REQUIRED = new WeakSet<Option>();

/** Whether an option was declared required. */
export function isRequired(option: Option): boolean {
  return REQUIRED.has(option);
}

/** An option with a fixed list of values (shown in help), matched case-insensitively. */
export function choiceOption(flags: string, description: string, choices: readonly string[], defaultValue?: string): Option {
  const o = new Option(flags, description).choices(choices);
  o.argParser((raw: string) => {
    const value = raw.trim().toLowerCase();
    return choices.includes(value) ? value : new InvalidChoice(raw);
  });
  if (defaultValue !== undefined) o.default(defaultValue);
  return o;
}

/** --profile auto|2017|2019 */
export function profileOption(): Option {
  return choiceOption('--profile <版式>', '表格版式：auto 自动识别，2017 样表，2019 标准目录', ['auto', '2017', '2019'], 'auto');
}

/** --sheet <name> */
export function sheetOption(): Option {
  return new Option('--sheet <工作表>', '只读取指定名称的工作表（默认读取所有含目录表头的工作表）');
}

/** -o, --output <path> */
export function outputOption(description: string, required = false): Option {
  const o = new Option('-o, --output <路径>', description);
  if (required) REQUIRED.add(o);
  return o;
}
