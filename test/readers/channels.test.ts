// The ■/□ checklist as real catalogs write it (issue 20): other separators (; , :) and marks after them,
// a list closed with 。, list numbering, a bracketed tail on the next line, a wrapped name, names run together.
import { expect, it } from 'vitest';
import { parseChannels, runTogether } from '../../src/grid/lists.js';

it('reads a checklist separated by ; , and : with ▄ and 口 marks, and names the channel without a mark', () => {
  const list = parseChannels('▄政府网站;口政府公报;口广播电视,口纸质媒体:口提供政务服务的场所;口便民服务站 ;口图书馆:口社区/企事业单位/村公示栏(电子屏);国家档案馆;口精准推送;口其他。');
  expect(list.selected).toEqual(['政府网站', '国家档案馆']);
  expect(list.unmarked).toEqual(['国家档案馆']);
  expect(list.options).toEqual(['政府网站', '政府公报', '广播电视', '纸质媒体', '提供政务服务的场所', '便民服务站', '图书馆', '社区/企事业单位/村公示栏(电子屏)', '国家档案馆', '精准推送', '其他']);
});

it('keeps a bracketed tail, a name wrapped by a space and a numbered name whole', () => {
  expect(parseChannels('■社区/企事业单位、村公示栏 (电子屏) □精准推送').selected).toEqual(['社区/企事业单位、村公示栏(电子屏)']);
  expect(parseChannels('■政府 网站 □政府公报').selected).toEqual(['政府网站']);
  expect(parseChannels('■1.政府网站 ■2.两微一端').selected).toEqual(['政府网站', '两微一端']);
});

it('splits names written together only when every part is a channel', () => {
  expect(parseChannels('■政府网站 ■发布会听证会').selected).toEqual(['政府网站', '发布会', '听证会']);
  expect(runTogether('政务服务中心大厅')).toEqual(['政务服务中心大厅']);
  expect(runTogether('发布会')).toEqual(['发布会']);
});

it('takes a 口 written straight after an entry for a mark when a channel follows, and keeps 窗口 a word', () => {
  const list = parseChannels('■政府网站口政府公报 口两微一端口发布会/听证会 口广播电台口纸质媒体 ■办事窗口');
  expect(list.selected).toEqual(['政府网站', '办事窗口']);
  expect(list.options).toEqual(['政府网站', '政府公报', '两微一端', '发布会/听证会', '广播电台', '纸质媒体', '办事窗口']);
  // Not a checklist yet: 口 before 政府公报 is a character of the name.
  expect(parseChannels('出入口政府公报').selected).toEqual(['出入口政府公报']);
});
