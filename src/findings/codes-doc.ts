// The README's table of finding codes, generated from the one code table (test/docs.test.ts keeps
// README in step with it).
import { CODES } from './codes.js';
import { severityLabel } from './severity.js';

/** Markdown table of every code: code, severity, title, message template. */
export function codesMarkdownTable(): string {
  const rows = Object.entries(CODES).map(([code, spec]) => {
    const level = 'fatal' in spec && spec.fatal ? '无法继续（退出码 2）' : severityLabel(spec.severity);
    const message = spec.message.replace(/\|/g, '\\|');
    return `| \`${code}\` | ${level} | ${spec.title} | ${message} |`;
  });
  return ['| 代码 | 级别 | 名称 | 说明（{…} 处填入具体内容） |', '|---|---|---|---|', ...rows].join('\n');
}
