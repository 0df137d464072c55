// Sorting (click a column's heading) and filtering (text, verdict) for the roll-up page. Progressive: the
// tables are complete without it; it only reorders and hides rows.
(function () {
  'use strict';
  function text(cell) { return cell ? cell.textContent.trim() : ''; }
  function sortable(table) {
    var body = table.tBodies[0];
    var heads = table.tHead.rows[0].cells;
    var buttons = table.querySelectorAll('button.sort');
    for (var b = 0; b < buttons.length; b++) {
      buttons[b].addEventListener('click', function (e) {
        var button = e.currentTarget;
        var col = Number(button.getAttribute('data-col'));
        var num = button.getAttribute('data-num') === '1';
        var th = button.parentNode;
        var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
        for (var h = 0; h < heads.length; h++) heads[h].removeAttribute('aria-sort');
        th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (x, y) {
          var a = text(x.cells[col]);
          var c = text(y.cells[col]);
          if (num) return dir * ((a === '' ? -1 : Number(a)) - (c === '' ? -1 : Number(c)));
          return dir * a.localeCompare(c, 'zh-CN');
        });
        for (var r = 0; r < rows.length; r++) body.appendChild(rows[r]);
      });
    }
  }
  var tables = document.querySelectorAll('table.sortable');
  for (var t = 0; t < tables.length; t++) sortable(tables[t]);

  var form = document.getElementById('controls');
  var input = document.getElementById('q');
  var verdict = document.getElementById('verdict');
  var count = document.getElementById('count');
  var files = document.getElementById('files');
  if (!form || !input || !verdict || !count || !files) return;
  form.hidden = false;
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  function apply() {
    var q = input.value.trim().toLowerCase();
    var v = verdict.value;
    var rows = files.tBodies[0].rows;
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var hit = (!q || row.textContent.toLowerCase().indexOf(q) >= 0) && (!v || row.getAttribute('data-verdict') === v);
      row.hidden = !hit;
      if (hit) shown++;
    }
    count.textContent = '显示 ' + shown + ' / ' + rows.length + ' 个文件';
  }
  input.addEventListener('input', apply);
  verdict.addEventListener('change', apply);
  apply();
})();
