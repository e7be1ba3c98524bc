/**
 * The OPML list as a reader's import sees it: one folder per view, in the order bi, en, zh;
 * in each, the all-sources feed then every source, each an Atom subscription with its title,
 * language and home link. Read back with an XML parser.
 */
import { describe, expect, it, vi } from 'vitest';
import { renderOpml } from '../../../lambdas/core/feed/opml.js';
import type { Source } from '../../../lambdas/core/sources.js';
import { readXml } from './xml.js';
import { feedSource } from './fixtures.js';

const source = (id: string, name: string): Source => feedSource(id, name, { startUrls: [`https://${id}.example/rss.xml`] });
const SOURCES = [source('daily', 'Daily & "Friends" <b>'), source('mil', 'Military')];

describe('renderOpml', () => {
  it('is OPML 2.0 with a title and the spec link', () => {
    const body = renderOpml(SOURCES, 'https://f.example//');
    expect(body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0">\n<head>\n<title>duofeed feeds</title>\n')).toBe(true);
    expect(body.endsWith('</outline>\n</body>\n</opml>\n')).toBe(true);
    const opml = readXml(body).opml;
    expect(opml['@version']).toBe('2.0');
    expect([opml.head.title, opml.head.docs]).toEqual(['duofeed feeds', 'http://opml.org/spec2.opml']);
  });

  it('has one folder per view, bilingual first, each with all sources then every source', () => {
    const folders = readXml(renderOpml(SOURCES, 'https://f.example/')).opml.body.outline as any[];
    expect(folders.map((f) => [f['@text'], f['@title']])).toEqual([
      ['duofeed — English · 中文', 'duofeed — English · 中文'],
      ['duofeed — English', 'duofeed — English'],
      ['duofeed — 中文', 'duofeed — 中文'],
    ]);
    const [bi, en, zh] = folders.map((f) => f.outline as any[]);
    expect(bi).toEqual([
      {
        '@type': 'rss',
        '@text': 'duofeed — all sources (English · 中文)',
        '@title': 'duofeed — all sources (English · 中文)',
        '@language': 'en',
        '@xmlUrl': 'https://f.example/feeds/all.atom',
        '@htmlUrl': 'https://f.example/',
      },
      {
        '@type': 'rss',
        '@text': 'Daily & "Friends" <b> (English · 中文)',
        '@title': 'Daily & "Friends" <b> (English · 中文)',
        '@language': 'en',
        '@xmlUrl': 'https://f.example/feeds/daily.atom',
        '@htmlUrl': 'https://f.example/#source-daily',
      },
      {
        '@type': 'rss',
        '@text': 'Military (English · 中文)',
        '@title': 'Military (English · 中文)',
        '@language': 'en',
        '@xmlUrl': 'https://f.example/feeds/mil.atom',
        '@htmlUrl': 'https://f.example/#source-mil',
      },
    ]);
    expect(en!.map((o) => [o['@title'], o['@language'], o['@xmlUrl']])).toEqual([
      ['duofeed — all sources (English)', 'en', 'https://f.example/feeds/all.atom?lang=en'],
      ['Daily & "Friends" <b> (English)', 'en', 'https://f.example/feeds/daily.atom?lang=en'],
      ['Military (English)', 'en', 'https://f.example/feeds/mil.atom?lang=en'],
    ]);
    expect(zh!.map((o) => [o['@title'], o['@language'], o['@xmlUrl'], o['@htmlUrl']])).toEqual([
      ['duofeed — all sources (中文)', 'zh', 'https://f.example/feeds/all.atom?lang=zh', 'https://f.example/'],
      ['Daily & "Friends" <b> (中文)', 'zh', 'https://f.example/feeds/daily.atom?lang=zh', 'https://f.example/#source-daily'],
      ['Military (中文)', 'zh', 'https://f.example/feeds/mil.atom?lang=zh', 'https://f.example/#source-mil'],
    ]);
  });

  it('escapes names and URLs in attributes, and writes one outline per line', () => {
    const body = renderOpml(SOURCES, 'https://f.example');
    expect(body).toContain(
      '\n  <outline type="rss" text="Daily &amp; &quot;Friends&quot; &lt;b&gt; (English)" title="Daily &amp; &quot;Friends&quot; &lt;b&gt; (English)" language="en" xmlUrl="https://f.example/feeds/daily.atom?lang=en" htmlUrl="https://f.example/#source-daily"/>\n',
    );
    expect(body).toContain('<body>\n<outline text="duofeed — English · 中文" title="duofeed — English · 中文">\n  <outline type="rss" text="duofeed — all sources (English · 中文)"');
  });

  it('with no sources lists the all-sources feed in each folder', () => {
    const folders = readXml(renderOpml([], 'https://f.example')).opml.body.outline as any[];
    expect(folders).toHaveLength(3);
    expect(folders.map((f) => (f.outline as any[]).map((o) => o['@xmlUrl']))).toEqual([
      ['https://f.example/feeds/all.atom'],
      ['https://f.example/feeds/all.atom?lang=en'],
      ['https://f.example/feeds/all.atom?lang=zh'],
    ]);
  });

  it('a source whose id is "all"-like still links its own anchor', () => {
    const o = readXml(renderOpml([source('all-news', 'All News')], 'https://f.example')).opml.body.outline[0].outline[1];
    expect(o['@htmlUrl']).toBe('https://f.example/#source-all-news');
  });
});

describe('module constants', () => {
  // Imported afresh inside the test: module-level values are otherwise evaluated once per test
  // worker, before any test runs, so mutation testing could never check them.
  it('the folder names per view', async () => {
    vi.resetModules();
    const fresh = await import('../../../lambdas/core/feed/opml.js');
    const folders = readXml(fresh.renderOpml([], 'https://f.example')).opml.body.outline as any[];
    expect(folders.map((f) => f['@text'])).toEqual(['duofeed — English · 中文', 'duofeed — English', 'duofeed — 中文']);
  });
});
