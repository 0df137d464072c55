// Search across every catalog of the site, on the index page. The items come from the JSON data block
// (no request: this works from file:// as from a web server); each result links to its item on its
// catalog's page (#item-N). Results are built with textContent only, never as markup.
(function () {
  'use strict';
  var form = document.getElementById('controls');
  var input = document.getElementById('q');
  var count = document.getElementById('count');
  var results = document.getElementById('results');
  var source = document.getElementById('site-data');
  if (!form || !input || !count || !results || !source || typeof zwgkSearch === 'undefined') return;
  var data;
  try {
    data = JSON.parse(source.textContent || '{}');
  } catch (e) {
    return;
  }
  var LIMIT = 100;
  var fold = zwgkSearch.fold;
  var catalogs = data.catalogs || [];
  // Each item: [catalog index, item number, category, name, other field texts]; folded text kept.
  var items = [];
  var raw = data.items || [];
  for (var i = 0; i < raw.length; i++) {
    var it = raw[i];
    var parts = [fold(it[2]), fold(it[3])];
    for (var f = 0; f < it[4].length; f++) parts.push(fold(it[4][f]));
    items.push({ catalog: catalogs[it[0]], number: it[1], category: it[2], name: it[3], text: parts.join('\n') });
  }

  function apply() {
    var q = zwgkSearch.query(input.value);
    while (results.firstChild) results.removeChild(results.firstChild);
    if (!q.words.length) {
      results.hidden = true;
      count.textContent = '';
      return;
    }
    var found = 0;
    for (var n = 0; n < items.length; n++) {
      var item = items[n];
      if (!item.catalog || !zwgkSearch.matches(item.text, q)) continue;
      found++;
      if (found > LIMIT) continue;
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = item.catalog.href + '#item-' + item.number;
      a.textContent = item.name || '（未填名称）';
      var where = document.createElement('span');
      where.className = 'where';
      where.textContent = item.catalog.title + ' › ' + item.category;
      li.appendChild(a);
      li.appendChild(where);
      results.appendChild(li);
    }
    if (found > LIMIT) {
      var more = document.createElement('li');
      more.className = 'more';
      more.textContent = '只列出前 ' + LIMIT + ' 项，请输入更多关键词缩小范围';
      results.appendChild(more);
    }
    results.hidden = found === 0;
    count.textContent = found ? '找到 ' + found + ' 个事项' : '没有找到匹配的事项';
  }

  input.addEventListener('input', apply);
  form.addEventListener('submit', function (e) {
    e.preventDefault();
  });
  form.hidden = false;
  apply();
})();
