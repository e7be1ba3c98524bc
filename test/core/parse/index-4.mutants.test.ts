// Fourth round on lambdas/core/parse/index.ts: the sentence evidence of a pair is a SHARE of
// its sentence beads (one-sided ones; ones not 1-1), read here from the sentence beads the
// parser reports for the same segment, on a pair whose English holds a sentence the Chinese lacks.
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../../lambdas/core/parse/confidence.js';
import { parseArticle } from '../../../lambdas/core/parse/index.js';

const en1 = 'The night market on Canal Street will open two hours earlier this summer, the district office said on Friday. In 1998 the council of Riverton voted 12 to 3 to rename the whole quarter after the Mayflower Bakery and its owner, Harold McKinnon, who died in 2004. Stall holders must still close by midnight.';
const zh1 = '区政府周五表示，运河街夜市今年夏天将提前两小时开市。摊主仍须在午夜前收摊。';
const en2 = 'Officials expect about forty new stalls, most of them selling snacks, fruit and hand-made crafts.';
const zh2 = '官员预计将新增约四十个摊位，大多出售小吃、水果和手工艺品。';
const ODD = FEATURE_NAMES.indexOf('one-sided sentence share');
const UNEVEN = FEATURE_NAMES.indexOf('not 1-1 sentence share');

describe('sentence evidence of a pair', () => {
  it('is the share of its sentence beads that are one-sided, and that are not 1-1', () => {
    const r = parseArticle({ bytes: `<html><body><h1>Night market opens earlier</h1><h2>夜市提前开市</h2><p>${en1}</p><p>${zh1}</p><p>${en2}</p><p>${zh2}</p></body></html>`, explain: true });
    if (!r.ok) throw new Error(r.reason);
    const segs = r.article.segments;
    expect(segs.map((s) => `${s.en?.length ?? 0}-${s.zh?.length ?? 0}`)).toEqual(['1-1', '1-1']);
    const beads = segs[0]!.sentences!;
    expect(beads.length).toBeGreaterThan(1);
    const sizes = beads.map((b) => [b.en?.length ?? 0, b.zh?.length ?? 0] as const);
    const odd = sizes.filter(([e, z]) => e === 0 || z === 0).length;
    const uneven = sizes.filter(([e, z]) => e !== 1 || z !== 1).length;
    expect(odd).toBeGreaterThan(0);
    expect(r.features![0]![ODD]).toBeCloseTo(odd / beads.length, 12);
    expect(r.features![0]![UNEVEN]).toBeCloseTo(uneven / beads.length, 12);
    expect(r.features![0]![ODD]).toBeLessThan(1);
    // the clean pair after it: every sentence bead 1-1
    expect(r.features![1]![ODD]).toBe(0);
    expect(r.features![1]![UNEVEN]).toBe(0);
  });
});
