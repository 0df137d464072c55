// The one applier of edits (findings/fix.ts) and where a fix goes in a cell (fix/apply.ts): sorted by
// position, overlaps skipped and returned, a fix applied whole or not at all, rich-text runs kept.
import { describe, expect, it } from 'vitest';
import { applyEdits, applyFixes, editRuns, fixSpan, replaceAll, replaceRange, deleteRanges } from '../../src/findings/fix.js';
import { placeFix } from '../../src/fix/apply.js';
import { findWenhao } from '../../src/validate/rules/wenhao.js';

describe('applyEdits', () => {
  it('applies edits given in any order at their own offsets', () => {
    const r = applyEdits('a[1]b[2]c', [
      { start: 5, end: 8, text: '〔2〕' },
      { start: 1, end: 4, text: '〔1〕' },
    ]);
    expect(r.text).toBe('a〔1〕b〔2〕c');
    expect(r.applied.map((e) => e.start)).toEqual([1, 5]);
    expect(r.skipped).toEqual([]);
  });

  it('skips an edit that overlaps one applied before it, and says so', () => {
    const first = { start: 0, end: 4, text: 'X' };
    const second = { start: 2, end: 6, text: 'Y' };
    const r = applyEdits('abcdefgh', [second, first]);
    expect(r.text).toBe('Xefgh');
    expect(r.applied).toEqual([first]);
    expect(r.skipped).toEqual([second]);
  });

  it('applies touching edits, skips a second insertion at the same point and an edit outside the text', () => {
    const r = applyEdits('abc', [
      { start: 0, end: 1, text: '' },
      { start: 1, end: 2, text: 'B' },
      { start: 3, end: 3, text: '!' },
      { start: 3, end: 3, text: '?' },
      { start: 2, end: 9, text: '' },
    ]);
    expect(r.text).toBe('Bc!');
    expect(r.skipped.map((e) => e.text)).toEqual(['', '?']);
  });
});

describe('applyFixes', () => {
  it('applies a fix with all its edits or not at all', () => {
    // Fix 0 deletes both edge spaces; fix 1 overlaps its second edit. Fix 0 could be applied only in part,
    // so it gives way whole: never one edge trimmed and the other not.
    const text = ' 国办发[2019]54号 ';
    const trim = deleteRanges(text, [[0, 1], [text.length - 1, text.length]]);
    const greedy = replaceRange(text, 10, text.length, '54号');
    const r = applyFixes(text, [trim, greedy]);
    expect(r).toEqual({ text: ' 国办发[2019]54号', applied: [1], skipped: [0] });
  });

  it('takes out a fix that could be applied only in part, and applies the others again', () => {
    const text = 'abcdef';
    const a = replaceRange(text, 0, 2, 'A');
    // b's first edit overlaps a, its second does not: b is out, c (overlapping b's second) now applies.
    const b = { expected: text, edits: [{ start: 1, end: 3, text: 'B' }, { start: 4, end: 5, text: 'b' }] };
    const c = replaceRange(text, 4, 6, 'C');
    expect(applyFixes(text, [a, b, c])).toEqual({ text: 'AcdC', applied: [0, 2], skipped: [1] });
  });
});

describe('placeFix', () => {
  it('fixes the same 文号 written twice in one citation at both places', () => {
    const text = '《意见》（国办发[2019]54号）、《通知》（国办发[2019]54号）';
    const fixes = findWenhao(text).map((h) => replaceRange(text, h.index, h.index + h.found.length, h.fixed));
    expect(fixes.map((f) => f.edits[0]!.start)).toEqual([5, 24]);
    const placed = fixes.map((f) => placeFix(text, f)!);
    expect(applyFixes(text, placed.map((edits) => ({ edits }))).text).toBe('《意见》（国办发〔2019〕54号）、《通知》（国办发〔2019〕54号）');
  });

  it('places a citation’s fix on every line of the cell that is that citation, and nowhere when none is', () => {
    const cell = '《条例》\n《意见》（中办发[2016]8号）\n《意见》（中办发[2016]8号）';
    const fix = replaceRange('《意见》（中办发[2016]8号）', 5, 16, '中办发〔2016〕8号');
    expect(applyEdits(cell, placeFix(cell, fix)!).text).toBe('《条例》\n《意见》（中办发〔2016〕8号）\n《意见》（中办发〔2016〕8号）');
    expect(placeFix('《条例》（中办发[2016]8号）', fix)).toBeUndefined();
  });
});

describe('editRuns', () => {
  it('edits inside runs keep the runs; an edit across runs gives undefined', () => {
    expect(editRuns(['说明：', '参照中办发[2016]8号'], [{ start: 5, end: 16, text: '中办发〔2016〕8号' }])).toEqual(['说明：', '参照中办发〔2016〕8号']);
    expect(editRuns(['ab', 'cd'], [{ start: 2, end: 2, text: '-' }])).toEqual(['ab-', 'cd']);
    expect(editRuns(['ab', 'cd'], [{ start: 1, end: 3, text: '' }])).toBeUndefined();
  });
});

describe('fixSpan', () => {
  it('is the replaced fragment, or the whole text when the fix only deletes', () => {
    expect(fixSpan(replaceRange('《意见》（中办发[2016]8号）', 5, 16, '中办发〔2016〕8号'))).toEqual({ from: '中办发[2016]8号', to: '中办发〔2016〕8号' });
    expect(fixSpan(deleteRanges(' 法律法规 ', [[0, 1], [5, 6]]))).toEqual({ from: ' 法律法规 ', to: '法律法规' });
    expect(fixSpan(replaceAll('责任主体', '公开主体'))).toEqual({ from: '责任主体', to: '公开主体' });
  });
});
