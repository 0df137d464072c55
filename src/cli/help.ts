// Chinese help texts for commander: headings and the (可选值/默认) notes are translated here once.
import type { Help, Option } from 'commander';

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Global Options:': '通用选项：',
};

/** Settings for commander's configureHelp(). */
export const chineseHelp: Partial<Help> = {
  showGlobalOptions: true,
  // Chinese text has no spaces to wrap at; a wider box keeps descriptions on one line.
  helpWidth: 120,
  // Commander measures columns in UTF-16 units; CJK characters take two columns in a terminal.
  displayWidth(str: string): number {
    let width = 0;
    for (const ch of str.replace(/\x1b\[[0-9;]*m/g, '')) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
    return width;
  },
  commandUsage(cmd): string {
    const names: string[] = [];
    for (let c = cmd.parent; c; c = c.parent) names.unshift(c.name());
    const usage = cmd.usage().replace('[options]', '[选项]').replace('[command]', '[命令]');
    return [...names, cmd.name(), usage].join(' ');
  },
  subcommandTerm(cmd): string {
    const args = cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`)).join(' ');
    return [cmd.name(), cmd.options.length ? '[选项]' : '', args].filter(Boolean).join(' ');
  },
  styleTitle(str: string): string {
    return TITLES[str] ?? str;
  },
  optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.argChoices) extra.push(`可选值：${option.argChoices.join(' | ')}`);
    if (option.defaultValue !== undefined && (option.required || option.optional)) {
      extra.push(`默认：${option.defaultValueDescription ?? String(option.defaultValue)}`);
    }
    return extra.length ? `${option.description}（${extra.join('；')}）` : option.description;
  },
};

/** commander's English error messages, by error code, in Chinese. */
export function translateCommanderError(code: string, message: string): string {
  const quoted = [...message.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  switch (code) {
    case 'commander.unknownOption':
      return `未知选项 ${quoted[0] ?? ''}`;
    case 'commander.unknownCommand':
      return `未知命令 ${quoted[0] ?? ''}`;
    case 'commander.missingArgument':
      return `缺少参数 <${quoted[0] ?? ''}>`;
    case 'commander.optionMissingArgument':
      return `选项 ${quoted[0] ?? ''} 缺少取值`;
    case 'commander.missingMandatoryOptionValue':
      return `缺少必需的选项 ${quoted[0] ?? ''}`;
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.+)\./.exec(message)?.[1];
      return `选项 ${quoted[0] ?? ''} 的取值“${quoted[1] ?? ''}”无效${choices ? `，可选值：${choices}` : ''}`;
    }
    case 'commander.excessArguments':
      return `参数过多（${quoted[0] ?? ''}）`;
    case 'commander.conflictingOption':
      return `选项冲突：${message}`;
    default:
      return message.replace(/^error: /, '');
  }
}
