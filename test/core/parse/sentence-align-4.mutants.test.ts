/**
 * Sentence aligner (lambdas/core/parse/sentence-align.ts), third round from the seed-9
 * survivors in its second half: the cost model's terms one by one and exactly (the length
 * term's spread, the segment ratio, each anchor weight, each mark, paragraph crossings, the
 * most a Chinese unit can take off), the scratch grown for many anchors, a tie between
 * one-sided beads, the refinement's limit on clause pieces, and the Chinese lengths of the
 * one-to-one fast path at the edges of each Han range. Every text is written for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { SentenceBead } from '../../../lambdas/core/article.js';
import { alignSentences, alignUnits, type Model, segmentModel } from '../../../lambdas/core/parse/sentence-align.js';

const pairs = (beads: SentenceBead[]) => beads.map((b) => [b.en, b.zh]);
const sum = (a: ArrayLike<number>, from: number, to: number) => {
  let s = 0;
  for (let u = from; u < to; u++) s += a[u]!;
  return s;
};
/** What a bead costs beyond its length term: anchors, marks and paragraph crossings. */
const beyondLength = (model: Model, e0: number, e1: number, z0: number, z1: number) =>
  model.pair(e0, e1, model.zh, z0, z1) - model.length(sum(model.en.len, e0, e1), sum(model.zh.len, z0, z1));

describe('the marks scratch grows for a segment with many anchors', () => {
  // First in the file: the scratch starts at 64 entries, and 300 numbers need about 600.
  it('a number shared by 300 others in a bead counts once and as matched', () => {
    const nums = Array.from({ length: 300 }, (_, i) => String(i + 2));
    const model = segmentModel(['The last boat was number 301. Rain fell.'], [`编号${nums.join('、')}。第301号船也来了。下雨了。`]);
    // 301 matched once (-1.5), 299 numbers of the Chinese alone (+1.5 each).
    expect(beyondLength(model, 0, 1, 0, 2)).toBeCloseTo(-1.5 + 299 * 1.5, 9);
  });
});

describe('the length term', () => {
  const model = segmentModel(['The bridge opened on Monday. Residents cheered.'], ['大桥周一通车。居民们欢呼。']);
  // Laplace on ln((le + 2) / (ez + 2)), ez = ratio · lz, sigma² = 0.03 + 4 / ((le + ez) / 2 + 1).
  const plain = (le: number, lz: number) => {
    const ez = model.ratio * lz;
    return Math.abs(Math.log((le + 2) / (ez + 2))) / Math.sqrt(0.03 + 4 / ((le + ez) / 2 + 1));
  };
  it.each([
    [10, 0],
    [0, 10],
    [3, 0],
    [120, 7],
    [40, 30],
  ])('English %d against Chinese %d', (le, lz) => {
    expect(model.length(le, lz)).toBeCloseTo(plain(le, lz), 12);
  });

  it('is zero at the ratio, and a short pair off the ratio costs less than a long one as far off', () => {
    expect(model.length(0, 0)).toBe(0);
    expect(model.length(10 * model.ratio, 10)).toBeCloseTo(0, 12);
    expect(model.length(2 * (8 * model.ratio + 2) - 2, 8)).toBeLessThan(model.length(2 * (80 * model.ratio + 2) - 2, 80));
  });

  it('10 English characters against nothing: ln 6 over sigma = √(0.03 + 4/6)', () => {
    expect(model.length(10, 0)).toBeCloseTo(Math.log(6) / Math.sqrt(0.03 + 4 / 6), 12);
  });
});

describe('the segment ratio', () => {
  it('(English length + 120) / (Chinese length + 120), over this segment only', () => {
    // A longer segment first leaves longer scratch behind.
    segmentModel(['One boat came. Two boats came. Three boats came. Four came.'], ['一艘船来了。两艘船来了。三艘船来了。四艘。']);
    const model = segmentModel(['The bridge opened. Residents cheered.'], ['大桥通车。居民欢呼。']);
    expect([model.en.n, model.zh.n]).toEqual([2, 2]);
    expect(sum(model.en.len, 0, 2)).toBe('The bridge opened.'.length + 'Residents cheered.'.length);
    expect(sum(model.zh.len, 0, 2)).toBe(3.5 * 8);
    expect(model.ratio).toBeCloseTo((36 + 120) / (28 + 120), 12);
  });
});

describe('the anchor term of a bead, weight by weight', () => {
  it.each([
    ['a number on both sides', ['The 45 boats came.'], ['45艘船来了。'], -1.5],
    ['a number in the Chinese only', ['The boats came.'], ['45艘船来了。'], 1.5],
    ['a Latin word on both sides', ['NATO met.'], ['NATO开会。'], -1.5],
    ['a Latin word in the Chinese only', ['They met.'], ['NATO开会。'], 1.5],
    ['two numbers matched, one Chinese only, one English only', ['The 45 boats and 46 ships came at 7.'], ['45艘船和46艘舰在9点来了。'], -3 + 1.5 + 0.75],
  ])('%s', (_name, en, zh, cost) => {
    const model = segmentModel(en, zh);
    expect(beyondLength(model, 0, 1, 0, 1)).toBeCloseTo(cost, 12);
  });

  it('a number in the English only (English numbers are read when the Chinese holds some)', () => {
    const model = segmentModel(['The 45 boats came. Rain fell.'], ['船来了。下了9天雨。']);
    expect(beyondLength(model, 0, 1, 0, 1)).toBeCloseTo(0.75, 12);
  });

  it('a Latin word in the English only (the Chinese holds it in another sentence)', () => {
    const model = segmentModel(['NATO met. Rain fell.'], ['他们开会。NATO下雨了。']);
    expect(beyondLength(model, 0, 1, 0, 1)).toBeCloseTo(0.3, 12);
  });

  it('a number in two English sentences of a bead counts once', () => {
    const model = segmentModel(['The 45 boats came. Then 45 more.'], ['45艘船来了。']);
    expect(beyondLength(model, 0, 2, 0, 1)).toBeCloseTo(-1.5, 12);
  });

  it('a word and a number with the same id parity kept apart: a matched word, an English-only number', () => {
    const model = segmentModel(['NATO sent 45 ships. Rain fell.'], ['NATO派出舰船。下了9天雨。']);
    expect(beyondLength(model, 0, 1, 0, 1)).toBeCloseTo(-1.5 + 0.75, 12);
  });
});

describe('the mark term of a bead, mark by mark', () => {
  it.each([
    ['a question mark on both sides', 'Did it rise?', '上涨了吗？', -1],
    ['a question mark in the English only', 'Did it rise?', '上涨了吗。', 1],
    ['a question mark in the Chinese only', 'Did it rise.', '上涨了吗？', 1],
    ['an exclamation on both sides', 'It rose!', '上涨了！', -0.5],
    ['an exclamation on one side', 'It rose!', '上涨了。', 0.5],
    ['quotes on both sides', 'It "rose".', '它“上涨”了。', -0.5],
    ['quotes on one side', 'It (rose).', '它“上涨”了。', 0.5],
    ['a percent on both sides and a question on one', 'Rose 5% then?', '上涨5％。', -1.5 - 0.5 + 1],
    ['all four on both sides', 'Did "it" rise 5%?! Yes.', '“它”上涨5％了吗？！', -1.5 - 1 - 3 * 0.5],
  ])('%s', (_name, en, zh, cost) => {
    const model = segmentModel([en], [zh]);
    expect(beyondLength(model, 0, 1, 0, 1)).toBeCloseTo(cost, 12);
  });
});

describe('the most a Chinese unit can take off a bead (the pruning bound)', () => {
  it.each([
    ['nothing', '大桥通车了。', 0],
    ['a number', '45艘船来了。', 1.5],
    ['a question mark', '来了吗？', 1],
    ['an exclamation', '来了！', 0.5],
    ['quotes', '“来了”。', 0.5],
    ['a percent', '涨了5％。', 1.5 + 0.5],
    ['a word, two numbers and every mark', '“NATO涨了5％和7％吗？！”', 3 * 1.5 + 1 + 3 * 0.5],
  ])('%s', (_name, zh, bonus) => {
    const model = segmentModel(['Anything at all.'], [zh]);
    expect(model.bonusOf(0)).toBeCloseTo(bonus, 12);
  });

  it('is exactly what a bead sharing every anchor and mark takes off', () => {
    const model = segmentModel(['Did "NATO" rise 5% and 7%?!'], ['“NATO涨了5％和7％吗？！”']);
    expect(beyondLength(model, 0, 1, 0, 1)).toBeCloseTo(-model.bonusOf(0), 12);
  });
});

describe('paragraph crossings of a bead', () => {
  it('English across three paragraphs pays one crossing', () => {
    const model = segmentModel(['The bridge opened.', 'Residents cheered.', 'Cars followed.'], ['大桥通车，居民欢呼，车辆跟上。']);
    expect(beyondLength(model, 0, 3, 0, 1)).toBeCloseTo(1.5, 12);
  });

  it('Chinese across three paragraphs pays a crossing per break', () => {
    const model = segmentModel(['The bridge opened, residents cheered and cars followed.'], ['大桥通车。', '居民欢呼。', '车辆跟上。']);
    expect(beyondLength(model, 0, 1, 0, 3)).toBeCloseTo(3, 12);
  });

  it('a bead that starts a paragraph or ends one before the next crosses nothing', () => {
    const model = segmentModel(['The bridge opened. Residents cheered.', 'Cars followed.', 'Then buses.'], ['大桥通车。居民欢呼。', '车辆跟上。', '然后是公交。']);
    expect(beyondLength(model, 0, 2, 0, 2)).toBeCloseTo(0, 12);
    expect(beyondLength(model, 2, 3, 2, 3)).toBeCloseTo(0, 12);
    expect(beyondLength(model, 3, 4, 3, 4)).toBeCloseTo(0, 12);
  });
});

describe('a tie between one-sided beads', () => {
  it('goes to the kind listed first: the English alone (1-0) ends the segment, after the Chinese alone', () => {
    // Nothing in common and far apart in length: 1-0 plus 0-1 beats 1-1, and costs the same in either order.
    const model = segmentModel(['Officials counted 45, 46 and 47 boats in the northern harbour on the first morning of the long festival.'], ['下雨12、13。']);
    expect(alignUnits(model)).toEqual([
      { e0: 0, e1: 0, z0: 0, z1: 1 },
      { e0: 0, e1: 1, z0: 1, z1: 1 },
    ]);
  });
});

describe('Chinese lengths of the one-to-one fast path at the edges of each Han range', () => {
  // The numbers cross (the DP alone would take one 2-2 bead): the pairs stay one to one only
  // when the 24 filler characters count as Han and the first Chinese sentence is long enough.
  const en = ['Officials counted 45, 46 and 47 boats in the northern harbour on the first morning of the festival.', 'By evening, another 12, 13 and 14 vessels had arrived from the coastal towns further to the south.'];
  const zhOf = (filler: string) => [`官员们清点了${filler.repeat(24)}的12、13和14艘。`, '到了晚上，又有45、46和47艘船从更南边的沿海城镇陆续抵达了这里。'];
  it.each([
    ['U+4E00', '\u4e00'],
    ['U+9FFF', '\u9fff'],
    ['U+3400', '\u3400'],
    ['U+4DBF', '\u4dbf'],
    ['U+F900', '\uf900'],
    ['U+FAFF', '\ufaff'],
    ['U+20000 (high surrogate D840)', '\ud840\udc00'],
    ['U+2FC00 (high surrogate D8BF)', '\ud8bf\udc00'],
  ])('%s counts as Han: one to one', (_name, filler) => {
    const zh = zhOf(filler);
    expect(pairs(alignSentences(en, zh))).toEqual(en.map((e, k) => [[e], [zh[k]]]));
  });

  it.each([
    ['U+4DFF', '\u4dff'],
    ['U+A000', '\ua000'],
    ['U+33FF', '\u33ff'],
    ['U+4DC0', '\u4dc0'],
    ['U+F8FF', '\uf8ff'],
    ['U+FB00', '\ufb00'],
    ['U+1FC00 (high surrogate D83F)', '\ud83f\udc00'],
    ['U+40000 (high surrogate D8C0)', '\ud8c0\udc00'],
  ])('%s counts nothing: the full DP takes one 2-2 bead', (_name, filler) => {
    const zh = zhOf(filler);
    expect(pairs(alignSentences(en, zh))).toEqual([[en, zh]]);
  });
});

describe('the refinement tries at most 40 clause pieces', () => {
  // Two English sentences against one Chinese sentence of `pieces` clauses, each clause one
  // number: the first English sentence holds the first 20 numbers and a percent, like the
  // Chinese up to its 20th comma.
  const segment = (pieces: number) => {
    const half = 20;
    const list = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => 101 + from + k);
    const en = [`Teams ${list(0, half).join(', ')} came, 5% said.`, `Teams ${list(half, pieces).join(', ')} left, 7% said.`];
    const clauses = list(0, pieces).map((x) => `第${x}队`);
    clauses[half - 1] = `${clauses[half - 1]}来了5％`;
    clauses[pieces - 1] = `${clauses[pieces - 1]}走了7％。`;
    return { en, zh: clauses.join('，'), cut: clauses.slice(0, half).join('，').length + 1 };
  };

  it('40 pieces (39 cuts): cut between the halves', () => {
    const { en, zh, cut } = segment(40);
    expect(pairs(alignSentences([en.join(' ')], [zh]))).toEqual([
      [[en[0]], [zh.slice(0, cut)]],
      [[en[1]], [zh.slice(cut)]],
    ]);
  });

  it('41 pieces (40 cuts): kept whole', () => {
    const { en, zh } = segment(41);
    expect(pairs(alignSentences([en.join(' ')], [zh]))).toEqual([[en, [zh]]]);
  });
});

describe('one English and one Chinese sentence', () => {
  it('are one bead whatever they cost (the DP alone would leave each untranslated)', () => {
    const en = ['Officials counted 45, 46 and 47 boats in the northern harbour on the first morning of the long festival.'];
    const zh = ['下雨12、13。'];
    expect(pairs(alignSentences(en, zh))).toEqual([[en, zh]]);
  });
});

describe('English numbers and number words are read only when the Chinese holds a number', () => {
  it('a Chinese Latin word alone: the English 45 and "two" are no anchors', () => {
    const model = segmentModel(['NATO sent 45 ships in two groups. Rain fell.'], ['NATO派出舰船。下雨了。']);
    expect(model.en.ids[0]).toEqual([1]);
    expect(model.zh.ids[0]).toEqual([1]);
  });

  it('no anchors in the Chinese: none in the English', () => {
    const model = segmentModel(['Two ships and 45 boats came. Rain fell.'], ['船来了。下雨了。又下雨了。']);
    expect([model.en.ids[0], model.en.ids[1]]).toEqual([undefined, undefined]);
  });
});

describe('many Latin words looked up by their head', () => {
  it('two words with the same head are both found', () => {
    // Nine words (more than the few searched one by one): U.S id 1, U.N id 3, then the rest.
    const zh = 'U.S、U.N、NATO、WHO、IMF、OECD、ASEAN、FIFA、OPEC。';
    const model = segmentModel(['The U.N. met. The U.S. and OPEC left.'], [zh]);
    expect([model.en.ids[0], model.en.ids[1]]).toEqual([[3], [1, 17]]);
  });
});

describe('the refinement of three English sentences against one Chinese sentence', () => {
  it('groups the first two against the first clause and the third against the second', () => {
    const en = ['The storm closed 12% of roads.', 'It also shut 34 schools.', 'Later, 56% of flights were cancelled at the city airport because of the high winds.'];
    const zh = '暴风雨封闭了12％的道路和34所学校，随后因大风城市机场取消了56％的航班。';
    const cut = zh.indexOf('，') + 1;
    expect(pairs(alignSentences([en.join(' ')], [zh]))).toEqual([
      [en.slice(0, 2), [zh.slice(0, cut)]],
      [[en[2]], [zh.slice(cut)]],
    ]);
  });

  it('leaves no English sentence without a clause (a short last one joins the clause before)', () => {
    const en = ['The storm closed 12 roads and 34 schools across the region.', 'Later, 56 flights were cancelled at the city airport.', 'Yes.'];
    const zh = '暴风雨封闭了全区12条道路和34所学校，随后城市机场取消了56个航班。';
    const cut = zh.indexOf('，') + 1;
    expect(pairs(alignSentences([en.join(' ')], [zh]))).toEqual([
      [[en[0]], [zh.slice(0, cut)]],
      [en.slice(1), [zh.slice(cut)]],
    ]);
  });

  it.each(['旧桥周一重新开放，两岸居民大声欢呼。', '横跨河上的旧桥周一重新开放，居民欢呼。'])('a 2-1 kept whole when its pieces fit the English a little better, by less than a cut costs: %s', (zh) => {
    const en = ['The old bridge over the river opened again on Monday.', 'Residents cheered loudly.'];
    expect(pairs(alignSentences([en.join(' ')], [zh]))).toEqual([[en, [zh]]]);
  });

  it('a piece ends at its clause mark, without the space after it', () => {
    const en = ['The expert team worked in the area for 14 days.', 'They gave check-ups to more than 1,200 villagers.'];
    const zh = '专家组在当地工作了14天， 共为1200多名村民做了体检。';
    expect(pairs(alignSentences([en.join(' ')], [zh]))).toEqual([
      [[en[0]], ['专家组在当地工作了14天，']],
      [[en[1]], ['共为1200多名村民做了体检。']],
    ]);
  });
});
