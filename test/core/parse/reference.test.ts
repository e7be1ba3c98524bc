/**
 * Fast forms against plain ones (test/core/parse/plain.ts): every hand-optimised rule of the
 * parser must give what its plain reference gives, on generated input biased toward what
 * the rule is about — chrome words in both languages and cases, copyright fragments, label
 * words and colons, mixed scripts at the edges of their ranges, the characters whose case
 * folding moves word edges (ſ, the Kelvin sign, İ, ı), surrogates, line breaks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keptWordIds, numbers } from '../../../lambdas/core/parse/align.js';
import { isChromeLine, MAYBE_COPYRIGHT, MAYBE_PROMO, MAYBE_REPRINT, maybePhotoCredit, onlyChromeWords, PUNCT_AT } from '../../../lambdas/core/parse/content.js';
import { charsetFromMeta } from '../../../lambdas/core/parse/decode.js';
import * as H from '../../../lambdas/core/parse/heuristics.js';
import { chromeClass, foldBlock, foldLine } from '../../../lambdas/core/parse/html.js';
import { scanScripts } from '../../../lambdas/core/parse/lang.js';
import { MAYBE_META, parseMetaLine, readMetaLine, stripSep, unwrap } from '../../../lambdas/core/parse/metadata.js';
import { startChars, withoutIgnoreCase } from '../../../lambdas/core/parse/regex.js';
import { afterLastHan, splitBlocks } from '../../../lambdas/core/parse/split.js';
import {
  afterLastHanPlain,
  chromeClassPlain,
  foldBlockPlain,
  foldLinePlain,
  keptWordIdsPlain,
  numbersPlain,
  onlyChromeWordsPlain,
  scanScriptsPlain,
  stripSepPlain,
  unwrapPlain,
} from './plain.js';

const RUNS = { numRuns: 3000 };

/** Characters whose case folding crosses into or out of ASCII (long s, Kelvin sign, dotted and dotless i). */
const FOLDING = ['ſ', '\u212a', 'İ', 'ı', 'é', 'É'];

/** A text of pieces: each piece drawn from the lists given, sometimes upper- or title-cased. */
function textOf(pieces: readonly string[], opts: { maxLength?: number; cased?: boolean } = {}) {
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...pieces) },
    { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom(...FOLDING) },
  );
  const cased = fc.tuple(piece, fc.constantFrom(0, 0, 0, 1, 2)).map(([p, c]) => (c === 1 ? p.toUpperCase() : c === 2 ? p.charAt(0).toUpperCase() + p.slice(1) : p));
  return fc.array(opts.cased === false ? piece : cased, { maxLength: opts.maxLength ?? 12 }).map((ps) => ps.join(''));
}

const CHROME_PIECES = ['share', 'share to', 'Share this article', 'share this story', 'share on', '分享', '分享到', '相关新闻', '相關報導', 'related', 'related stories', 'read more', 'more', 'more news', '推荐阅读', '热门', '熱門新聞', '返回顶部', 'back to top', '打印本页', 'print', 'print this page', '关闭窗口', 'close', 'close window', '上一篇', '下一篇', 'previous article', 'next', 'next story', '扫一扫', 'follow us', 'home', 'homepage', '首页', 'top', 'menu', 'search', '搜索', 'login', 'log in', 'sign in', 'subscribe', '订阅', 'wechat', 'weibo', '微信', 'twitter', 'facebook', 'linkedin', 'qq空间', 'email', 'e-mail', '字号', 'font size', 'bilingual', '双语', 'english', '中文', '简体', '繁體', '大', '中', '小', 'a+', 'A-', 'A', 'x', 'X', 'en', 'CN', 'english', '英文版', '中英对照', '点击查看本文英文版', '广告', '广告服务', 'advertise', 'advertisement', 'advert', 'sponsored content', 'about us', 'contact us', 'privacy policy', 'terms of use', 'site map', 'sitemap', '关于我们', '收藏本文', '纠错', '转发到', '朋友圈', '用手机扫码', '扫码阅读', '打开本页', 'continue reading below', '继续阅读', 'you may also like', 'most read', 'latest news', 'vocabulary', '相关词汇', '重点单词', '词汇表', 'comments', 'save'];
const PUNCT_PIECES = [' ', '  ', '|', ' | ', '/', '：', ':', '·', '，', '>', '»', '\u00a0', '\u3000', '-', '!', '（', '）', '【', '】', '…', '↓', '▼', '+'];
const NOISE = ['p', 'x', 's', 'a', 'shares', 'topics', 'homes', 'nexus', '人', '的', '1', '2025'];
const COPYRIGHT_PIECES = ['copyright', 'COPYRIGHT', 'CopyRight', 'copy right', '©', '(c)', '(C)', '（c）', ' 2024', '2025', ' ', 'all rights reserved', 'all  rights reserved', 'rights', '版权所有', '版權所有', 'ICP', 'icp', '备', '證', '证', ' 备', '备案号', '備案號', '京公网安备', '违法和不良信息', 'gh', 'GH', 'high', 'Xinhua', '.'];

describe('withoutIgnoreCase (the i flag spelled out)', () => {
  const patterns = [H.COPYRIGHT_LINE, /[©(版备證证備违]|gh/i, /[:：]|\d\d\d\d|\bby\s/i, /a[bc]d|\bxy\s*z|k$/i];
  it.each(patterns.map((p) => [String(p), p] as const))('%s matches the same strings at the same places without the flag', (_name, re) => {
    const fast = withoutIgnoreCase(re);
    expect(fast.flags).not.toContain('i');
    fc.assert(
      fc.property(textOf([...COPYRIGHT_PIECES, 'ab', 'AC', 'd', 'xy', ' z', 'k', 'K', 'by ', 'BY\t', 'bY', 'Abby ', ':', '：', '2025', '199'], { maxLength: 8 }), (s) => {
        const a = re.exec(s);
        const b = fast.exec(s);
        expect(b?.index).toBe(a?.index);
        expect(b?.[0]).toBe(a?.[0]);
      }),
      RUNS,
    );
  });

  it.each([/a\u0041/i, new RegExp('\\p{L}', 'i'), /[a-z]/i, /[^a]/i, /(?<x>a)/i, /(a)\1/i, /é/i, /x/, /x/iu])('refuses %s rather than return a different pattern', (re) => {
    expect(() => withoutIgnoreCase(re)).toThrow(/withoutIgnoreCase/);
  });
});

describe('startChars (first-character prefilters read off the patterns)', () => {
  const plainStart = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x3400 && c <= 0x9fff);
  const anchored = { BYLINE: H.BYLINE, BYLINE_TIGHT: H.BYLINE_TIGHT, ZH_BYLINE: H.ZH_BYLINE, AUTHOR_NOTE_EN: H.AUTHOR_NOTE_EN, AUTHOR_NOTE_EN_LABEL: H.AUTHOR_NOTE_EN_LABEL, AUTHOR_NOTE_ZH: H.AUTHOR_NOTE_ZH, AUTHOR_NOTE_ZH_LABEL: H.AUTHOR_NOTE_ZH_LABEL, EDITOR_NOTE: H.EDITOR_NOTE, TRANSLATOR_LINE: H.TRANSLATOR_LINE };
  const LABELS = ['By', 'Written by', 'Author', 'Reporter', 'Text by', 'by', ':', '：', ' ', 'Zhang San', '本报', '特约', '作者', '文', '记者', '撰稿', '/', '张三', '李四', 'The', 'This', 'author', 'writer', ' is ', 'About the author', '作者简介', '系', '研究员', '(', '【', "Editor's note", 'Editor note', 'Note from the editor', 'Ed. note', '编者按', '編者按', '】', ')', '译者', '翻译', '中文', '编译', 'Translated by ', 'translation by ', 'Translator', 'Chinese translation by ', '刘洋'];
  it.each(Object.entries(anchored))('%s: no match starts with a letter, digit or Han outside its start set', (_name, re) => {
    const starts = startChars(re);
    fc.assert(
      fc.property(textOf(LABELS, { maxLength: 6 }), (s) => {
        if (re.test(s) && plainStart(s.charCodeAt(0))) expect(starts.has(s.charCodeAt(0))).toBe(true);
      }),
      RUNS,
    );
  });

  it('grows with the pattern: a label added to a byline pattern is let through', () => {
    const more = new RegExp(H.BYLINE.source.replace('(?:By|', '(?:Text by|By|'), H.BYLINE.flags);
    expect(startChars(more).has('T'.charCodeAt(0))).toBe(true);
    expect(startChars(more).has('t'.charCodeAt(0))).toBe(true);
    expect(startChars(H.BYLINE).has('T'.charCodeAt(0))).toBe(false);
  });

  it.each([
    [/^(?:a|b?)c/, 'abc'],
    [/^[(（]?\s*(?:编者|Ed)/i, '(（编Ee'],
    [/^x{0,2}y+/, 'xy'],
  ])('%s starts with one of %s', (re, chars) => {
    expect([...startChars(re)].map((c) => String.fromCharCode(c)).sort().join('')).toBe([...chars].sort().join(''));
  });

  it.each([/a/, /^.x/, /^\wx/, /^(?=a)b/, /^x?/, /^[a-z]/, /^[^a]/])('cannot tell how %s starts, and says so', (re) => {
    expect(() => startChars(re)).toThrow(/startChars/);
  });
});

describe('chrome lines (content.ts)', () => {
  const chromeLine = textOf([...CHROME_PIECES, ...PUNCT_PIECES, ...NOISE]);
  it('onlyChromeWords: the sticky walk gives the global replace’s verdict', () => {
    fc.assert(
      fc.property(chromeLine, (s) => {
        expect(onlyChromeWords(s)).toBe(onlyChromeWordsPlain(s, PUNCT_AT));
      }),
      RUNS,
    );
  });

  it('isChromeLine: prefilters, spelled-out copyright pattern and word walk give the plain rule’s verdict', () => {
    const plain = (s: string) =>
      (s.length < H.CHROME_LINE_MAX && onlyChromeWordsPlain(s, PUNCT_AT)) ||
      (s.length < H.SHORT_LINE && (H.COPYRIGHT_LINE.test(s) || H.REPRINT_LINE.test(s))) ||
      (s.length < H.PHOTO_CREDIT_MAX && H.PHOTO_CREDIT_LINE.test(s)) ||
      (s.length < H.PROMO_MAX && H.PROMO_LINE.test(s));
    fc.assert(
      fc.property(fc.oneof(chromeLine, textOf([...COPYRIGHT_PIECES, ...PUNCT_PIECES, ...NOISE], { maxLength: 10 }), textOf(COPYRIGHT_PIECES, { maxLength: 60 }), textOf([...LINE_CLASS_PIECES, ...PUNCT_PIECES, ...NOISE], { maxLength: 10 })), (s) => {
        expect(isChromeLine(s)).toBe(plain(s));
      }),
      RUNS,
    );
  });

  it('MAYBE_COPYRIGHT holds for an example of every COPYRIGHT_LINE alternative (add one with each new alternative)', () => {
    const examples = ['Copyright 2026', 'Copyright notice', 'copyright  statement', 'Copyright', '©', '(c) 2024', 'All Rights Reserved', '版权所有', '版權所有', 'ICP 备', 'icp證', 'ICP证', '备案号', '備案號', '京公网安备', '违法和不良信息'];
    const alternatives = H.COPYRIGHT_LINE.source.split('|');
    expect(examples).toHaveLength(alternatives.length);
    alternatives.forEach((alt, k) => {
      expect(new RegExp(`^(?:${alt})`, 'i').test(examples[k]!)).toBe(true);
      expect(MAYBE_COPYRIGHT.test(examples[k]!)).toBe(true);
    });
  });
});

/** Pieces of reprint statements, captions and promotions, with near misses (body words that share their letters). */
const LINE_CLASS_PIECES = [
  'may not be ', 'must not be reproduced', 'shall not be copied', 'not be', 'no part of this page', 'None of the content', 'for personal use only', 'for study purposes only', 'use only', 'only',
  '不得', '请勿', '谢绝', '转载', '轉載', '复制', '摘编', '注明', '如需转载', '版权声明', '版权归', '所有', '仅供学习', '使用', '未经许可',
  'photo', 'Photo', 'File photo', 'photos by ', '[Photo/', 'Image: ', ']', 'courtesy of ', '资料图片', '图片来源：', '图为', '（', '）', '摄', ' 摄', '供图', '摄影：',
  '请', '欢迎', '下载', '下载量', '关注', '扫描', '扫', '二维码', '客户端', 'APP', 'app', '应用', '公众号', '小程序', 'scan the QR code', 'follow us on', 'download our ', 'app', 'sign up for our newsletter', 'subscribe to our',
  '，', '。', 'Zhang', '新华社', 'the', 'pay', 'happy',
];

describe('prefilters of the chrome line classes (content.ts)', () => {
  const classText = textOf([...LINE_CLASS_PIECES, ...PUNCT_PIECES, ...NOISE], { maxLength: 10 });
  it('MAYBE_REPRINT, MAYBE_PROMO and maybePhotoCredit never refuse a line their pattern matches', () => {
    fc.assert(
      fc.property(classText, (s) => {
        if (H.REPRINT_LINE.test(s)) expect(MAYBE_REPRINT.test(s)).toBe(true);
        if (H.PROMO_LINE.test(s)) expect(MAYBE_PROMO.test(s)).toBe(true);
        if (H.PHOTO_CREDIT_LINE.test(s)) expect(maybePhotoCredit(s)).toBe(true);
      }),
      { numRuns: 6000 },
    );
  });

  it.each([
    ['may not be reproduced'], ['NO PART OF THE PAGE'], ['none of these materials'], ['For learning purposes only'], ['不得转载'], ['谢绝转贴'], ['转载请注明'], ['如需转载'], ['版权声明'], ['版權歸本站所有'], ['仅供学习使用'],
  ])('MAYBE_REPRINT holds for a match of each reprint alternative: %s', (text) => {
    expect(H.REPRINT_LINE.test(text)).toBe(true);
    expect(MAYBE_REPRINT.test(text)).toBe(true);
  });

  it.each([['请扫描二维码'], ['欢迎下载客户端'], ['，关注公众号'], ['长按識別小程序'], ['Scan the QR code'], ['Follow us on X'], ['find us on'], ['Download the app'], ['sign up for our newsletter'], ['Subscribe to our list']])(
    'MAYBE_PROMO holds for a match of each promotion alternative: %s',
    (text) => {
      expect(H.PROMO_LINE.test(text)).toBe(true);
      expect(MAYBE_PROMO.test(text)).toBe(true);
    },
  );

  it.each([['File photo'], ['[Photo/Agency]'], ['Photo by Wu'], ['A caption [photo provided]'], ['资料照片'], ['图为现场'], ['（记者 摄）'], ['大桥（图片来源：网络）'], [' photo']])('maybePhotoCredit holds for %s', (text) => {
    expect(H.PHOTO_CREDIT_LINE.test(text)).toBe(true);
    expect(maybePhotoCredit(text)).toBe(true);
  });
});

describe('label lines (metadata.ts)', () => {
  const LABEL_PIECES = ['来源', '來源', 'Source', 'source', 'From', '责任编辑', '编辑', 'Editor', 'Editor-in-charge', 'Chief Editor', '作者', '记者', 'Author', 'Reporter', '发布时间', 'Published on', 'Updated', 'Date', 'Time', '审核', 'Views', 'Font size', 'Photo', ':', '：', ' : ', ' ', '  ', '|', '｜', '/', '[', ']', '【', '】', 'By ', 'by ', 'By\t', 'by\u00a0', 'Edited by ', 'Edited by\n', 'Written by ', 'Translated by ', 'Abby ', 'bypass', 'Xinhua', '新华网', 'China Daily', 'Li Jiayao', '李佳瑶', '2025-03-29', '2025/3/29', '2025年3月29日', 'March 29, 2025', '16:13', '16:13:28', ' 4:30 pm', 'BJT', '星期六', '12', '2', 'The ship sailed.', '。', '.', 'and', 'the source of the problem'];
  const metaText = fc.oneof(textOf(LABEL_PIECES, { maxLength: 10 }), textOf(LABEL_PIECES, { maxLength: 40 }));

  it('parseMetaLine: its cheap refusals (length, sentence end, MAYBE_META) never refuse a line readMetaLine reads', () => {
    const plain = (s: string) => (s.length >= H.SHORT_LINE || (s.length > H.META_SENTENCE_MIN && /[.!?。！？"”」]$/.test(s)) ? undefined : readMetaLine(s));
    fc.assert(
      fc.property(metaText, (s) => {
        expect(parseMetaLine(s)).toEqual(plain(s));
      }),
      RUNS,
    );
  });

  it('MAYBE_META lets "by" through wherever the label pattern reads it: after a digit too (a counterexample fast-check found)', () => {
    for (const s of ['0By\t12by 来源', '2by Jane', '(By Li Jiayao)']) {
      expect(MAYBE_META.test(s), s).toBe(true);
      expect(parseMetaLine(s)).toEqual(readMetaLine(s));
    }
    expect(MAYBE_META.test('Abby Li went home')).toBe(false);
  });

  it('MAYBE_META holds for every line readMetaLine reads', () => {
    fc.assert(
      fc.property(metaText, (s) => {
        if (readMetaLine(s) !== undefined) expect(MAYBE_META.test(s)).toBe(true);
      }),
      RUNS,
    );
  });

  it('stripSep: the end check gives what the separator pattern gives', () => {
    fc.assert(
      fc.property(textOf([' ', '|', '｜', '/', '\\', '·', '•', ',', '，', ';', '；', '-', '–', '—', '_', '[', ']', '【', '】', '(', ')', '（', '）', '\t', '\u00a0', 'a', '张', 'Xinhua']), (s) => {
        expect(stripSep(s)).toBe(stripSepPlain(s));
      }),
      RUNS,
    );
  });

  it('unwrap: the last-character bracket check gives what the bracket patterns give', () => {
    fc.assert(
      fc.property(textOf(['(', ')', '（', '）', '[', ']', '【', '】', ' ', '\t', 'The author is', '作者系', 'x']), (s) => {
        expect(unwrap(s)).toBe(unwrapPlain(s));
      }),
      RUNS,
    );
  });
});

describe('splitting (split.ts)', () => {
  const HAN_EDGES = ['一', '中', '文', '\u3400', '\u4dbf', '\u9fff', '\u33ff', '\ua000', '\uf900', '𠮷', '\ud840'];
  const CLOSERS = [...'。！？”」』）)》．.!?'];
  it('afterLastHan: the backward scan ends where the pattern’s match ends', () => {
    fc.assert(
      fc.property(textOf([...HAN_EDGES, ...CLOSERS, 'The ship sailed', ' ', 'NATO', '2025', '，', '“']), (s) => {
        expect(afterLastHan(s)).toBe(afterLastHanPlain(s));
      }),
      RUNS,
    );
  });

  it('splitBlocks: each unit’s counts and language are those of its own text, however its pieces were joined', () => {
    const line = textOf(['The ship sailed home. ', 'Officials said so', ' ', '船只返航。', '官员表示', 'NATO', '𠮷', '\ud840', '\r', '。', 'Ａ', '2025', '“', 'A'], { maxLength: 16 });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.boolean(), fc.constantFrom(0, 1), (lines, plainText, heading) => {
        const chars = lines.reduce((n, l) => n + l.length, 0);
        const units = splitBlocks([{ lines, tag: 'p', heading, linkChars: 0, chars, chrome: false, container: 0 }], plainText);
        for (const u of units) {
          const c = scanScriptsPlain(u.text);
          expect({ han: u.counts.han, latin: u.counts.latin, digits: u.counts.digits }).toEqual({ han: c.han, latin: c.latin, digits: c.digits });
          const han = c.han > 0 ? c.han + c.punct : 0;
          expect(u.lang).toBe(han === 0 && c.latin < H.MIN_LATIN_FOR_ENGLISH ? 'other' : han > 0 && han * H.HAN_VOTE >= c.latin ? 'zh' : 'en');
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('script counts (lang.ts)', () => {
  // Each range's first and last member and its neighbours outside.
  const EDGES = [0x40, 0x41, 0x5a, 0x5b, 0x60, 0x61, 0x7a, 0x7b, 0x2f, 0x30, 0x39, 0x3a, 0xbf, 0xc0, 0x24f, 0x250, 0xff20, 0xff21, 0xff5a, 0xff5b, 0x33ff, 0x3400, 0x4dbf, 0x4dc0, 0x4dff, 0x4e00, 0x9fff, 0xa000, 0xf8ff, 0xf900, 0xfaff, 0xfb00, 0x2fff, 0x3000, 0x303f, 0x3040, 0xff00, 0xff01, 0xff0f, 0xff10, 0xff19, 0xff1a, 0xff1f, 0xd83f, 0xd840, 0xd87f, 0xd880, 0xdc00, 0x0d, 0x0a, 0x20].map((c) => String.fromCharCode(c));
  const text = textOf([...EDGES, 'ab', '中文', '𠮷', '，'], { maxLength: 30, cased: false });
  it('scanScripts: the packed table count gives the character-by-character count', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(scanScripts(s)).toEqual(scanScriptsPlain(s));
      }),
      RUNS,
    );
  });

  it('scanScripts: also across counting chunks (thousands of characters, of one script or mixed)', () => {
    const seed = fc.oneof(text, fc.constantFrom('a', 'Z', '7', '中', '。', '𠮷', 'é'));
    fc.assert(
      fc.property(seed, fc.integer({ min: 2000, max: 20000 }), (s, n) => {
        const long = s.length === 0 ? '' : s.repeat(Math.ceil(n / s.length));
        expect(scanScripts(long)).toEqual(scanScriptsPlain(long));
      }),
      { numRuns: 200 },
    );
  });
});

describe('folding whitespace (html.ts)', () => {
  const SPACES = [' ', '  ', '\n', '\r\n', '\r', '\t', '\v', '\f', '\u00a0', '\u3000', '\u2028', '\u2029', '\u0085', '\u1680', '\u2000', '\u200a', '\u202f', '\u205f', '\u200b', '\ufeff', '\u200d', '\u0001', '\u0002', '\u001f'];
  const raw = textOf([...SPACES, 'word', 'Two words', '中文', 'x', '。'], { maxLength: 20, cased: false });
  it('foldBlock: the fast path and the fold loop give the plain fold', () => {
    fc.assert(
      fc.property(raw, (s) => {
        expect(foldBlock(s)).toEqual(foldBlockPlain(s));
      }),
      RUNS,
    );
  });

  it('foldLine: the is-it-folded check gives the plain fold', () => {
    fc.assert(
      fc.property(raw, (s) => {
        expect(foldLine(s)).toBe(foldLinePlain(s));
      }),
      RUNS,
    );
  });

  it('chromeClass: the ASCII word scan gives the split-and-look-up verdict', () => {
    const words = new Set<string>(H.CHROME_CLASS_WORDS);
    const cls = textOf([...H.CHROME_CLASS_WORDS, 'content', 'article', 'body', 'main', 'navy', 'shared', 'ad', 'x', 'Nav', 'Share', 'Box', '-', '_', ' ', '\t', '\n', '--', '2', 'é'], { maxLength: 6 });
    fc.assert(
      fc.property(cls, (s) => {
        expect(chromeClass(s)).toBe(chromeClassPlain(s, words));
      }),
      RUNS,
    );
  });
});

describe('charset declarations (decode.ts)', () => {
  it('charsetFromMeta reads bytes as Latin-1 and gets what a windows-1252 reading gets', () => {
    const chunk = fc.oneof(
      fc.constantFrom('<meta charset="gbk">', '<META http-equiv="Content-Type" content="text/html; charset=GB2312">', "<meta charset='big5'>", '<meta name=x>', '<p>', ' ', 'charset=utf-8', '>', '<meta ', '<META', 'charset', '=', 'gbk', '"', "'").map((s) => [...Buffer.from(s, 'latin1')]),
      fc.uint8Array({ maxLength: 8 }).map((b) => [...b]),
      fc.array(fc.integer({ min: 0x80, max: 0xff }), { maxLength: 4 }),
    );
    const win1252 = new TextDecoder('windows-1252');
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 10 }), (chunks) => {
        const bytes = Uint8Array.from(chunks.flat());
        expect(charsetFromMeta(bytes)).toBe(charsetFromMeta(win1252.decode(bytes.subarray(0, H.META_CHARSET_SNIFF_BYTES))));
      }),
      RUNS,
    );
  });
});

describe('anchors (align.ts)', () => {
  const WORDS = ['NATO', 'nato', 'Zhang', 'x-ray', 'X-Ray', 'u.s', 'U.S.', 'e-mail', 'a', 'A', 'it', 'us', 'x', 'k', 'ok', 'Ok', 'rays', 'ray', 'xray', 'the', 'them', 'theme'];
  const text = fc.oneof(textOf([...WORDS, ' ', '-', '.', '--', '..', '中文', '2025', ',', '\u0001', '\u0130', '\u212a'], { maxLength: 14 }), textOf(['a', 'it', 'x', 'us', ' ', '-', '.', 'ray'], { maxLength: 4 }));
  // Words as the aligner passes them: whole WORD matches, lower-cased.
  const word = fc.constantFrom(...WORDS, 'ray', 'x-ra', 'mail', 'e', 's', 'the').map((w) => w.toLowerCase()).filter((w) => /^[a-z]+(?:[-.][a-z]+)*$/.test(w));
  it('keptWordIds: the page-wide indexOf search finds what a regex over each lower-cased text finds', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), fc.uniqueArray(word, { maxLength: 12 }), (texts, words) => {
        expect(keptWordIds(texts, words)).toEqual(keptWordIdsPlain(texts, words));
        // Reading each text once instead (pages with more than KEPT_WORDS_SEARCH_MAX words): the same.
        expect(keptWordIds(texts, words, 0)).toEqual(keptWordIdsPlain(texts, words));
      }),
      RUNS,
    );
  });

  it('numbers: the short cuts for plain digit runs give the full reading', () => {
    const NUM = ['0', '7', '007', '42', '1,000', '12,34', '1,234,567', '3.50', '1.2', '.5', '5.', '123456789012345', '1234567890123456', '99999999999999999999', '1e5', ',', '.', ' ', 'million', 'Million', ' billion', 'bn', 'BN', 'm', 'M', ' m', 'k', 'km', 'K', '万', '亿', '萬', 'two', 'Twenty', 'hundred', 'twenty-two', 'one', 'ten', 'tens', '三个', '十二名', '两艘', '十一个', '二十', '十', '个', '一名', 'x'];
    fc.assert(
      fc.property(textOf(NUM, { maxLength: 10, cased: false }), fc.boolean(), (s, english) => {
        expect(numbers(s, english)).toEqual(numbersPlain(s, english));
      }),
      RUNS,
    );
  });
});
