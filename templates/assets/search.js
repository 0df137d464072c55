// Search text folding shared by the catalog page and the site index: a query matches however a 文号 or
// a name was typed. Full-width and half-width forms are one (NFKC), case and white space are ignored,
// and every kind of bracket a 文号 year is written with — 〔〕 ［］ [] （） () ﹝﹞ 【】 — counts as one.
var zwgkSearch = (function () {
  'use strict';
  var OPEN = /[(\[{\u3014\u3018\u3010\u3016\u301a\u2985\uff5f\u27e6]/g;
  var CLOSE = /[)\]}\u3015\u3019\u3011\u3017\u301b\u2986\uff60\u27e7]/g;
  var SPACE = /\s+/g;

  function fold(text) {
    var s = String(text == null ? '' : text);
    if (s.normalize) s = s.normalize('NFKC');
    return s.toLowerCase().replace(SPACE, '').replace(OPEN, '(').replace(CLOSE, ')');
  }

  // A query as what it must match: each space-separated word (all must occur), or the whole query
  // with its spaces removed (a 文号 pasted from a PDF: 国 办 发 〔 2018 〕 118 号).
  function query(text) {
    var words = [];
    var parts = String(text == null ? '' : text).split(SPACE);
    for (var i = 0; i < parts.length; i++) {
      var w = fold(parts[i]);
      if (w) words.push(w);
    }
    return { words: words, whole: fold(text) };
  }

  // Whether folded text (fields joined by line breaks, so no match runs across two fields) matches.
  function matches(folded, q) {
    if (!q.words.length) return true;
    if (q.words.length > 1 && folded.indexOf(q.whole) !== -1) return true;
    for (var i = 0; i < q.words.length; i++) if (folded.indexOf(q.words[i]) === -1) return false;
    return true;
  }

  return { fold: fold, query: query, matches: matches };
})();
