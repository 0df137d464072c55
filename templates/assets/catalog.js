// Search and category filter for the catalog page. Progressive: the table is complete without it.
(function () {
  'use strict';
  var form = document.getElementById('controls');
  var input = document.getElementById('q');
  var select = document.getElementById('category');
  var count = document.getElementById('count');
  var empty = document.getElementById('empty');
  if (!form || !input || !select || !count || !empty || typeof zwgkSearch === 'undefined') return;
  var fold = zwgkSearch.fold;

  // Groups by id, and one entry per item: its <tbody>, its group and its folded text (category and
  // every cell, one per line).
  var groups = {};
  var groupList = [];
  var heads = document.querySelectorAll('tbody.group');
  for (var g = 0; g < heads.length; g++) {
    var heading = heads[g].querySelector('.group-name');
    var group = { body: heads[g], name: heading ? fold(heading.textContent) : '', shown: 0 };
    groups[heads[g].getAttribute('data-group')] = group;
    groupList.push(group);
  }
  var items = [];
  var bodies = document.querySelectorAll('tbody.item');
  for (var i = 0; i < bodies.length; i++) {
    var itemGroup = groups[bodies[i].getAttribute('data-group')];
    var cells = bodies[i].querySelectorAll('td');
    var parts = [itemGroup ? itemGroup.name : ''];
    for (var c = 0; c < cells.length; c++) parts.push(fold(cells[c].textContent));
    items.push({ body: bodies[i], group: itemGroup, groupId: bodies[i].getAttribute('data-group'), text: parts.join('\n') });
  }
  var total = items.length;

  function apply() {
    var q = zwgkSearch.query(input.value);
    var wanted = select.value;
    var shown = 0;
    for (var k = 0; k < groupList.length; k++) groupList[k].shown = 0;
    for (var n = 0; n < items.length; n++) {
      var item = items[n];
      var ok = (!wanted || item.groupId === wanted) && zwgkSearch.matches(item.text, q);
      // A class, not `hidden`: the CSS collapses the rows and keeps every column's width.
      item.body.classList.toggle('off', !ok);
      if (ok) {
        shown++;
        if (item.group) item.group.shown++;
      }
    }
    for (var m = 0; m < groupList.length; m++) groupList[m].body.classList.toggle('off', groupList[m].shown === 0);
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
