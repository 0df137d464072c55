// Search and category filter for the catalog page. Progressive: the table is complete without it.
(function () {
  'use strict';
  var form = document.getElementById('controls');
  var input = document.getElementById('q');
  var select = document.getElementById('category');
  var count = document.getElementById('count');
  var empty = document.getElementById('empty');
  if (!form || !input || !select || !count || !empty) return;

  // One entry per item: its rows, its group and the lower-cased text of every field (and its category).
  var groups = [];
  var items = [];
  var bodies = document.querySelectorAll('tbody.group');
  for (var g = 0; g < bodies.length; g++) {
    var body = bodies[g];
    var heading = body.querySelector('.group-name');
    var groupText = heading ? heading.textContent : '';
    var group = { body: body, id: body.getAttribute('data-group'), shown: 0 };
    groups.push(group);
    var byId = {};
    var rows = body.querySelectorAll('tr.item');
    for (var r = 0; r < rows.length; r++) {
      var id = rows[r].getAttribute('data-item');
      if (!byId[id]) {
        byId[id] = { rows: [], text: groupText, group: group };
        items.push(byId[id]);
      }
      byId[id].rows.push(rows[r]);
      byId[id].text += '\n' + rows[r].textContent;
    }
  }
  for (var i = 0; i < items.length; i++) items[i].text = items[i].text.toLowerCase();
  var total = items.length;

  function apply() {
    var terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = select.value;
    var shown = 0;
    for (var k = 0; k < groups.length; k++) groups[k].shown = 0;
    for (var n = 0; n < items.length; n++) {
      var item = items[n];
      var ok = !wanted || item.group.id === wanted;
      for (var t = 0; ok && t < terms.length; t++) ok = item.text.indexOf(terms[t]) !== -1;
      for (var j = 0; j < item.rows.length; j++) item.rows[j].hidden = !ok;
      if (ok) {
        shown++;
        item.group.shown++;
      }
    }
    for (var m = 0; m < groups.length; m++) groups[m].body.hidden = groups[m].shown === 0;
    count.textContent = shown === total ? '共 ' + total + ' 项' : '显示 ' + shown + ' 项，共 ' + total + ' 项';
    empty.hidden = shown !== 0;
  }

  input.addEventListener('input', apply);
  select.addEventListener('change', apply);
  form.addEventListener('submit', function (e) {
    e.preventDefault();
  });
  form.hidden = false;
  apply();
})();
