// Lists written as one text in YAML keep the names that hold a separator themselves whole.
import { expect, it } from 'vitest';
import { parseYamlCatalog } from '../../src/formats/yaml/read.js';

it('splits 公开渠道和载体 and 公开层级 texts at 、 but keeps 社区/企事业单位、村公示栏(电子屏) and 乡、村级 whole', () => {
  const text = [
    '版式: "2019"',
    '选项:',
    '  公开层级: [县级, 镇级, 乡、村级]',
    '事项:',
    '  - 序号: 1',
    '    公开渠道和载体: 政府网站、社区/企事业单位、村公示栏(电子屏)、山东政务服务网',
    '    公开层级: 县级、乡、村级',
    '    公开对象: 全社会、特定群众',
  ].join('\n');
  const item = parseYamlCatalog(text, 'l.yaml').items[0]!;
  expect(item.channels!.values.map((v) => v.text)).toEqual(['政府网站', '社区/企事业单位、村公示栏(电子屏)', '山东政务服务网']);
  expect(item.ticks!.level.values.map((v) => v.text)).toEqual(['县级', '乡、村级']);
  expect(item.ticks!.audience.values.map((v) => v.text)).toEqual(['全社会', '特定群众']);
});
