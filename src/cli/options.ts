// Options shared by several commands, declared once so their names, choices and help agree.
import { Option } from 'commander';

/** --profile auto|2017|2019 */
export function profileOption(): Option {
  return new Option('--profile <版式>', '表格版式：auto 自动识别，2017 样表，2019 标准目录').choices(['auto', '2017', '2019']).default('auto');
}

/** --sheet <name> */
export function sheetOption(): Option {
  return new Option('--sheet <工作表>', '只读取指定名称的工作表（默认读取所有含目录表头的工作表）');
}

/** -o, --output <path> */
export function outputOption(description: string, required = false): Option {
  const o = new Option('-o, --output <路径>', description);
  if (required) o.makeOptionMandatory(true);
  return o;
}
