import { describe, expect, it } from 'vitest';
import { articleIdFor } from '../../../lambdas/core/ids.js';
import { canonicalJson } from '../../../lambdas/core/ids.js';
import { parseArticle, siteOf } from '../../../lambdas/core/parse/index.js';
import { sentenceShape } from '../../../lambdas/core/ids.js';

const en1 = 'A Chinese naval hospital ship returned to its home port on Wednesday after a 40-day medical mission in the South Pacific.';
const zh1 = '一艘中国海军医院船结束为期40天的南太平洋医疗服务任务，于周三返回母港。';
const en2 = 'Doctors performed 86 operations on board, most of them cataract procedures that local hospitals could not schedule.';
const zh2 = '医生们在船上共完成86台手术，其中大部分是当地医院难以安排的白内障手术。';
const page = (head = '', extra = '') =>
  `<html><head>${head}</head><body><h1>Hospital ship returns</h1><h2>医院船返回母港</h2><p>${en1}</p><p>${zh1}</p><p>${en2}</p><p>${zh2}</p>${extra}</body></html>`;

describe('parseArticle', () => {
  it('returns the article contract, omitting absent fields', () => {
    const r = parseArticle({ bytes: page(), path: 'a.html' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.article)).toEqual(['id', 'languages', 'title', 'segments', 'contentHash']);
    expect(r.article.segments.map((s) => [s.en, s.zh])).toEqual([[[en1], [zh1]], [[en2], [zh2]]]);
  });

  it.each([
    ['canonical link', page('<link rel="canonical" href="https://www.news.example/a/1.html#top">'), { url: 'https://m.news.example/other' }, 'https://www.news.example/a/1.html'],
    ['fetched URL, not a canonical on another site', page('<link rel="canonical" href="https://victim.example/a/1.html">'), { url: 'https://attacker.example/x.html' }, 'https://attacker.example/x.html'],
    ['fetched URL, not an og:url on another site', page('<meta property="og:url" content="https://news.example.com.cn/a/1.html">'), { url: 'https://other.com.cn/a/1.html' }, 'https://other.com.cn/a/1.html'],
    ['relative canonical', page('<link rel="canonical" href="/a/1.html">'), { url: 'https://news.example/list/' }, 'https://news.example/a/1.html'],
    ['og:url', page('<meta property="og:url" content="https://news.example/a/2.html">'), {}, 'https://news.example/a/2.html'],
    ['input URL', page(), { url: 'https://news.example/a/3.html' }, 'https://news.example/a/3.html'],
  ])('derives id and url from the %s', (_name, html, input, url) => {
    const r = parseArticle({ bytes: html, path: 'local.html', ...input });
    expect(r.ok && r.article.url).toBe(url);
    expect(r.ok && r.article.id).toBe(articleIdFor(url));
  });

  it('falls back to the path for the id of a local file', () => {
    const r = parseArticle({ bytes: page(), path: 'samples/x/articles/a.html' });
    expect(r.ok && r.article.id).toBe(articleIdFor('samples/x/articles/a.html'));
    expect(r.ok && 'url' in r.article).toBe(false);
  });

  it('hashes content: same content same hash, changed text a new hash, the id is not part of it', () => {
    const a = parseArticle({ bytes: page(), path: 'a.html' });
    const b = parseArticle({ bytes: page(), path: 'b.html' });
    const c = parseArticle({ bytes: page('', '<p>One more closing paragraph in English only, added after publication.</p>'), path: 'a.html' });
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (!a.ok || !b.ok || !c.ok) return;
    expect(a.article.contentHash).toBe(b.article.contentHash);
    expect(a.article.contentHash).not.toBe(c.article.contentHash);
  });

  it.each([
    ['empty bytes', new Uint8Array(0), /empty/],
    ['whitespace only', '   \n\t  ', /empty/],
    ['binary (PNG)', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /binary/],
    ['NUL characters in a string', 'abc\u0000def', /binary/],
    ['English only', `<p>${en1}</p><p>${en2}</p>`, /not a bilingual article: found 2 English and 0 Chinese/],
    ['Chinese only', `<p>${zh1}</p><p>${zh2}</p>`, /not a bilingual article/],
    ['navigation only', '<ul><li><a href="/">Home</a></li><li><a href="/a">首页</a></li></ul>', /no article text|not a bilingual/],
    ['absurd nesting', `${'<div>'.repeat(20_000)}<p>${en1}</p>`, /nested deeper/],
  ])('refuses %s with a reason', (_name, bytes, reason) => {
    const r = parseArticle({ bytes, path: 'bad' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('puts Chinese first in languages and segments when the page leads with Chinese', () => {
    const r = parseArticle({ bytes: `<h1>医院船返回母港</h1><h2>Hospital ship returns</h2><p>${zh1}</p><p>${en1}</p><p>${zh2}</p><p>${en2}</p>`, path: 'z.html' });
    expect(r.ok && r.article.languages).toEqual(['zh', 'en']);
    expect(r.ok && Object.keys(r.article.segments[0]!)).toEqual(['zh', 'en', 'confidence', 'sentences']);
    expect(r.ok && r.article.segments.every((s) => s.sentences!.every((b) => Object.keys(b).join() === 'zh,en'))).toBe(true);
  });

  it('gives every segment its sentence beads, which rejoin to its paragraphs', () => {
    const r = parseArticle({ bytes: `<h1>Hospital ship returns</h1><h2>医院船返回母港</h2><p>${en1}</p><p>${zh1}</p><p>${en2}</p><p>${zh2}</p>`, path: 'e.html' });
    if (!r.ok) throw new Error(r.reason);
    for (const s of r.article.segments) {
      expect(s.sentences!.length).toBeGreaterThan(0);
      for (const l of ['en', 'zh'] as const) expect(s.sentences!.flatMap((b) => b[l]!).join('').replace(/\s+/g, '')).toBe(s[l]!.join('').replace(/\s+/g, ''));
    }
  });

  it('hashes the sentence beads by their shape: other beads over the same paragraphs are other content', () => {
    expect(sentenceShape([[{ en: ['A b.', 'C.'], zh: ['甲。'] }]], ['en', 'zh'])).not.toBe(sentenceShape([[{ en: ['A b.'], zh: ['甲。'] }, { en: ['C.'], zh: [] }]], ['en', 'zh']));
    expect(sentenceShape([[{ en: ['A b.', 'C.'], zh: ['甲。'] }]], ['en', 'zh'])).not.toBe(sentenceShape([[{ en: ['A', 'b. C.'], zh: ['甲。'] }]], ['en', 'zh']));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe('{"a":{"d":[2,{"e":0,"f":1}]},"b":1}');
  });
});

describe('siteOf', () => {
  it.each([
    ['https://www.chinadaily.com.cn/a/1.html', 'chinadaily.com.cn'],
    ['https://language.chinadaily.com.cn/a/1.html', 'chinadaily.com.cn'],
    ['http://eng.chinamil.com.cn/BILINGUAL/1.html', 'chinamil.com.cn'],
    ['https://www.ftchinese.com/story/1', 'ftchinese.com'],
    ['https://news.bbc.co.uk/x', 'bbc.co.uk'],
    ['http://127.0.0.1:8080/x', '127.0.0.1'],
    ['https://EXAMPLE.org./x', 'example.org'],
  ])('%s → %s', (url, site) => expect(siteOf(url)).toBe(site));

  it('warns when it ignores a cross-site canonical', () => {
    const r = parseArticle({ bytes: page('<link rel="canonical" href="https://victim.example/a/1.html">'), url: 'https://attacker.example/x.html' });
    expect(r.ok && r.warnings.join(' ')).toContain('another site');
  });
});
