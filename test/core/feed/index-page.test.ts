/**
 * The index page: autodiscovery links, the latest articles (both titles, source, date), the
 * all-sources feed links, one table row per source with its state and nine feed links, and
 * the page's CSP. Expected fragments written out by hand.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { StoredArticle } from '../../../lambdas/core/article.js';
import { INDEX_CSS, renderIndexPage, shortUtc } from '../../../lambdas/core/feed/index-page.js';
import { PAGE_CSP } from '../../../lambdas/core/feed/styles.js';
import type { Source } from '../../../lambdas/core/sources.js';
import { feedSource, storedArticle } from './fixtures.js';

const src = (id: string, name: string, over: Partial<Source> = {}): Source => feedSource(id, name, { startUrls: [`https://${id}.example/rss`], ...over });
const SOURCES = [src('daily', 'Daily & "Co"', { homepage: 'https://daily.example/' }), src('mil', 'Mil', { startUrls: ['ftp://mil.example/'] })];
const art = (over: Partial<StoredArticle> = {}): StoredArticle =>
  storedArticle({ url: 'https://d.example/1', title: { en: 'Tea <new>', zh: '春茶' }, published: '2025-03-28T09:00:00+08:00', ...over });
const feedLinks = (scope: string) =>
  `<div>Bilingual: <a href="https://f.example/feeds/${scope}.rss" type="application/rss+xml">RSS</a> · <a href="https://f.example/feeds/${scope}.atom" type="application/atom+xml">Atom</a> · <a href="https://f.example/feeds/${scope}.json" type="application/feed+json">JSON</a></div>` +
  `<div>English: <a href="https://f.example/feeds/${scope}.rss?lang=en" type="application/rss+xml">RSS</a> · <a href="https://f.example/feeds/${scope}.atom?lang=en" type="application/atom+xml">Atom</a> · <a href="https://f.example/feeds/${scope}.json?lang=en" type="application/feed+json">JSON</a></div>` +
  `<div>中文: <a href="https://f.example/feeds/${scope}.rss?lang=zh" type="application/rss+xml">RSS</a> · <a href="https://f.example/feeds/${scope}.atom?lang=zh" type="application/atom+xml">Atom</a> · <a href="https://f.example/feeds/${scope}.json?lang=zh" type="application/feed+json">JSON</a></div>`;

describe('renderIndexPage', () => {
  it('writes the head with autodiscovery of the all-sources Atom and RSS feeds', () => {
    const html = renderIndexPage(SOURCES, [], 'https://f.example/');
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>duofeed — bilingual feeds</title>\n')).toBe(true);
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="duofeed — all sources (English · 中文)" href="https://f.example/feeds/all.atom">\n');
    expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="duofeed — all sources (English · 中文)" href="https://f.example/feeds/all.rss">\n');
    expect(html).toContain(`<style>${INDEX_CSS}</style>\n</head>\n<body>\n<header><h1>duofeed</h1>\n`);
    expect(html).toContain('import <a href="https://f.example/opml">the OPML list</a>.</p></header>\n<main>\n');
    expect(html.endsWith('</tbody>\n</table>\n</main>\n</body>\n</html>\n')).toBe(true);
  });

  it('says so when there are no articles yet; links all-sources feeds in every view and format', () => {
    const html = renderIndexPage(SOURCES, [], 'https://f.example');
    expect(html).toContain('<h2>Latest articles</h2>\n<p>No articles yet.</p>\n');
    expect(html).toContain(`<h2>All sources</h2>\n${feedLinks('all')}\n<h2>Sources</h2>\n`);
    expect(html).toContain('<table class="sources">\n<thead><tr><th>Source</th><th>Last fetch</th><th>Articles</th><th>Failures</th><th>Feeds</th></tr></thead>\n<tbody>\n');
  });

  it('one row per source: name linked to its home page (http only), id, last fetch, error, counts, feeds', () => {
    const html = renderIndexPage(SOURCES, [{ sourceId: 'daily', lastFetch: '2025-03-30T02:00:00.5Z', articles: 7, failures: 2, lastError: 'HTTP 503 <x>' }], 'https://f.example');
    expect(html).toContain(
      '<tr id="source-daily"><td><a href="https://daily.example/" rel="noopener noreferrer">Daily &amp; &quot;Co&quot;</a><br><code>daily</code></td>' +
        '<td data-label="Last fetch"><time datetime="2025-03-30T02:00:00.5Z">2025-03-30 02:00 UTC</time><br><small>HTTP 503 &lt;x&gt;</small></td>' +
        `<td data-label="Articles">7</td><td data-label="Failures">2</td><td class="feeds">${feedLinks('daily')}</td></tr>\n`,
    );
    expect(html).toContain('<tr id="source-mil"><td>Mil<br><code>mil</code></td><td data-label="Last fetch">never</td><td data-label="Articles">0</td><td data-label="Failures">0</td>');
    const viaStart = renderIndexPage([src('s', 'S', { startUrls: ['HTTP://s.example/list'] })], [{ sourceId: 's', articles: 1, failures: 0 }], 'https://f.example');
    expect(viaStart).toContain('<td><a href="HTTP://s.example/list" rel="noopener noreferrer">S</a><br><code>s</code></td><td data-label="Last fetch">never</td><td data-label="Articles">1</td>');
    const noUrl = renderIndexPage([src('n', 'N', { startUrls: [] })], [], 'https://f.example');
    expect(noUrl).toContain('<tr id="source-n"><td>N<br><code>n</code></td>');
  });

  it('lists the latest articles: both titles, the first linked to its page; source and day', () => {
    const html = renderIndexPage(SOURCES, [], 'https://f.example', [
      art(),
      art({ id: 'a2', languages: ['zh', 'en'], sourceId: 'gone', source: 'Page Source', published: undefined, firstSeen: '2025-04-02T03:00:00Z' }),
      art({ id: 'a3', title: { en: ' ', zh: '' }, sourceId: 'gone2' }),
      art({ id: 'a4', languages: ['en', 'x"'], title: { en: 'E', 'x"': 'X' } }),
    ]);
    expect(html).toContain(
      '<ol class="latest">' +
        '<li><a href="https://f.example/articles/a1" lang="en">Tea &lt;new&gt;</a><br><span lang="zh">春茶</span><br><small>Daily &amp; &quot;Co&quot; · <time datetime="2025-03-28T09:00:00+08:00">2025-03-28</time></small></li>' +
        '<li><a href="https://f.example/articles/a2" lang="zh">春茶</a><br><span lang="en">Tea &lt;new&gt;</span><br><small>Page Source · <time datetime="2025-04-02T03:00:00Z">2025-04-02</time></small></li>' +
        '<li><a href="https://f.example/articles/a3">a3</a><br><small>gone2 · <time datetime="2025-03-28T09:00:00+08:00">2025-03-28</time></small></li>' +
        '<li><a href="https://f.example/articles/a4" lang="en">E</a><br><span lang="und">X</span><br><small>',
    );
    expect(html).toContain('</small></li></ol>\n<h2>All sources</h2>');
  });
});

describe('shortUtc', () => {
  it('shortens UTC timestamps to the minute and leaves anything else alone', () => {
    expect(shortUtc('2026-11-30T14:57:21.364Z')).toBe('2026-11-30 14:57 UTC');
    expect(shortUtc('2026-11-30T14:57:21Z')).toBe('2026-11-30 14:57 UTC');
    expect(shortUtc('2026-11-30T14:57Z')).toBe('2026-11-30 14:57 UTC');
    expect(shortUtc('2026-11-30T14:57:21+08:00')).toBe('2026-11-30T14:57:21+08:00');
    expect(shortUtc('x2026-11-30T14:57:21Z')).toBe('x2026-11-30T14:57:21Z');
    expect(shortUtc('2026-11-30T14:57:21Zx')).toBe('2026-11-30T14:57:21Zx');
    expect(shortUtc('2026-11-30T14:57:2Z')).toBe('2026-11-30T14:57:2Z');
    expect(shortUtc('2026-11-30T14:57:21.Z')).toBe('2026-11-30T14:57:21.Z');
  });
});

describe('module constants', () => {
  // Imported afresh inside the test: module-level values are otherwise evaluated once per test
  // worker, before any test runs, so mutation testing could never check them.
  it('the page CSS (mobile table as blocks) is allowed by its hash beside the shared stylesheet', async () => {
    vi.resetModules();
    const fresh = await import('../../../lambdas/core/feed/index-page.js');
    const styles = await import('../../../lambdas/core/feed/styles.js');
    expect(fresh.INDEX_CSS).toContain('@media (max-width:40rem){\n.sources,.sources tbody,.sources tr,.sources td{display:block}');
    expect(fresh.INDEX_CSS).toContain('.latest li{margin:0 0 .6rem;overflow-wrap:anywhere}');
    const hash = createHash('sha256').update(fresh.INDEX_CSS).digest('base64');
    expect(fresh.INDEX_CSP).toBe(styles.PAGE_CSP.replace('style-src ', `style-src 'sha256-${hash}' `));
    expect(fresh.INDEX_CSP).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]{43}=' 'sha256-[A-Za-z0-9+/]{43}='; img-src https: http:;/);
    const html = fresh.renderIndexPage([src('d', 'D')], [], 'https://f.example');
    expect(html).toContain('<div>Bilingual: <a href="https://f.example/feeds/d.rss" type="application/rss+xml">RSS</a> · <a href="https://f.example/feeds/d.atom" type="application/atom+xml">Atom</a> · <a href="https://f.example/feeds/d.json" type="application/feed+json">JSON</a></div><div>English: ');
    expect(html).toContain('<div>中文: ');
  });
  it('the shared policy allows nothing but its stylesheet and images', async () => {
    vi.resetModules();
    const fresh = await import('../../../lambdas/core/feed/styles.js');
    const hash = createHash('sha256').update(fresh.PAGE_CSS).digest('base64');
    expect(fresh.PAGE_CSP).toBe(`default-src 'none'; style-src 'sha256-${hash}'; img-src https: http:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`);
    expect(fresh.PAGE_CSS).toContain('.pair{display:grid;column-gap:2.5rem;align-items:start;margin:0 0 1.1rem}');
    expect(fresh.PAGE_CSS).toContain('@media (max-width:40rem){.pair{grid-template-columns:minmax(0,1fr)}');
    expect(PAGE_CSP).toBe(fresh.PAGE_CSP);
  });
});
