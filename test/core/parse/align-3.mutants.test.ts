/**
 * align.ts, third round (seed-9 sample): the block band's half-width term by term, and the
 * day number beside "May"/"March" on either side. Texts written here.
 */
import { describe, expect, it } from 'vitest';
import { alignParagraphs, blockBandHalfWidth, keptWordIds, numbers, type Para } from '../../../lambdas/core/parse/align.js';

describe('blockBandHalfWidth', () => {
  // min(max(BAND_MIN 12, ceil(|n - m| + 0.2·max(n, m))), 100 + ceil(m / max(1, n))), worked by hand.
  it.each([
    // Equal sides: the slack of the longer side alone, 0.2 · 100.
    [100, 100, 20],
    // 7 + 0.2 · 57 = 18.4, rounded up; English the shorter side.
    [50, 57, 19],
    // The same with English the longer side.
    [57, 50, 19],
    // 10 + 0.2 · 60 = 22: the longer side's slack, not the shorter's (10 + 10).
    [60, 50, 22],
    // 1 + 12.2 = 13.2 → 14, just over the minimum.
    [61, 60, 14],
    // 3 + 2.6 → 6: the minimum holds.
    [10, 13, 12],
    [5, 5, 12],
    // 293 + 60 = 353 is capped at 100 + ceil(300 / 7) = 100 + 43.
    [7, 300, 143],
  ])('(%i, %i) → %i', (n, m, w) => {
    expect(blockBandHalfWidth(n, m)).toBe(w);
  });
});

describe('numbers: "May" and "March" only beside a day number', () => {
  it.each([
    ['Talks resume May 11.', ['5', '11']],
    ['On 11 May, talks resume.', ['5', '11']],
    // Several spaces of any kind between.
    ['Talks resume May\t 11.', ['5', '11']],
    ['It ended on 5  March.', ['3', '5']],
    // Punctuation between is not a day number beside it.
    ['Talks resume May, 11 say.', ['11']],
    ['It ended 5, March said.', ['5']],
    // Nothing beside it at either end of the text.
    ['May', []],
    // Digits at both ends of their range.
    ['Talks resume May 9.', ['5', '9']],
    ['It ended on 30 March.', ['3', '30']],
    // Other month names need no day beside them.
    ['They met in October and again in June.', ['10', '6']],
    ['March on', []],
    ['we march. March', []],
    ['  May  ', []],
  ] as const)('%j → %j', (text, nums) => {
    expect(numbers(text, true)).toEqual(nums);
  });
});

describe('alignParagraphs: exact ties go to the first bead kind (1-1, 1-2, 2-1, 1-0, 0-1)', () => {
  const E = (text: string): Para => ({ text, lang: 'en' });
  const Z = (text: string): Para => ({ text, lang: 'zh' });
  const pairs = (paras: Para[]) => alignParagraphs(paras).beads.map((b) => [b.en, b.zh]);

  it('on a block page: a repeated English paragraph, its translation once; the later copy takes it (1-1 over 1-0)', () => {
    // 'the ship' (8 characters) against '船只' (3.5 · 2 + 1 = 8): no length cost, no anchors, so
    // pairing either copy costs exactly the same; the cell keeps 1-1 over a closing 1-0.
    expect(pairs([E('Xyzwvutsrqponmlkjihg ship'), E('the ship'), E('the ship'), Z('船只')])).toEqual([
      [[0], []],
      [[1], []],
      [[2], [3]],
    ]);
  });

  // Two Chinese halves around two copies of their English: either copy can take both halves
  // (a 1-2 whose halves overlap, facing cost 3 whatever the lead) at exactly the same cost.
  // Each half holds one 20-letter name the English holds too (anchors all matched), and the
  // lengths add up exactly: 3.5 · 20 + 0.85 · 20 + 1 = 88 a half, 176 the English.
  const a = 'Quarterbackingsmiths';
  const b = 'Overcapitalizationsx';
  const han = '船只返航官员表示风暴过后船只返航官员表示';
  const en = `${a} ${b} ${'the ship sailed home after the storm and officials said '.repeat(3)}`.slice(0, 176);
  const tail = [Z(`${a}${han}`), E(en), E(en), Z(`${b}${han}`)];

  it('with the Chinese lead (a pair shown Chinese first): the later copy takes the halves (1-2 over 1-0)', () => {
    expect(en.length).toBe(176);
    const r = alignParagraphs([Z('船只返航'), E('the ship sailed'), ...tail]);
    expect(r.beads.map((x) => [x.en, x.zh])).toEqual([
      [[1], [0]],
      [[3], []],
      [[4], [2, 5]],
    ]);
  });

  it('and the same with the English lead', () => {
    expect(pairs([E('the ship sailed'), Z('船只返航'), ...tail])).toEqual([
      [[0], [1]],
      [[3], []],
      [[4], [2, 5]],
    ]);
  });
});

describe('keptWordIds: whole words only, in every text, by either search', () => {
  const texts = ['ship', 'the ship', 'shipx ship.', 'co-ship', 'x.ship', '-ship', 'ship-', 'ship-x', 'ship.x', 'ships', 'aship', 'a.b ship', 'The uks plan', 'u.s and x-ray', 'a', 'x a', 'b-a', 'a.b'];
  const words = ['ship', 'u.s', 'a', 'x-ray', 'b', 'pi'];
  // 'ship' at either end of a text, before a lone '.' or '-', never joined to a letter by one
  // ('co-ship', 'x.ship', 'ship-x', 'ship.x') or inside a word; 'u.s' is not 'uks'; 'a' and 'b' alone
  // only (not in 'a.b' or 'b-a'), found in the last text as in the others; 'pi' nowhere.
  const expected = [[0], [0], [0], [], [], [0], [0], [], [], [], [], [0], [], [1, 3], [2], [2], [], []];

  it('searching the joined page word by word', () => {
    expect(keptWordIds(texts, words)).toEqual(expected);
  });

  it('reading each text once (more words than the search maximum)', () => {
    expect(keptWordIds(texts, words, words.length - 1)).toEqual(expected);
  });

  it('the same when the word list is exactly the search maximum (joined search)', () => {
    expect(keptWordIds(texts, words, words.length)).toEqual(expected);
  });

  it('a short word in the first and last texts only', () => {
    expect(keptWordIds(['a boat', 'the cat', 'by a'], ['a'])).toEqual([[0], [], [0]]);
    expect(keptWordIds(['a boat', 'the cat', 'by a'], ['a'], 0)).toEqual([[0], [], [0]]);
  });

  it('a word whose rarest letter is its first, at the very start of the page', () => {
    // 'boat': b is its rarest letter, so the search runs from the word's first letter.
    expect(keptWordIds(['boat rides', 'a boat'], ['boat'])).toEqual([[0], [0]]);
  });

  it('the letters before the rarest one must match too', () => {
    // 'p' is the rarest letter of 'ship': 'chip' ends the same way and is a whole word.
    expect(keptWordIds(['the chip', 'a ship'], ['ship'])).toEqual([[], [0]]);
  });

  it('a long word in the first and last texts only, and twice in one', () => {
    expect(keptWordIds(['ship ship', 'hips', 'ship'], ['ship'])).toEqual([[0], [], [0]]);
  });
});

describe('numbers: the plain-digits shortcut at its bounds', () => {
  it.each([
    // 15 and 16 digits stay as written; 17 are past doubles' exact integers.
    ['123456789012345', ['123456789012345']],
    ['1234567890123456', ['1234567890123456']],
    ['12345678901234567', ['12345678901234568']],
    ['0', ['0']],
    ['007', ['7']],
    ['0.5', ['0.5']],
    ['12,345', ['12345']],
    ['12 million', ['12', '12000000']],
  ] as const)('%s → %j', (text, nums) => {
    expect(numbers(text, true)).toEqual(nums);
  });
});
