/**
 * split.ts, second round (seed-8 sample): a full stop glued to the first Han character, an
 * English part with no sentence end to cut at, and
 * raw line breaks ('\r') that cut a line only in HTML text, not in plain text.
 */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../lambdas/core/parse/html.js';
import { SOFT_BREAK, splitBlocks, splitByScript } from '../../../lambdas/core/parse/split.js';

const block = (lines: string[]): Block => ({ lines, tag: 'p', heading: 0, linkChars: 0, chars: lines.join('').length, chrome: false, container: 1 });

const EN = 'The new library opens its doors to readers on Monday morning.';
const ZH = '新图书馆将于周一上午向读者开放。';

describe('splitByScript', () => {
  it('a full stop right before the first Han character stays with the English', () => {
    expect(splitByScript(EN + ZH)).toEqual([EN, ZH]);
  });

  it('a straight quote after a space still opens the Chinese part', () => {
    expect(splitByScript(`${EN} "${ZH}"`)).toEqual([EN, `"${ZH}"`]);
  });
});

describe('splitByScript with no sentence end before the Chinese', () => {
  it('a long unended English part is cut where the Han starts', () => {
    expect(splitByScript('Local players and coaches gathered at the court before the game \u7403\u5458\u548c\u6559\u7ec3\u4eec\u5728\u6bd4\u8d5b\u524d\u805a\u96c6\u5728\u7403\u573a\u4e0a\u3002')).toEqual([
      'Local players and coaches gathered at the court before the game',
      '\u7403\u5458\u548c\u6559\u7ec3\u4eec\u5728\u6bd4\u8d5b\u524d\u805a\u96c6\u5728\u7403\u573a\u4e0a\u3002',
    ]);
  });

  it('a short unended one (likely a name in the Chinese) keeps the line whole', () => {
    const line = 'Local players and coaches gathered \u7403\u5458\u548c\u6559\u7ec3\u4eec\u5728\u6bd4\u8d5b\u524d\u805a\u96c6\u5728\u7403\u573a\u4e0a\u3002';
    expect(splitByScript(line)).toEqual([line]);
  });
});

describe('splitByScript when the English part already ends', () => {
  it('a colon before the Chinese ends the English: no earlier sentence end is sought', () => {
    const en = 'Crews finished the bridge today. The mayor told reporters this:';
    const zh = '\u5927\u6865\u7684\u5efa\u6210\u5c06\u65b9\u4fbf\u6570\u4e07\u5c45\u6c11\u51fa\u884c\u3002';
    expect(splitByScript(`${en} ${zh}`)).toEqual([en, zh]);
  });

  it('so does a closing bracket', () => {
    const en = 'Crews finished the bridge today. The mayor spoke at the opening (in Chinese)';
    const zh = '\u5927\u6865\u7684\u5efa\u6210\u5c06\u65b9\u4fbf\u6570\u4e07\u5c45\u6c11\u51fa\u884c\u3002';
    expect(splitByScript(`${en} ${zh}`)).toEqual([en, zh]);
  });
});

describe('splitBlocks and raw line breaks', () => {
  const line = `Readers may borrow six books${SOFT_BREAK}at a time from the first week.`;

  it('in HTML a raw line break cuts the line into pieces of one paragraph', () => {
    const units = splitBlocks([block([line])], false);
    expect(units.map((u) => u.text)).toEqual(['Readers may borrow six books at a time from the first week.']);
  });

  it('in plain text it is only a character of the line', () => {
    const units = splitBlocks([block([line])], true);
    expect(units.map((u) => u.text)).toEqual([line]);
    expect(units[0]!.lang).toBe('en');
  });

  it('in plain text a single-line paragraph after a blank line is one unit', () => {
    const units = splitBlocks([block([EN, '', ZH])], true);
    expect(units.map((u) => [u.text, u.lang])).toEqual([
      [EN, 'en'],
      [ZH, 'zh'],
    ]);
  });
});
