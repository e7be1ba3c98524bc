/**
 * The exports and the sentence pairs under them, in the unit set (the TMX is validated
 * against the DTD and the TSV read back as Anki reads it in test/feed/exports.test.ts, which
 * needs xmllint): which pairs are exported, in which language order, with which properties,
 * quoted how. The pinyin here is a stand-in PinyinOf so the expected lines can be checked by
 * hand; the real one is tested with the reading page.
 */
import { describe, expect, it } from 'vitest';
import type { AlignedSegment } from '../../../lambdas/core/article.js';
import { renderTmx, renderTsv, tmxDate, tsvField, TSV_HEADER, type ExportItem } from '../../../lambdas/core/feed/exports.js';
import { beadsOf, isComplete, isDoubtful, joinSentences, sentencePairs } from '../../../lambdas/core/feed/pairs.js';
import { pinyinLine, zhTag, type PinyinOf } from '../../../lambdas/core/feed/zh.js';

const PINYIN: Record<string, string> = { 你: 'nǐ', 好: 'hǎo', 书: 'shū', 甲: 'jiǎ', 乙: 'yǐ' };
/** A stand-in for pinyin-pro: one syllable per character, pinyin for the few above. */
const pinyinOf: PinyinOf = (text) => Array.from(text, (c) => (PINYIN[c] ? { text: c, pinyin: PINYIN[c] } : { text: c }));

const seg = (en: string[], zh: string[], confidence?: number, sentences?: AlignedSegment['sentences']): AlignedSegment =>
  ({ en, zh, ...(confidence === undefined ? {} : { confidence }), ...(sentences ? { sentences } : {}) }) as AlignedSegment;

const article = (over: Partial<ExportItem['article']> = {}): ExportItem['article'] => ({
  id: 'a1',
  url: 'https://news.example/a?x=1&y=2',
  languages: ['en', 'zh'],
  published: '2025-03-29T16:13:28+08:00',
  segments: [
    seg(['One.', 'Two.'], ['一。', '二。'], 0.9, [{ en: ['One.'], zh: ['一。'] }, { en: ['Two.'], zh: ['二。'] }]),
    seg(['Only English.'], [], 0.8),
    seg(['<Tag> & co.'], ['甲<乙>。'], 0.3),
  ],
  ...over,
});

describe('sentence pairs', () => {
  it('numbers pairs by segment and sentence, joins Chinese without spaces and English with them', () => {
    const pairs = sentencePairs({ languages: ['zh', 'en'], segments: [seg(['A.', 'B.'], ['甲。', '乙。'], 0.7)] });
    expect(pairs).toEqual([{ segment: 1, sentence: 1, id: 'p1s1', text: { zh: '甲。乙。', en: 'A. B.' }, confidence: 0.7, doubtful: false }]);
    expect(Object.keys(pairs[0]!.text)).toEqual(['zh', 'en']);
  });
  it('reads English then Chinese when the article names no languages, and leaves out a confidence that is not a number', () => {
    const [p] = sentencePairs({ languages: [], segments: [{ en: ['A.'], zh: ['甲。'] } as AlignedSegment] });
    expect(Object.keys(p!.text)).toEqual(['en', 'zh']);
    expect(p).not.toHaveProperty('confidence');
    expect(p!.doubtful).toBe(false);
  });
  it('calls a pair doubtful strictly below the threshold', () => {
    expect(isDoubtful(0.5)).toBe(false);
    expect(isDoubtful(0.49)).toBe(true);
    expect(isDoubtful(undefined)).toBe(false);
    expect(isDoubtful(0.6, 0.7)).toBe(true);
    expect(sentencePairs({ languages: ['en', 'zh'], segments: [seg(['A.'], ['甲。'], 0.6)] }, 0.7)[0]!.doubtful).toBe(true);
  });
  it('reads a segment stored before sentences as one bead of its paragraphs; an empty sentence list too', () => {
    expect(beadsOf(seg(['A.', 'B.'], ['甲。']))).toEqual([{ en: ['A.', 'B.'], zh: ['甲。'] }]);
    expect(beadsOf(seg(['A.'], ['甲。'], 1, []))).toEqual([{ en: ['A.'], zh: ['甲。'] }]);
    expect(beadsOf({ en: ['A.'] } as AlignedSegment)).toEqual([{ en: ['A.'] }]);
  });
  it('joins and trims', () => {
    expect(joinSentences('en', [' A.', 'B. '])).toBe('A. B.');
    expect(joinSentences('zh', ['甲。', '乙。'])).toBe('甲。乙。');
  });
  it('a pair is complete when every language has text', () => {
    const [p] = sentencePairs({ languages: ['en', 'zh'], segments: [seg(['A.'], [])] });
    expect(isComplete(p!, ['en'])).toBe(true);
    expect(isComplete(p!, ['en', 'zh'])).toBe(false);
  });
});

describe('tmxDate', () => {
  it('writes the instant in UTC as YYYYMMDDThhmmssZ, milliseconds dropped', () => {
    expect(tmxDate('2025-03-29T16:13:28+08:00')).toBe('20250329T081328Z');
    expect(tmxDate('2025-03-29T16:13:28.750Z')).toBe('20250329T161328Z');
    expect(tmxDate('2025-02-30T10:00:00Z')).toBeUndefined();
    expect(tmxDate(undefined)).toBeUndefined();
  });
});

describe('renderTmx', () => {
  it('writes one unit per complete pair, with its properties, the doubtful note and escaped text', () => {
    const tmx = renderTmx([{ article: article(), linkFor: (p) => `https://duofeed.example/articles/a1#${p.id}`, updated: '2025-03-30T00:00:00Z' }]);
    const units = tmx.match(/<tu [^]*?<\/tu>/g)!;
    expect(units).toHaveLength(3); // the English-only pair is no unit
    expect(units[0]).toBe(
      '<tu tuid="a1-p1s1"><prop type="x-source-url">https://news.example/a?x=1&amp;y=2</prop><prop type="x-published">2025-03-29T16:13:28+08:00</prop>' +
        '<prop type="x-duofeed-link">https://duofeed.example/articles/a1#p1s1</prop><prop type="x-confidence">0.9</prop>' +
        '<tuv xml:lang="en"><seg>One.</seg></tuv><tuv xml:lang="zh"><seg>一。</seg></tuv></tu>',
    );
    expect(units[1]).toContain('tuid="a1-p1s2"');
    expect(units[2]).toContain('<note>uncertain pairing: segment confidence 0.3 is below 0.5</note>');
    expect(units[2]).toContain('<seg>&lt;Tag&gt; &amp; co.</seg></tuv><tuv xml:lang="zh"><seg>甲&lt;乙&gt;。</seg>');
    expect(tmx).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<tmx version="1.4">\n<header [^>]*srclang="en"[^>]* creationdate="20250330T000000Z"\/>\n<body>\n/);
    expect(tmx.endsWith('</tu>\n</body>\n</tmx>\n')).toBe(true);
  });
  it('leaves out what is absent or unsafe: no link, no published date, a source URL that is not http(s), no confidence', () => {
    const a = article({ url: 'javascript:alert(1)', published: undefined, segments: [{ en: ['A.'], zh: ['甲。'] } as AlignedSegment] });
    const tmx = renderTmx([{ article: a }]);
    expect(tmx).toContain('<tu tuid="a1-p1s1"><tuv xml:lang="en"><seg>A.</seg></tuv><tuv xml:lang="zh"><seg>甲。</seg></tuv></tu>');
    expect(tmx).not.toContain('<prop');
    expect(tmx).not.toContain('creationdate');
  });
  it('writes Chinese first for a Chinese-first article; srclang is the shared first language, else *all*', () => {
    const zh = article({ id: 'z1', languages: ['zh', 'en'] });
    expect(renderTmx([{ article: zh }])).toContain('<tuv xml:lang="zh"><seg>一。</seg></tuv><tuv xml:lang="en"><seg>One.</seg></tuv>');
    expect(renderTmx([{ article: zh }])).toContain('srclang="zh"');
    expect(renderTmx([{ article: zh }, { article: article() }])).toContain('srclang="*all*"');
  });
  it('dates the file by the newest readable update', () => {
    const items = [
      { article: article(), updated: '2025-03-01T00:00:00Z' },
      { article: article(), updated: 'yesterday' },
      { article: article(), updated: '2025-04-01T08:00:00+08:00' },
      { article: article(), updated: '2025-03-15T00:00:00Z' },
    ];
    expect(renderTmx(items)).toContain('creationdate="20250401T000000Z"');
  });
  it('takes the doubtful threshold from the options', () => {
    expect(renderTmx([{ article: article() }], { doubtfulBelow: 0.95 })).toContain('segment confidence 0.9 is below 0.95');
    expect(renderTmx([{ article: article() }], { doubtfulBelow: 0.2 })).not.toContain('<note>');
  });
});

describe('TSV for Anki', () => {
  it('quotes a field holding a tab, a line break or a double quote, doubling its quotes', () => {
    expect(tsvField('plain, text')).toBe('plain, text');
    expect(tsvField('a\tb')).toBe('"a\tb"');
    expect(tsvField('a\nb')).toBe('"a\nb"');
    expect(tsvField('a\rb')).toBe('"a\rb"');
    expect(tsvField('"Hi," she said')).toBe('"""Hi,"" she said"');
  });
  it('writes the header, then English, Chinese, pinyin, link and a stable id per complete pair', () => {
    const a = article({ segments: [seg(['"Hello."'], ['你好。'], 0.9), seg(['Only English.'], []), seg(['Book.'], ['《书》'], 0.2)] });
    const tsv = renderTsv([{ article: a, linkFor: (p) => (p.segment === 1 ? `https://d.example/a1#${p.id}` : undefined) }], pinyinOf);
    expect(tsv).toBe(
      TSV_HEADER +
        '"""Hello."""\t你好。\tnǐ hǎo.\thttps://d.example/a1#p1s1\tduofeed-a1-p1s1\n' +
        'Book.\t《书》\t«shū»\t\tduofeed-a1-p3s1\n',
    );
    expect(TSV_HEADER).toBe('#separator:tab\n#html:false\n#columns:English\tChinese\tPinyin\tLink\tGUID\n#guid column:5\n');
  });
});

describe('pinyin lines', () => {
  it('writes full-width punctuation the Latin way, with no space before closing marks or after opening ones', () => {
    expect(pinyinLine(pinyinOf('你，好！'))).toBe('nǐ, hǎo!');
    expect(pinyinLine(pinyinOf('甲（乙）'))).toBe('jiǎ (yǐ)');
    expect(pinyinLine(pinyinOf('你：好；书？'))).toBe('nǐ: hǎo; shū?');
    expect(pinyinLine(pinyinOf('甲、乙'))).toBe('jiǎ, yǐ');
    expect(pinyinLine([{ text: 'GDP' }, { text: '2025' }, { text: '年' }])).toBe('GDP 2025 年');
  });
  it('tags Chinese by its script when known', () => {
    expect([zhTag('hans'), zhTag('hant'), zhTag(undefined)]).toEqual(['zh-Hans', 'zh-Hant', 'zh']);
  });
});
