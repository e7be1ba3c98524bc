/**
 * Sentence aligner (lambdas/core/parse/sentence-align.ts), from the survivors of the seed-7
 * mutation sample: the one-to-one fast path against the full DP (its lengths of Chinese text,
 * Han, Latin and extension-B characters), untranslated sentences at a segment's start, a
 * many-to-many bead left unrefined, mark costs of a bead, whole-word Latin anchors in English
 * (few and many words), Chinese digits with thousands commas, quotes and bare numerals.
 * Every text is written for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { SentenceBead } from '../../../lambdas/core/article.js';
import { alignSentences, alignUnits, segmentModel, textAnchors } from '../../../lambdas/core/parse/sentence-align.js';

const pairs = (beads: SentenceBead[]) => beads.map((b) => [b.en, b.zh]);
const oneToOne = (en: string[], zh: string[]) => en.map((e, k) => [[e], [zh[k]]]);

describe('as many sentences a side with clear lengths: taken one to one, anchors unread', () => {
  // The numbers cross (the first English sentence's boats are the second Chinese one's): the
  // full DP would join all four into one 2-2 bead, which the fast path never looks at.
  const en = ['Officials counted 45, 46 and 47 boats in the northern harbour on the first morning of the festival.', 'By evening, another 12, 13 and 14 vessels had arrived from the coastal towns further to the south.'];
  const zh = ['官员们在节日第一天早上清点了北部港口的12、13和14艘船只数量。', '到了晚上，又有45、46和47艘船从更南边的沿海城镇陆续抵达了这里。'];

  it('the DP alone would take a 2-2 bead here', () => {
    expect(alignUnits(segmentModel(en, zh))).toEqual([{ e0: 0, e1: 2, z0: 0, z1: 2 }]);
  });

  it('pairs them one to one (Han characters measured at their ratio)', () => {
    expect(pairs(alignSentences(en, zh))).toEqual(oneToOne(en, zh));
  });

  it('counts the Latin letters of a Chinese sentence into its length', () => {
    const en2 = ['Greenpeace International and the Worldwide Fund counted 45, 46 and 47 boats in the harbour.', 'By evening, another 12, 13 and 14 vessels had arrived from the coastal towns further to the south.'];
    const zh2 = ['Greenpeace International和Worldwide Fund清点了港口的12、13和14艘船。', '到了晚上，又有45、46和47艘船从更南边的沿海城镇陆续抵达了这里。'];
    expect(pairs(alignSentences(en2, zh2))).toEqual(oneToOne(en2, zh2));
  });

  it('counts an extension-B character (a surrogate pair) once into its length', () => {
    const en3 = ['Officials counted 45, 46 and 47 boats in the northern harbour on the first morning of the festival.', 'By evening, another 12, 13 and 14 vessels had arrived from the coastal towns further to the south.'];
    const zh3 = ['官员们清点了𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉𠀊𠀋𠀌𠀍𠀎𠀏𠀐𠀑𠀒𠀓𠀔𠀕𠀖𠀗的12、13和14艘。', '到了晚上，又有45、46和47艘船从更南边的沿海城镇陆续抵达了这里。'];
    expect(pairs(alignSentences(en3, zh3))).toEqual(oneToOne(en3, zh3));
  });
});
