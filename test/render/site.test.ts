// The site renderer as a pure function: the file names it chooses, the index (every catalog with its
// unit, date, item count and layout; search data that cannot break out of its block), pages that link
// back, everything relative and self-contained under the same CSP as the single page.
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { Catalog } from '../../src/model/types.js';
import { renderHtml } from '../../src/render/html.js';
import { pageNames, renderSite, SITE_INDEX } from '../../src/render/site.js';
import { guide2019, hostile2017, HOSTILE, sample2017 } from './fixtures.js';

const at = (catalog: Catalog, file: string): Catalog => ({ ...catalog, file });

/** The JSON of the index's search data block. */
function searchData(html: string): { catalogs: { href: string; title: string }[]; items: [number, number, string, string, string[]][] } {
  const json = /<script type="application\/json" id="site-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
  return JSON.parse(json);
}

describe('pageNames', () => {
  test('a page is named after its source file, so it keeps its address', () => {
    expect(pageNames(['目录/安全生产.xlsx', 'D:\\公开\\救灾目录.yaml', '社会救助.yml'])).toEqual(['安全生产.html', '救灾目录.html', '社会救助.html']);
  });

  test('one name from two folders gets the folder in front; still taken, -2; index is reserved', () => {
    expect(pageNames(['科室A/目录.xlsx', '科室B/目录.xlsx', 'index.yaml', 'x/Index.xlsx'])).toEqual(['科室A-目录.html', '科室B-目录.html', 'index-2.html', 'x-Index.html']);
    expect(pageNames(['a/目录.xlsx', 'a/目录.yaml'])).toEqual(['a-目录.html', 'a-目录-2.html']);
  });

  test('characters that would break a file name or a link are replaced, long names cut', () => {
    expect(pageNames(['a/政务 公开#1?.xlsx', 'b/50%<>:"|*.yaml', 'c/...xlsx'])).toEqual(['政务-公开-1.html', '50.html', '目录.html']);
    const long = pageNames([`${'很长的目录名称'.repeat(20)}.xlsx`])[0]!;
    expect([...long].length).toBe(65);
  });
});

describe('renderSite', () => {
  const catalogs = [at(sample2017(), 'in/安全生产.xlsx'), at(guide2019(), 'in/应急管理.yaml'), at(hostile2017(), 'in/hostile.yaml')];
  const site = renderSite(catalogs);
  const index = site.get(SITE_INDEX)!;

  test('index.html and one page per catalog, named after the sources', () => {
    expect([...site.keys()]).toEqual(['index.html', '安全生产.html', '应急管理.html', 'hostile.html']);
  });

  test('the index lists every catalog: linked title, 编制单位, 日期, item count, layout', () => {
    expect(index).toContain(
      `<tr><td data-label="目录" class="col-title"><a href="${encodeURIComponent('安全生产.html')}">县应急管理局政务公开事项目录</a></td><td data-label="编制单位">县应急管理局</td><td data-label="日期">2024-05-01</td><td data-label="事项数" class="num">2</td><td data-label="版式">2017 样表</td></tr>`,
    );
    expect(index).toContain('某区应急管理局</td><td data-label="日期">2024年5月</td><td data-label="事项数" class="num">6</td><td data-label="版式">2019 标准目录</td>');
    expect(index).toContain('<p class="meta"><span>共 3 个目录</span><span>9 个事项</span></p>');
    expect(index).toContain('<title>政务公开事项目录</title>');
  });

  test('the title: given, else the one unit all catalogs share', () => {
    expect(renderSite(catalogs, { title: '沂河县政务公开' }).get(SITE_INDEX)).toContain('<h1>沂河县政务公开</h1>');
    const one = renderSite([at(sample2017(), 'a.yaml'), at({ ...sample2017(), title: '另一个' }, 'b.yaml')]).get(SITE_INDEX)!;
    expect(one).toContain('<h1>县应急管理局政务公开事项目录</h1>');
  });

  test('every page links back to the index and keeps the page\'s anchors', () => {
    for (const name of ['安全生产.html', '应急管理.html', 'hostile.html']) {
      expect(site.get(name)).toContain('<nav class="site-nav"><a href="index.html">返回政务公开事项目录</a></nav>');
    }
    expect(site.get('应急管理.html')).toBe(renderHtml(catalogs[1]!, { home: { href: 'index.html', label: '返回政务公开事项目录' } }));
    expect(site.get('应急管理.html')).toContain('id="item-6"');
  });

  test('the search data: each item\'s catalog, anchor number, category, name and field texts', () => {
    const data = searchData(index);
    expect(data.catalogs).toEqual([
      { href: encodeURIComponent('安全生产.html'), title: '县应急管理局政务公开事项目录' },
      { href: encodeURIComponent('应急管理.html'), title: '某区应急管理领域基层政务公开标准目录' },
      { href: 'hostile.html', title: '政务公开事项目录' },
    ]);
    expect(data.items).toHaveLength(9);
    const [c, n, category, name, fields] = data.items[4]!;
    expect([c, n, category, name]).toEqual([1, 3, '政策文件', '重大决策草案']);
    expect(fields).toEqual(expect.arrayContaining(['重大决策草案', '决策依据', '《关于全面推进政务公开工作的意见》（中办发〔2016〕8号）', '区融媒体中心', '区级、镇级']));
  });

  test('hostile text cannot leave the data block; every link is relative; nothing is fetched', () => {
    expect(index.match(/<script/g)).toHaveLength(2);
    expect(index.match(/<\/script>/g)).toHaveLength(2);
    const json = /id="site-data">([\s\S]*?)<\/script>/.exec(index)![1]!;
    expect(json).not.toMatch(/[<>&]/);
    expect(searchData(index).items[8]![2]).toBe(HOSTILE.script);
    expect(searchData(index).items[8]![3]).toBe(HOSTILE.img);
    for (const page of site.values()) {
      // (the data block is JSON text, never markup: <img src=x …> in it is inert)
      const html = page.replace(/<script type="application\/json"[\s\S]*?<\/script>/, '');
      expect(html).not.toMatch(/\ssrc=|<link|@import|url\(/);
      for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1], m[1]).toMatch(/^(?!\/|[a-z]+:)|^https?:\/\/(evil|x|www)\.example/);
    }
  });

  test('the index\'s CSP allows exactly its style and script, by hash', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(index)![1]!;
    const hash = (s: string): string => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const css = /<style>([\s\S]*?)<\/style>/.exec(index)![1]!;
    const js = /<script>([\s\S]*?)<\/script>/.exec(index)![1]!;
    expect(csp).toBe(`default-src 'none'; style-src ${hash(css)}; script-src ${hash(js)}; img-src 'none'; base-uri 'none'; form-action 'none'`);
  });
});
