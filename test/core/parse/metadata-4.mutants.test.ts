/**
 * metadata.ts, fourth round (seed-13 sample): the Chinese form of a byline's name, read from
 * the item right after it, is trimmed before it is checked and kept (an item that ends before
 * a bar has a space before that bar).
 */
import { describe, expect, it } from 'vitest';
import { parseMetaLine } from '../../../lambdas/core/parse/metadata.js';

describe('a romanized byline followed by its Chinese form and more items', () => {
  it('the Chinese name between two bars is kept (a date after it)', () => {
    expect(parseMetaLine('By Ana Reyes | 雷安娜 | 2025-03-01 | Photo: Li Wei')?.authors).toEqual(['Ana Reyes', '雷安娜']);
  });
  it('with a site name after it the item ends in a space before the bar, which is trimmed', () => {
    expect(parseMetaLine('Source: Harbour Daily  By Ana Reyes | 雷安娜 | Harbour Daily')).toEqual({
      source: 'Harbour Daily',
      author: 'Ana Reyes',
      authors: ['Ana Reyes', '雷安娜'],
    });
  });
  it('a Chinese name that ends at the line end needs no trimming and is kept too', () => {
    expect(parseMetaLine('By Ana Reyes ｜ 雷安娜  2025-03-01')?.authors).toEqual(['Ana Reyes', '雷安娜']);
  });
  it('a Chinese byline takes no second Chinese name from the item after it', () => {
    expect(parseMetaLine('Source: Harbour Daily  By 雷安娜 | 李伟 | Harbour Daily')?.authors).toEqual(['雷安娜']);
  });
});
