/**
 * The reading page in each mode, as its HTML: titles, byline, pairs (grid rows, interleaved
 * sentence pairs, reveal-on-demand), doubt flags, permalinks, notes, attribution, mode and
 * script links, previous/next, exports and feeds; Chinese conversion and pinyin through
 * stand-in helpers; and the page's ETag. Expected fragments were checked by hand against the
 * module's description of each mode.
 */
import { describe, expect, it, vi } from 'vitest';
import type { StoredArticle } from '../../../lambdas/core/article.js';
import { articleEtag, articleViewUrl, DEFAULT_VIEW, LAYOUTS, renderArticlePage, viewQuery, type ReaderView, type ZhRender } from '../../../lambdas/core/feed/reader.js';
import type { Source } from '../../../lambdas/core/sources.js';
import { feedSource, storedArticle } from './fixtures.js';

const SOURCE: Source = feedSource('daily', 'Daily & Co', { startUrls: ['https://d.example/'] });
const BASE = 'https://f.example/';
const A = 'https://f.example/articles/a1';

const article = (over: Partial<StoredArticle> = {}): StoredArticle =>
  storedArticle({
    url: 'https://news.example/story?x=1&y=2',
    title: { en: 'Tea <harvest>', zh: '春茶' },
    byline: { en: 'Zhang', zh: '张' },
    source: '样例日报',
    editor: 'Li',
    published: '2025-03-28T09:00:00+08:00',
    segments: [
      { en: ['One. Two.'], zh: ['一。二。'], confidence: 0.3, sentences: [{ en: ['One.'], zh: ['一。'] }, { en: ['Two.'], zh: ['二。'] }] },
      { en: ['Only.'], zh: [], confidence: 0.5, sentences: [{ en: ['Only.'], zh: [] }] },
    ],
    authorNote: { en: 'Note', zh: '注' },
    ...over,
  });
const other = (id: string, title: Record<string, string>): StoredArticle => article({ id, title, version: 4 });
const view = (v: Partial<ReaderView> = {}): ReaderView => ({ ...DEFAULT_VIEW, ...v });
const page = (a: StoredArticle, v: Partial<ReaderView> = {}, zh: ZhRender = {}, extra: { neighbours?: { newer?: StoredArticle; older?: StoredArticle }; doubtfulBelow?: number } = {}) =>
  renderArticlePage(a, BASE, SOURCE, { view: view(v), zh, ...extra });

describe('view URLs', () => {
  it('spell out every parameter of a view; the default view is the bare URL', () => {
    expect(LAYOUTS).toEqual(['side', 'inter']);
    expect(DEFAULT_VIEW).toEqual({ lang: 'bi', layout: 'side', pinyin: false });
    expect(viewQuery(view())).toBe('lang=bi&layout=side');
    expect(viewQuery(view({ lang: 'en', layout: 'inter', pinyin: true, script: 'hant' }))).toBe('lang=en&pinyin=1&script=hant');
    expect(articleViewUrl(BASE, 'a/1')).toBe('https://f.example/articles/a%2F1');
    expect(articleViewUrl(BASE, 'a1', view({ layout: 'inter' }))).toBe(`${A}?lang=bi&layout=inter`);
    expect(articleViewUrl(BASE, 'a1', view({ lang: 'zh' }))).toBe(`${A}?lang=zh`);
    expect(articleViewUrl(BASE, 'a1', view({ pinyin: true }))).toBe(`${A}?lang=bi&layout=side&pinyin=1`);
    expect(articleViewUrl(BASE, 'a1', view({ script: 'hans' }))).toBe(`${A}?lang=bi&layout=side&script=hans`);
  });
});

describe('renderArticlePage: side by side', () => {
  it('writes the head: language, title, canonical and feed links, styles', () => {
    const html = page(article());
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n')).toBe(true);
    expect(html).toContain('<title>Tea &lt;harvest&gt; · 春茶</title>\n');
    expect(html).toContain(`<link rel="canonical" href="${A}">\n`);
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="Daily &amp; Co" href="https://f.example/feeds/daily.atom">\n');
    expect(html).toMatch(/<style>[^<]+<\/style>\n<style>[^<]+<\/style>\n<\/head>\n<body>\n<header>\n/);
    expect(html).toContain('<script>(()=>');
    expect(html.endsWith('</script>\n</body>\n</html>\n')).toBe(true);
  });

  it('titles as a row, byline, one grid row per segment with sentence spans; doubt flagged below the threshold only', () => {
    const html = page(article());
    expect(html).toContain(
      '<article>\n<div class="pair titles cols-2"><div class="side" lang="en"><h1>Tea &lt;harvest&gt;</h1></div><div class="side" lang="zh"><h2>春茶</h2></div></div>\n' +
        '<p class="meta byline"><span lang="en">Zhang</span> · <span lang="zh">张</span></p>\n' +
        '<section class="pair cols-2 doubtful" id="p1"><a class="pl" href="#p1" aria-label="Permalink to pair 1">¶1</a><p class="flag">uncertain pairing · 对齐存疑 (0.30)</p>' +
        '<div class="side" lang="en"><p><span class="s" data-p="p1s1" id="p1s1">One.</span> <span class="s" data-p="p1s2" id="p1s2">Two.</span></p></div>' +
        '<div class="side" lang="zh"><p><span class="s" data-p="p1s1">一。</span><span class="s" data-p="p1s2">二。</span></p></div></section>\n' +
        '<section class="pair cols-2" id="p2"><a class="pl" href="#p2" aria-label="Permalink to pair 2">¶2</a>' +
        '<div class="side" lang="en"><p><span class="s" data-p="p2s1" id="p2s1">Only.</span></p></div><div class="side" lang="zh"></div></section>\n' +
        '<div class="note"><p lang="en">Note</p><p lang="zh">注</p></div>\n</article>\n',
    );
  });

  it('flags by the given threshold, and a doubtful segment without a number says so without one', () => {
    const html = page(article(), {}, {}, { doubtfulBelow: 0.6 });
    expect(html).toContain('<section class="pair cols-2 doubtful" id="p2">');
    expect(html).toContain('<p class="flag">uncertain pairing · 对齐存疑 (0.50)</p>');
    expect(page(article(), {}, {}, { doubtfulBelow: 0.3 })).not.toContain('class="flag"');
  });

  it('shows paragraphs plain when the sentences do not read back into them', () => {
    const a = article({ segments: [{ en: ['First para.', 'Second para.'], zh: ['甲。'], sentences: [{ en: ['Second para.', 'First para.'], zh: ['甲。'] }] }] });
    expect(page(a)).toContain('<div class="side" lang="en"><p>First para.</p><p>Second para.</p></div><div class="side" lang="zh"><p><span class="s" data-p="p1s1">甲。</span></p></div>');
    const missing = article({ segments: [{ en: ['First para.', 'Extra text.'], sentences: [{ en: ['First para.'] }] }] });
    expect(page(missing)).toContain('<div class="side" lang="en"><p>First para.</p><p>Extra text.</p></div>');
    const gap = article({ segments: [{ en: ['Lead-in. First.'], sentences: [{ en: ['First.'] }] }] });
    expect(page(gap)).toContain('<div class="side" lang="en"><p>Lead-in. First.</p></div>');
  });

  it('spreads sentences over paragraphs in order, skipping blank sentences and spacing within a paragraph', () => {
    const a = article({
      segments: [{ en: ['A1. A2.', 'B1.'], zh: [], sentences: [{ en: ['A1.', ' '] }, { en: ['A2.'] }, { en: ['B1.'] }] }],
    });
    expect(page(a)).toContain(
      '<div class="side" lang="en"><p><span class="s" data-p="p1s1" id="p1s1">A1.</span> <span class="s" data-p="p1s2" id="p1s2">A2.</span></p><p><span class="s" data-p="p1s3" id="p1s3">B1.</span></p></div>',
    );
    const joined = article({ segments: [{ en: ['A1.A2.'], sentences: [{ en: ['A1.'] }, { en: ['A2.'] }] }] });
    expect(page(joined)).toContain('<p><span class="s" data-p="p1s1" id="p1s1">A1.</span><span class="s" data-p="p1s2" id="p1s2">A2.</span></p>');
    const empty = article({ segments: [{ en: ['', 'B.'], sentences: [{ en: ['B.'] }] }] });
    expect(page(empty)).toContain('<div class="side" lang="en"><p></p><p><span class="s" data-p="p1s1" id="p1s1">B.</span></p></div>');
  });

  it('attribution: source link, the page\'s own source and editor (Chinese tagged), the date in words', () => {
    expect(page(article())).toContain(
      '<p class="attribution">From <a href="https://news.example/story?x=1&amp;y=2" rel="noopener noreferrer">Daily &amp; Co</a> · Source: <span lang="zh">样例日报</span> · Editor: Li · <time datetime="2025-03-28T09:00:00+08:00">2025-03-28 09:00 +08:00</time></p>',
    );
    const plain = article({ url: 'javascript:x', source: 'Daily & Co', editor: '王编', published: '2025-03-28T01:02:03Z' });
    expect(page(plain)).toContain('<p class="attribution">From Daily &amp; Co · Editor: <span lang="zh">王编</span> · <time datetime="2025-03-28T01:02:03Z">2025-03-28 01:02 UTC</time></p>');
    const bare = article({ source: undefined, editor: undefined, published: undefined });
    expect(page(bare)).toContain('<p class="attribution">From <a href="https://news.example/story?x=1&amp;y=2" rel="noopener noreferrer">Daily &amp; Co</a></p>');
    const neg = article({ published: '2025-03-28T09:00:00-05:30' });
    expect(page(neg)).toContain('>2025-03-28 09:00 -05:30</time>');
  });

  it('names the source by the page source, then the id, when it is not configured', () => {
    expect(renderArticlePage(article(), BASE, undefined)).toContain('<p class="crumbs"><a href="https://f.example/">duofeed</a> › <a href="https://f.example/#source-daily">样例日报</a></p>');
    expect(renderArticlePage(article({ source: undefined }), BASE, undefined)).toContain('<a href="https://f.example/#source-daily">daily</a>');
  });

  it('mode links: every mode, the current one marked; the pinyin and script toggles', () => {
    expect(page(article())).toContain(
      '<nav class="modes" aria-label="Reading mode"><ul>' +
        `<li><a href="${A}?lang=bi&amp;layout=side" aria-current="page">Side by side · 对照</a></li>` +
        `<li><a href="${A}?lang=bi&amp;layout=inter">Interleaved · 逐句</a></li>` +
        `<li><a href="${A}?lang=en">English, tap for 中文</a></li>` +
        `<li><a href="${A}?lang=zh" lang="zh">中文，点开看英文</a></li></ul>` +
        `<ul><li><a href="${A}?lang=bi&amp;layout=side&amp;pinyin=1">Pinyin · 拼音</a></li>` +
        `<li><a href="${A}?lang=bi&amp;layout=side&amp;script=hant" lang="zh-Hant">繁體字</a></li></ul></nav>`,
    );
    const inter = page(article(), { layout: 'inter', pinyin: true }, { pinyin: () => [] });
    expect(inter).toContain(`<li><a href="${A}?lang=bi&amp;layout=side&amp;pinyin=1">Side by side · 对照</a></li>`);
    expect(inter).toContain(`<li><a href="${A}?lang=bi&amp;layout=inter&amp;pinyin=1" aria-current="page">Interleaved · 逐句</a></li>`);
    expect(inter).toContain(`<li><a href="${A}?lang=bi&amp;layout=inter" aria-current="true">Hide pinyin · 隐藏拼音</a></li>`);
    expect(inter).toContain('<body class="py">');
    expect(page(article())).toContain('<body>\n');
  });

  it('the script link offers the other script, or the way back to the original after a conversion', () => {
    expect(page(article(), {}, { original: 'hant' })).toContain(`<li><a href="${A}?lang=bi&amp;layout=side&amp;script=hans" lang="zh-Hans">简体字</a></li></ul></nav>`);
    expect(page(article(), { script: 'hant' }, { original: 'hans', convert: (s) => s })).toContain(`<li><a href="${A}?lang=bi&amp;layout=side&amp;script=hans" lang="zh-Hans">原文（简体）</a></li></ul></nav>`);
    expect(page(article(), { script: 'hans' }, { original: 'hant', convert: (s) => s })).toContain(`<li><a href="${A}?lang=bi&amp;layout=side&amp;script=hant" lang="zh-Hant">原文（繁體）</a></li></ul></nav>`);
    expect(page(article(), { script: 'hans' }, { original: 'hans' })).toContain(`<li><a href="${A}?lang=bi&amp;layout=side&amp;script=hant" lang="zh-Hant">繁體字</a></li></ul></nav>`);
    expect(page(article(), { script: 'hans' })).toContain('lang="zh-Hant">繁體字</a>');
  });

  it('previous and next in the same mode; none without neighbours', () => {
    const html = page(article(), { lang: 'en' }, {}, { neighbours: { newer: other('n1', { en: 'Newer <one>', zh: '新' }), older: other('o1', { en: 'Older', zh: '旧' }) } });
    expect(html).toContain(
      '<nav class="prevnext" aria-label="More from Daily &amp; Co">' +
        '<a href="https://f.example/articles/n1?lang=en" rel="prev"><span>← Newer:</span> <span lang="en">Newer &lt;one&gt;</span></a>' +
        '<a href="https://f.example/articles/o1?lang=en" rel="next"><span>Older:</span> <span lang="en">Older</span></a></nav>\n</main>',
    );
    const onlyOlder = page(article(), {}, {}, { neighbours: { older: other('o1', { en: 'Older', zh: '旧' }) } });
    expect(onlyOlder).toContain('<nav class="prevnext" aria-label="More from Daily &amp; Co"><span></span><a href="https://f.example/articles/o1" rel="next"><span>Older:</span> <span lang="en">Older · 旧</span></a></nav>');
    const onlyNewer = page(article(), { lang: 'zh' }, {}, { neighbours: { newer: other('n1', { en: 'N', zh: '新' }) } });
    expect(onlyNewer).toContain('<a href="https://f.example/articles/n1?lang=zh" rel="prev"><span>← Newer:</span> <span lang="zh">新</span></a><span></span></nav>');
    expect(page(article())).toContain('</article>\n</main>\n');
    expect(page(article(), { lang: 'en' })).not.toContain('<nav class="prevnext"');
  });

  it('the footer: this article\'s exports, its source\'s exports and feeds', () => {
    expect(page(article())).toContain(
      '<footer><p class="exports">Take the sentence pairs away: ' +
        `<a href="${A}.tmx" type="application/x-tmx+xml" download>TMX (translation memory)</a> · ` +
        `<a href="${A}.tsv" type="text/tab-separated-values" download>Anki cards (TSV)</a> · latest from Daily &amp; Co: ` +
        '<a href="https://f.example/feeds/daily.tmx" download>TMX</a>, <a href="https://f.example/feeds/daily.tsv" download>TSV</a></p>' +
        '<p>Feeds: <a href="https://f.example/feeds/daily.atom">Atom</a> · <a href="https://f.example/feeds/daily.rss">RSS</a> · <a href="https://f.example/feeds/daily.json">JSON Feed</a></p></footer>\n',
    );
  });

  it('an article in another reading order, or with one language, lays out its columns accordingly', () => {
    const zhFirst = page(article({ languages: ['zh', 'en'] }));
    expect(zhFirst).toContain('<html lang="zh">');
    expect(zhFirst).toContain('<div class="pair titles cols-2"><div class="side" lang="zh"><h1>春茶</h1></div><div class="side" lang="en"><h2>Tea &lt;harvest&gt;</h2></div></div>');
    const oneLang = page(article({ languages: ['en'], title: { en: 'T' }, byline: undefined }));
    expect(oneLang).toContain('<div class="pair titles cols-1"><div class="side" lang="en"><h1>T</h1></div></div>\n<section class="pair cols-1 doubtful" id="p1">');
    const noTitle = page(article({ title: { en: 'T' } }));
    expect(noTitle).toContain('<div class="side" lang="zh"></div></div>\n<p class="meta byline">');
  });
});

describe('renderArticlePage: interleaved and single-language modes', () => {
  it('interleaved: sentence pair after sentence pair', () => {
    expect(page(article(), { layout: 'inter' })).toContain(
      '<section class="ipair doubtful" id="p1"><a class="pl" href="#p1" aria-label="Permalink to pair 1">¶1</a><p class="flag">uncertain pairing · 对齐存疑 (0.30)</p>' +
        '<div class="sp" id="p1s1" data-p="p1s1"><p lang="en">One.</p><p lang="zh">一。</p></div><div class="sp" id="p1s2" data-p="p1s2"><p lang="en">Two.</p><p lang="zh">二。</p></div></section>\n' +
        '<section class="ipair" id="p2"><a class="pl" href="#p2" aria-label="Permalink to pair 2">¶2</a><div class="sp" id="p2s1" data-p="p2s1"><p lang="en">Only.</p></div></section>\n',
    );
  });

  it('English: titles, byline and notes in English first; each sentence reveals its translation; a lone sentence stands alone', () => {
    const html = page(article(), { lang: 'en' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(
      '<article>\n<div class="titles"><h1 lang="en">Tea &lt;harvest&gt;</h1><p class="meta" lang="zh">春茶</p></div>\n<p class="meta byline"><span lang="en">Zhang</span></p>\n' +
        '<section class="rpair doubtful" id="p1"><a class="pl" href="#p1" aria-label="Permalink to pair 1">¶1</a><p class="flag">uncertain pairing · 对齐存疑 (0.30)</p>' +
        '<details class="rv" id="p1s1" data-p="p1s1"><summary lang="en">One.</summary><p lang="zh">一。</p></details>' +
        '<details class="rv" id="p1s2" data-p="p1s2"><summary lang="en">Two.</summary><p lang="zh">二。</p></details></section>\n' +
        '<section class="rpair" id="p2"><a class="pl" href="#p2" aria-label="Permalink to pair 2">¶2</a><p class="only" id="p2s1" data-p="p2s1" lang="en">Only.</p></section>\n' +
        '<div class="note"><p lang="en">Note</p><p lang="zh">注</p></div>\n</article>',
    );
  });

  it('Chinese: the Chinese first; a sentence only the English has is shown in English, marked', () => {
    const html = page(article(), { lang: 'zh' });
    expect(html).toContain('<html lang="zh">');
    expect(html).toContain('<div class="titles"><h1 lang="zh">春茶</h1><p class="meta" lang="en">Tea &lt;harvest&gt;</p></div>\n<p class="meta byline"><span lang="zh">张</span></p>');
    expect(html).toContain('<details class="rv" id="p1s2" data-p="p1s2"><summary lang="zh">二。</summary><p lang="en">Two.</p></details>');
    expect(html).toContain('<p class="only note" id="p2s1" data-p="p2s1" lang="en">Only.</p>');
    expect(html).toContain('<div class="note"><p lang="zh">注</p><p lang="en">Note</p></div>');
    expect(html).toContain(`<li><a href="${A}?lang=zh" lang="zh" aria-current="page">中文，点开看英文</a></li>`);
    expect(html).toContain(`<li><a href="${A}?lang=zh&amp;pinyin=1">Pinyin · 拼音</a></li>`);
  });

  it('a single-language view of an article missing that title falls back, and leaves out an absent other title', () => {
    const html = page(article({ title: { en: 'Only English' } }), { lang: 'zh' });
    expect(html).toContain('<div class="titles"><h1 lang="zh">Only English</h1><p class="meta" lang="en">Only English</p></div>');
    const noOther = page(article({ title: { en: 'Only English' } }), { lang: 'en' });
    expect(noOther).toContain('<div class="titles"><h1 lang="en">Only English</h1></div>');
  });

  it('an article with one language: the other side is the other of en/zh; a bead with neither is skipped', () => {
    const a = article({ languages: ['zh'], title: { zh: '中' }, segments: [{ zh: ['甲。'], sentences: [{ zh: ['甲。'] }, {}] }] });
    const html = page(a, { lang: 'zh' });
    expect(html).toContain('<section class="rpair" id="p1"><a class="pl" href="#p1" aria-label="Permalink to pair 1">¶1</a><p class="only" id="p1s1" data-p="p1s1" lang="zh">甲。</p></section>');
    const en = page(article({ languages: ['en'], segments: [{ en: ['E.'], sentences: [{ en: ['E.'] }] }] }), { lang: 'zh' });
    expect(en).toContain('<p class="only note" id="p1s1" data-p="p1s1" lang="en">E.</p>');
    const ja = page(article({ languages: ['en', 'ja'], title: { en: 'E', ja: 'J' } }), { lang: 'en' });
    expect(ja).toContain('<div class="titles"><h1 lang="en">E</h1><p class="meta" lang="ja">J</p></div>');
    expect(ja).toContain('<p class="only" id="p1s1" data-p="p1s1" lang="en">One.</p>');
  });

  it('leaves out an empty byline and notes without the shown languages', () => {
    const html = page(article({ byline: { fr: 'X' }, authorNote: { fr: 'n' }, editorNote: { zh: '编' } }), { lang: 'en' });
    expect(html).not.toContain('byline');
    expect(html).toContain('<div class="note"><p lang="zh">编</p></div>');
    expect(page(article({ byline: { fr: 'X' }, authorNote: { fr: 'n' } }))).not.toContain('class="note"');
  });
});

describe('Chinese text', () => {
  const convert = (s: string) => s.replaceAll('们', '們');
  const pinyin = (s: string) => Array.from(s, (c) => (c === '你' ? { text: c, pinyin: 'nǐ' } : c === '们' || c === '們' ? { text: c, pinyin: 'men' } : { text: c }));

  it('converts the Chinese only, tags it with the shown script, and gives ruby pinyin per Han character', () => {
    const a = article({ title: { en: 'You们', zh: '你们' }, segments: [{ en: ['You们.'], zh: ['你们好。'], sentences: [{ en: ['You们.'], zh: ['你们好。'] }] }], byline: undefined, authorNote: undefined });
    const html = page(a, { script: 'hant', pinyin: true }, { original: 'hans', convert, pinyin });
    expect(html).toContain('<div class="side" lang="zh-Hant"><h2><ruby>你<rt>nǐ</rt>們<rt>men</rt></ruby></h2></div>');
    expect(html).toContain('<div class="side" lang="en"><h1>You们</h1></div>');
    expect(html).toContain('<span class="s" data-p="p1s1"><ruby>你<rt>nǐ</rt>們<rt>men</rt></ruby>好。</span>');
    expect(html).toContain('<title>You们 · 你们</title>');
  });

  it('pinyin runs: a non-Han run closes the ruby, a new Han run opens one, text is escaped', () => {
    const a = article({ title: { en: 'E', zh: '你<们>你' }, segments: [], byline: undefined, authorNote: undefined });
    const html = page(a, { pinyin: true }, { pinyin });
    expect(html).toContain('<h2><ruby>你<rt>nǐ</rt></ruby>&lt;<ruby>们<rt>men</rt></ruby>&gt;<ruby>你<rt>nǐ</rt></ruby></h2>');
    const esc = page(a, { pinyin: true }, { pinyin: () => [{ text: '<', pinyin: '&' }] });
    expect(esc).toContain('<h2><ruby>&lt;<rt>&amp;</rt></ruby></h2>');
  });

  it('without pinyin or conversion the Chinese is escaped as is; the page states the original script', () => {
    const html = page(article({ title: { en: 'E', zh: '你<们>' } }), {}, { original: 'hant' });
    expect(html).toContain('<div class="side" lang="zh-Hant"><h2>你&lt;们&gt;</h2></div>');
    expect(html).toContain('Source: <span lang="zh-Hant">样例日报</span>');
  });

  it('escapes unsafe language keys', () => {
    const html = page(article({ languages: ['en', 'x"y'], title: { en: 'E' } }));
    expect(html).toContain('<div class="side" lang="und"></div>');
  });
});

describe('articleEtag', () => {
  const tag = articleEtag(article(), BASE, SOURCE);
  it('is stable, and moves with each input the page depends on', () => {
    expect(articleEtag(article(), 'https://f.example', SOURCE, { view: DEFAULT_VIEW, neighbours: {}, doubtfulBelow: 0.5 })).toBe(tag);
    const moved = [
      articleEtag(article({ version: 2 }), BASE, SOURCE),
      articleEtag(article({ id: 'a2' }), BASE, SOURCE),
      articleEtag(article(), 'https://g.example', SOURCE),
      articleEtag(article(), BASE, { ...SOURCE, name: 'Renamed' }),
      articleEtag(article(), BASE, undefined),
      articleEtag(article(), BASE, SOURCE, { view: view({ lang: 'en' }) }),
      articleEtag(article(), BASE, SOURCE, { doubtfulBelow: 0.6 }),
      articleEtag(article(), BASE, SOURCE, { neighbours: { newer: other('n', { en: 'N' }) } }),
      articleEtag(article(), BASE, SOURCE, { neighbours: { older: other('n', { en: 'N' }) } }),
      articleEtag(article(), BASE, SOURCE, { neighbours: { older: { ...other('n', { en: 'N' }), version: 5 } } }),
    ];
    expect(new Set([tag, ...moved]).size).toBe(moved.length + 1);
    expect(articleEtag(article(), BASE, SOURCE, { neighbours: { newer: other('n', { en: 'N' }) } })).not.toBe(articleEtag(article(), BASE, SOURCE, { neighbours: { older: other('n', { en: 'N' }) } }));
  });
});

describe('module constants', () => {
  // Imported afresh inside the test: module-level values are otherwise evaluated once per test
  // worker, before any test runs, so mutation testing could never check them.
  it('mode labels, the Han test and the flag wording', async () => {
    vi.resetModules();
    const fresh = await import('../../../lambdas/core/feed/reader.js');
    expect(fresh.LAYOUTS).toEqual(['side', 'inter']);
    expect(fresh.DEFAULT_VIEW).toEqual({ lang: 'bi', layout: 'side', pinyin: false });
    const html = fresh.renderArticlePage(article({ segments: [{ en: ['x'], confidence: 0.1 }] }), BASE, SOURCE, { view: view({ lang: 'en' }) });
    expect(html).toContain('<p class="flag">uncertain pairing · 对齐存疑 (0.10)</p>');
    expect(html).toContain('Source: <span lang="zh">样例日报</span>');
    expect(html).toContain(`<ul><li><a href="${A}?lang=bi&amp;layout=side">Side by side · 对照</a></li><li><a href="${A}?lang=bi&amp;layout=inter">Interleaved · 逐句</a></li><li><a href="${A}?lang=en" aria-current="page">English, tap for 中文</a></li><li><a href="${A}?lang=zh" lang="zh">中文，点开看英文</a></li></ul>`);
    expect(html).toContain('<a class="pl" href="#p1" aria-label="Permalink to pair 1">¶1</a>');
  });
});
