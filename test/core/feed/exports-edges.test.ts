/**
 * Export and pinyin edges found by mutation testing: the TMX header without a date (exactly),
 * a readable date before 1970 still dates the file over an unreadable one, a TSV item with no
 * link function, and pinyin lines where two full-width marks follow each other. Expected
 * values worked out by hand from the rules in exports.ts and zh.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ExportItem } from '../../../lambdas/core/feed/exports.js';
import { renderTmx, renderTsv } from '../../../lambdas/core/feed/exports.js';
import { pinyinLine, type PinyinOf } from '../../../lambdas/core/feed/zh.js';

const chars: PinyinOf = (s) => Array.from(s, (c) => ({ text: c }));
const article: ExportItem['article'] = { id: 'a1', languages: ['en', 'zh'], segments: [{ en: ['A.'], zh: ['甲。'] }] };
const HEADER = '<header creationtool="duofeed" creationtoolversion="0.1.0" segtype="sentence" o-tmf="duofeed" adminlang="en" srclang="en" datatype="plaintext"';

describe('TMX header', () => {
  it('without a readable date has no creationdate at all', () => {
    expect(renderTmx([{ article }]).split('\n')[2]).toBe(`${HEADER}/>`);
    expect(renderTmx([{ article, updated: 'yesterday' }]).split('\n')[2]).toBe(`${HEADER}/>`);
  });
  it('is dated by the readable update even when it is before 1970', () => {
    expect(renderTmx([{ article, updated: 'yesterday' }, { article, updated: '1969-12-31T00:00:00Z' }]).split('\n')[2]).toBe(`${HEADER} creationdate="19691231T000000Z"/>`);
  });
});

describe('TSV', () => {
  it('an item without a link function leaves the link column empty', () => {
    expect(renderTsv([{ article }], chars).split('\n')[4]).toBe('A.\t甲。\t甲.\t\tduofeed-a1-p1s1');
  });
});

describe('pinyinLine with marks in a row', () => {
  it('no space before a run of closing marks, none after a run of opening marks', () => {
    expect(pinyinLine(chars('x，，y'))).toBe('x,, y');
    expect(pinyinLine(chars('x》》y'))).toBe('x»» y');
    expect(pinyinLine(chars('x（（y'))).toBe('x ((y');
    expect(pinyinLine(chars('x《《y'))).toBe('x ««y');
  });
});
