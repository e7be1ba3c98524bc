// Tests aimed at mutants of lambdas/core/parse/index.ts that the sampled runs left alive: the
// sentence evidence that only two-sided beads carry, the site of a URL, which URLs may name an
// article, and the optional parts of the outcome. Small made-up pages.
import { describe, expect, it } from 'vitest';
import { articleIdFor } from '../../../lambdas/core/ids.js';
import { FEATURE_NAMES } from '../../../lambdas/core/parse/confidence.js';
import { parseArticle, siteOf } from '../../../lambdas/core/parse/index.js';

const en1 = 'The river ferry that links the two old towns will run every twenty minutes from next Monday, the city said.';
const zh1 = '市政府表示，连接两座古镇的渡轮从下周一起每二十分钟开行一班。';
const en2 = 'Tickets stay at three yuan, and children under one metre travel free, as they have done since the service began.';
const zh2 = '票价仍为三元，身高一米以下的儿童免费乘船，与开航以来的做法相同。';
/** An English paragraph with no Chinese partner, long enough to be body text. */
const lone = 'Residents who commute by boat say the shorter wait will save them nearly half an hour on a typical working day.';
const page = (head = '', body = `<p>${en1}</p><p>${zh1}</p><p>${en2}</p><p>${zh2}</p>`, titles = '<h1>Ferry runs more often</h1><h2>渡轮班次加密</h2>') =>
  `<html><head>${head}</head><body>${titles}${body}</body></html>`;

describe('parseArticle: sentence evidence is for two-sided beads only', () => {
  it('a one-sided bead has no sentence shares and no marks; pairs have them', () => {
    const r = parseArticle({ bytes: page('', `<p>${en1}</p><p>${zh1}</p><p>${lone}</p><p>${en2}</p><p>${zh2}</p>`), explain: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const segs = r.article.segments;
    const x = segs.findIndex((s) => s.zh!.length === 0);
    expect(x).toBeGreaterThan(-1);
    expect(segs[x]!.en).toEqual([lone]);
    // The one-sided bead's sentences are all unpaired, yet it gets no sentence evidence.
    expect(segs[x]!.sentences!.length).toBeGreaterThan(0);
    const row = r.features![x]!;
    for (const name of ['one-sided sentence share', 'not 1-1 sentence share', 'marks on one side only'] as const) expect(row[FEATURE_NAMES.indexOf(name)], name).toBe(0);
    // A pair whose sentences pair 1-1 has shares of 0 too, but they are computed: an uneven pair gets a share above 0.
    const uneven = parseArticle({ bytes: page('', `<p>${en1} ${lone}</p><p>${zh1}</p><p>${en2}</p><p>${zh2}</p>`), explain: true });
    expect(uneven.ok).toBe(true);
    if (!uneven.ok) return;
    expect(uneven.article.segments[0]!.en).toEqual([`${en1} ${lone}`]);
    expect(uneven.features![0]![FEATURE_NAMES.indexOf('not 1-1 sentence share')]).toBeGreaterThan(0);
  });

  it('returns features only when asked, and boilerplate lines only when given boilerplate', () => {
    const plain = parseArticle({ bytes: page() });
    expect(plain.ok && 'features' in plain).toBe(false);
    expect(plain.ok && 'boilerplate' in plain).toBe(false);
    const learnt = parseArticle({ bytes: page(), boilerplate: new Set() });
    expect(learnt.ok && learnt.boilerplate?.removed).toEqual([]);
    expect(learnt.ok && learnt.boilerplate!.lines.length).toBeGreaterThan(0);
    const explained = parseArticle({ bytes: page(), explain: true });
    expect(explained.ok && explained.features!.length).toBe(explained.ok && explained.article.segments.length);
  });
});

describe('parseArticle: titles and refusals', () => {
  it('warns which title is missing', () => {
    const noZh = parseArticle({ bytes: page('', undefined, '<h1>Ferry runs more often</h1>') });
    expect(noZh.ok && noZh.warnings).toContain('title missing in Chinese');
    // No title at all: English is named first.
    const noEn = parseArticle({ bytes: page('', undefined, '') });
    expect(noEn.ok && noEn.warnings).toContain('title missing in English');
    const both = parseArticle({ bytes: page() });
    expect(both.ok && both.warnings.filter((w) => w.startsWith('title missing'))).toEqual([]);
  });

  it('refuses a page with body text in one language only, counting its paragraphs', () => {
    const r = parseArticle({ bytes: page('', `<p>${en1}</p><p>${lone}</p><p>${en2}</p>`) });
    expect(r).toEqual({ ok: false, reason: 'not a bilingual article: found 3 English and 0 Chinese body paragraphs' });
  });
});

describe('parseArticle: the URL that names an article', () => {
  it.each([
    // Only http(s) names an article: another scheme is passed over for the next candidate.
    ['a canonical in another scheme', page('<link rel="canonical" href="ftp://news.example/a/1.html"><meta property="og:url" content="https://news.example/a/2.html">'), 'https://news.example/x', 'https://news.example/a/2.html'],
    ['a canonical in a scheme ending in http', page('<link rel="canonical" href="xhttps://news.example/a/1.html">'), 'https://news.example/x', 'https://news.example/x'],
    ['a canonical that is no URL', page('<link rel="canonical" href="http://">'), 'https://news.example/x#comments', 'https://news.example/x'],
    ['an og:url on the same registrable site', page('<meta property="og:url" content="https://m.news.example.co.uk/a/3.html">'), 'https://www.news.example.co.uk/x', 'https://m.news.example.co.uk/a/3.html'],
  ])('%s', (_name, html, url, expected) => {
    const r = parseArticle({ bytes: html, url });
    expect(r.ok && r.article.url).toBe(expected);
    expect(r.ok && r.article.id).toBe(articleIdFor(expected));
    expect(r.ok && r.warnings.some((w) => w.includes('another site'))).toBe(false);
  });

  it('a fetched URL in another scheme gives no url; the id comes from it as given', () => {
    const r = parseArticle({ bytes: page(), url: 'file:///tmp/a.html', path: 'a.html' });
    expect(r.ok && 'url' in r.article).toBe(false);
    expect(r.ok && r.article.id).toBe(articleIdFor('file:///tmp/a.html'));
  });

  it('with no fetched URL, the canonical link is kept (there is no site to compare it with)', () => {
    const r = parseArticle({ bytes: page('<link rel="canonical" href="https://news.example/a/4.html">'), path: 'a.html' });
    expect(r.ok && r.article.url).toBe('https://news.example/a/4.html');
    expect(r.ok && r.article.id).toBe(articleIdFor('https://news.example/a/4.html'));
  });

  it('with neither URL nor path, the id comes from the content hash', () => {
    const r = parseArticle({ bytes: page() });
    expect(r.ok && r.article.id).toBe(r.ok && articleIdFor(`content:${r.article.contentHash}`));
  });
});

describe('siteOf', () => {
  it.each([
    ['not a url', 'not a url'],
    ['https://[::1]:8443/x', '[::1]'],
    ['https://example.net/', 'example.net'],
    ['https://a.b.example.net/', 'example.net'],
    ['https://www.example.ac.uk/', 'example.ac.uk'],
    ['https://www.example.gov.cn/', 'example.gov.cn'],
    ['https://www.example.cn/', 'example.cn'],
    ['https://co.uk/', 'co.uk'],
    ['https://www.comet.uk/', 'comet.uk'],
    ['https://10.0.0.1/', '10.0.0.1'],
    ['https://bbc.co.uk/', 'bbc.co.uk'],
    ['https://www.shop.telecom.uk/', 'telecom.uk'],
    ['https://www.shop.commerce.uk/', 'commerce.uk'],
  ])('%s → %s', (url, site) => expect(siteOf(url)).toBe(site));
});
