// Search and category filter for the catalog page. Progressive: the table is complete without it.
// A large catalog comes in folded sections (<details>, one table each); a search opens the sections
// that have matches. What is printed after a search is the matches, unless the reader ticks 打印时也打印
// 未匹配的事项; folded sections are opened for printing and folded again after.
// A folded section's table is inside <noscript>: with scripts on, the browser keeps it as one text (no
// nodes to lay out or collect: 25 000 items as nodes cost seconds of garbage collection per search), and
// it becomes a table when the section is first opened; with scripts off it is a table from the start.
(function () {
  'use strict';
  var form = document.getElementById('controls');
  var input = document.getElementById('q');
  var select = document.getElementById('category');
  var count = document.getElementById('count');
  var empty = document.getElementById('empty');
  var printAll = document.getElementById('print-all');
  var printNote = document.getElementById('print-note');
  if (!form || !input || !select || !count || !empty || typeof zwgkSearch === 'undefined') return;
  var fold = zwgkSearch.fold;
  var sections = document.querySelectorAll('details.section');
  var total = Number(count.getAttribute('data-total')) || document.querySelectorAll('tbody.item').length;
  // Indexed items by their anchor (item-3), to give each its row group when its section is made.
  var itemsById = {};

  // A folded section's rows as the table they are, and each indexed item given its row group.
  function materialize(d) {
    var ns = d.querySelector('noscript.rows');
    if (!ns) return;
    var t = document.createElement('template');
    t.innerHTML = ns.textContent;
    ns.parentNode.replaceChild(t.content, ns);
    var bodies = d.querySelectorAll('tbody.item');
    for (var i = 0; i < bodies.length; i++) {
      var it = itemsById[bodies[i].id];
      if (!it) continue;
      it.body = bodies[i];
      if (it.off) it.body.classList.add('off');
    }
  }
  for (var m = 0; m < sections.length; m++) {
    sections[m].addEventListener('toggle', function (e) {
      if (e.target.open) materialize(e.target);
    });
  }

  // The items of a section still in its <noscript>, read from the markup (the same texts as from the
  // cells: tags dropped, the five escapes undone, each cell folded on its own line).
  var ITEM = /<tbody\s+class="item"\s+id="([^"]*)"\s+data-group="([^"]*)"[^>]*>([\s\S]*?)<\/tbody>/g;
  var TAG = /<[^>]*>/g;
  function unescape(s) {
    return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  }
  function markupItems(markup, box) {
    var out = [];
    var hit;
    ITEM.lastIndex = 0;
    while ((hit = ITEM.exec(markup))) {
      var cells = hit[3].split('</td>');
      var parts = [box.name];
      for (var c = 0; c < cells.length - 1; c++) parts.push(fold(unescape(cells[c].replace(TAG, ''))));
      out.push({ body: null, id: hit[1], box: box, groupId: hit[2], text: parts.join('\n'), off: false });
    }
    return out;
  }

  // Built after the page shows, a slice at a time between frames: reading and folding a million cells
  // at once would freeze a large catalog's page for seconds. A search typed before it is done waits.
  var items = [];
  var boxes = [];
  var ready = false;
  var waiting = [];
  function index() {
    var byId = {};
    var heads = sections.length ? sections : document.querySelectorAll('tbody.group');
    for (var g = 0; g < heads.length; g++) {
      var heading = heads[g].querySelector('.group-name');
      var box = { body: heads[g], name: heading ? fold(heading.textContent) : '', shown: 0 };
      boxes.push(box);
      if (!sections.length) byId[heads[g].getAttribute('data-group')] = box;
    }
    // Folded sections first, from their markup, a few a slice.
    var s = 0;
    function folded() {
      var until = Date.now() + 20;
      for (; s < sections.length && Date.now() < until; s++) {
        var ns = sections[s].querySelector('noscript.rows');
        if (!ns) continue;
        var found = markupItems(ns.textContent, boxes[s]);
        for (var f = 0; f < found.length; f++) {
          items.push(found[f]);
          itemsById[found[f].id] = found[f];
        }
      }
      if (s < sections.length) return void setTimeout(folded, 0);
      slice();
    }
    var bodies = document.querySelectorAll('tbody.item');
    var at = 0;
    function slice() {
      var until = Date.now() + 20;
      for (; at < bodies.length && Date.now() < until; at++) {
        var body = bodies[at];
        var owner = sections.length ? boxes[sectionIndex(body)] : byId[body.getAttribute('data-group')];
        var cells = body.querySelectorAll('td');
        var parts = [owner ? owner.name : ''];
        for (var c = 0; c < cells.length; c++) parts.push(fold(cells[c].textContent));
        if (itemsById[body.id]) continue;
        items.push({ body: body, id: body.id, box: owner, groupId: body.getAttribute('data-group'), text: parts.join('\n'), off: false });
      }
      if (at < bodies.length) return void setTimeout(slice, 0);
      ready = true;
      for (var w = 0; w < waiting.length; w++) waiting[w]();
      waiting = [];
    }
    folded();
  }
  function whenReady(job) {
    if (ready) job();
    else if (waiting.indexOf(job) < 0) waiting.push(job);
  }
  function sectionIndex(body) {
    var d = body.closest('details');
    return d ? Number(d.id.replace('section-', '')) : -1;
  }

  var filtered = false;
  var run = 0;
  function apply() {
    if (!ready) return whenReady(apply);
    var q = zwgkSearch.query(input.value);
    var wanted = select.value;
    filtered = q.words.length > 0 || wanted !== '';
    var shown = 0;
    var changes = [];
    for (var k = 0; k < boxes.length; k++) boxes[k].shown = 0;
    for (var n = 0; n < items.length; n++) {
      var item = items[n];
      var ok = (!wanted || item.groupId === wanted) && zwgkSearch.matches(item.text, q);
      // Only what changes is written (25 000 class writes per key stalled the page for seconds).
      if (item.off === ok) changes.push(item);
      if (ok) {
        shown++;
        if (item.box) item.box.shown++;
      }
    }
    count.textContent = shown === total ? '共 ' + total + ' 项' : '显示 ' + shown + ' 项，共 ' + total + ' 项';
    empty.hidden = shown !== 0;
    if (printNote) {
      var words = input.value.trim();
      var what = [wanted ? select.options[select.selectedIndex].text.replace(/（\d+项）$/, '') : '', words ? '“' + words + '”' : ''].filter(Boolean).join('、');
      printNote.textContent = '本打印件只含' + what + '的 ' + shown + ' 项（共 ' + total + ' 项）';
      printNote.hidden = !filtered || (printAll && printAll.checked);
    }
    // The rows and sections change a slice per frame, so the page answers meanwhile; a newer search
    // stops an older one's slices.
    var mine = ++run;
    var at = 0;
    var box = 0;
    function step() {
      if (mine !== run) return;
      var until = Date.now() + 30;
      for (; at < changes.length && Date.now() < until; at++) {
        var it = changes[at];
        it.off = !it.off;
        // A class, not `hidden`: in one table the CSS collapses the rows and keeps every column's width.
        // A row of a section still folded in its markup gets it when the section is opened.
        if (it.body) it.body.classList.toggle('off', it.off);
      }
      // Opening a section lays it out after this script, so at most two are opened a frame.
      for (var opened = 0; at >= changes.length && box < boxes.length && opened < 2 && Date.now() < until; box++) {
        var b = boxes[box];
        b.body.classList.toggle('off', b.shown === 0);
        // A search opens the sections it found something in; clearing it folds them again.
        var open = sections.length > 0 && filtered && b.shown > 0;
        if (sections.length && b.body.open !== open) {
          b.body.open = open;
          if (open) opened++;
        }
      }
      if (at < changes.length || box < boxes.length) requestAnimationFrame(step);
      // What the table shows now answers this query (for assistive tools and tests to wait on).
      else count.setAttribute('data-query', input.value + '|' + wanted);
    }
    step();
  }

  // Typing is answered once it pauses (a large catalog takes a while to lay out again), a choice at once.
  var typing = 0;
  input.addEventListener('input', function () {
    clearTimeout(typing);
    typing = setTimeout(apply, total > 2000 ? 300 : 80);
  });
  select.addEventListener('change', apply);
  if (printAll) {
    printAll.addEventListener('change', function () {
      document.documentElement.classList.toggle('print-all', printAll.checked);
      if (printNote) printNote.hidden = !filtered || printAll.checked;
    });
  }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
  });

  // Printing shows every section that has something to print, and folds back what was folded.
  var reopened = [];
  window.addEventListener('beforeprint', function () {
    reopened = [];
    var all = !filtered || (printAll && printAll.checked);
    for (var s = 0; s < sections.length; s++) {
      var d = sections[s];
      if (!d.open && (all || !d.classList.contains('off'))) {
        d.open = true;
        // The toggle event comes after printing has begun: the rows are made now.
        materialize(d);
        reopened.push(d);
      }
    }
  });
  window.addEventListener('afterprint', function () {
    for (var r = 0; r < reopened.length; r++) reopened[r].open = false;
    reopened = [];
  });

  // A link to one item (#item-3, from the site index) opens its section.
  function reveal() {
    var id = location.hash.slice(1);
    var target = id ? document.getElementById(id) : null;
    var d = target && target.closest ? target.closest('details') : null;
    if (!target && id) {
      // Still in a folded section's markup: the section that holds it.
      for (var s = 0; s < sections.length && !d; s++) {
        var ns = sections[s].querySelector('noscript.rows');
        if (ns && ns.textContent.indexOf('id="' + id + '"') >= 0) d = sections[s];
      }
      if (d) {
        materialize(d);
        target = document.getElementById(id);
      }
    }
    if (d && target && !d.open) {
      d.open = true;
      target.scrollIntoView();
    }
  }
  window.addEventListener('hashchange', reveal);
  reveal();
  form.hidden = false;
  setTimeout(index, 0);
})();
