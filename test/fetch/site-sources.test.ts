/**
 * The source records shipped for real bilingual sites (lambdas/fetch/sources.default.json,
 * deployed by default, and lambdas/fetch/sources.sites.json). None could be tried against the
 * live site (the network here reaches only npm and Debian): the URL forms below come from
 * public code that reads these sites (scrapers, feed readers) and from the layout notes of
 * samples/sites; they are what each record must accept, and what it must leave alone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../lambdas/core/links.js';
import type { Source } from '../../lambdas/core/sources.js';
import { loadSources } from '../../lambdas/fetch/config.js';
import { synth } from '../cdk/helpers.js';

const load = (file: string) => loadSources(readFileSync(file, 'utf8'), file);
const DEFAULT = load('lambdas/fetch/sources.default.json');
const SITES = load('lambdas/fetch/sources.sites.json');
const byId = new Map([...DEFAULT, ...SITES].map((s) => [s.id, s]));
const source = (id: string): Source => byId.get(id) ?? (() => { throw new Error(`no source ${id}`); })();

describe('shipped source records', () => {
  it('name the real sites the README names, each once', () => {
    expect([...byId.keys()]).toEqual(['chinamil-news', 'chinamil-opinions', 'chinadaily-bilingual', 'ftchinese-bilingual', 'nytimes-cn-dual', 'kekenet-science']);
    for (const s of byId.values()) {
      expect(s.languages.sort()).toEqual(['en', 'zh']);
      expect(s.allowPrivateNetwork, s.id).toBeUndefined();
      // Polite by default: at least two seconds between two requests to one host.
      expect(s.minDelayMs, s.id).toBeGreaterThanOrEqual(2000);
    }
  });

  it.each([
    ['chinamil-news', ['http://eng.chinamil.com.cn/BILINGUAL/News_209203/16390420.html', 'http://eng.chinamil.com.cn/BILINGUAL/News_209203/2025-03/29/content_10001.htm'], ['http://eng.chinamil.com.cn/BILINGUAL/News_209203/index.html', 'http://eng.chinamil.com.cn/BILINGUAL/Opinions_209205/16390420.html']],
    ['chinamil-opinions', ['http://eng.chinamil.com.cn/BILINGUAL/Opinions_209205/16390421.html'], ['http://eng.chinamil.com.cn/BILINGUAL/Opinions_209205/index_2.html']],
    ['chinadaily-bilingual', ['https://language.chinadaily.com.cn/a/202505/07/WS681b18fba310a04af22bdeef.html', 'http://language.chinadaily.com.cn/a/202011/18/WS5fb4a679a31024ad0ba94eb2.html'], ['https://language.chinadaily.com.cn/news_bilingual/page_10.html', 'https://language.chinadaily.com.cn/a/201906/30/WS5d1817a0a3103dbf1432b082_3.html', 'https://www.chinadaily.com.cn/a/202505/07/WS681b18fba310a04af22bdeef.html']],
    ['ftchinese-bilingual', ['https://www.ftchinese.com/story/001079621/ce'], ['https://www.ftchinese.com/story/001079621', 'https://www.ftchinese.com/channel/special.html']],
    ['nytimes-cn-dual', ['https://cn.nytimes.com/china/20250329/harbour-reopens/dual/'], ['https://cn.nytimes.com/china/20250329/harbour-reopens/', 'https://cn.nytimes.com/rss/']],
    ['kekenet-science', ['http://www.kekenet.com/read/201902/578122.shtml', 'https://www.kekenet.com/read/202512/812345.shtml'], ['http://www.kekenet.com/read/news/keji/', 'http://www.kekenet.com/read/essay/ats/']],
  ])('%s: its linkPattern takes article pages and leaves listings and other sites alone', (id, articles, others) => {
    const re = new RegExp(source(id).linkPattern);
    for (const url of articles) expect(re.test(url), url).toBe(true);
    for (const url of others) expect(re.test(url), url).toBe(false);
  });

  it.each([
    ['ftchinese-bilingual', ['https://www.ftchinese.com/story/001079621', 'http://www.ftchinese.com/story/001066870?full=y', 'https://www.ftchinese.com/story/001079621/ce?ccode=LanguageSwitch&archive'], ['https://www.ftchinese.com/story/001079621/ce', 'http://www.ftchinese.com/story/001066870/ce']],
    ['nytimes-cn-dual', ['https://cn.nytimes.com/china/20250329/harbour-reopens/', 'https://cn.nytimes.com/business/20250401/tea-drones/zh-hant/', 'https://cn.nytimes.com/world/20250402/ports/?utm_source=RSS'], ['https://cn.nytimes.com/china/20250329/harbour-reopens/dual/', 'https://cn.nytimes.com/business/20250401/tea-drones/dual/', 'https://cn.nytimes.com/world/20250402/ports/dual/']],
  ])('%s: the feed links the one-language page; linkRewrite fetches the bilingual one', (id, listed, fetched) => {
    const s = source(id);
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>${listed.map((l) => `<item><title>t</title><link>${l.replace(/&/g, '&amp;')}</link></item>`).join('')}</channel></rss>`;
    const { links } = extractLinks(rss, { kind: s.kind, pageUrl: s.startUrls[0]!, linkPattern: s.linkPattern, ...(s.linkRewrite ? { rewrite: s.linkRewrite } : {}) });
    expect(links).toEqual([...new Set(fetched)]);
  });

  describe('each record has a sample page written in its site\'s layout (samples/sites)', () => {
    const PAGES: Record<string, string[]> = {
      'chinamil-news': ['chinamil/chinamil-marathon-teacher.html'],
      'chinadaily-bilingual': ['chinadaily/chinadaily-heatstroke-clinics.html', 'chinadaily/chinadaily-typhoon-ports.html'],
      'ftchinese-bilingual': ['ft-bilingual/ft-bilingual-freight-exporters.html', 'ft-bilingual/ft-bilingual-rider-ruling.html'],
      'nytimes-cn-dual': ['nyt-dual/nyt-dual-typhoon-ports.html'],
      'kekenet-science': ['kekenet/kekenet-deep-sea-microbes.shtml'],
    };
    // The pages that name their own URL (a canonical link) must name one the record takes.
    const NAMES_ITSELF = new Set(['ftchinese-bilingual', 'nytimes-cn-dual']);
    it.each(Object.entries(PAGES))('%s', (id, pages) => {
      const s = source(id);
      let named = 0;
      for (const page of pages) {
        const html = readFileSync(`samples/sites/${page}`, 'latin1');
        expect(html, page).toMatch(/<html/i);
        for (const m of html.matchAll(/<link[^>]+rel="canonical"[^>]+href="([^"]+)"/g)) {
          named++;
          const { links } = extractLinks(`<a href="${m[1]}">x</a>`, { kind: 'html-index', pageUrl: s.startUrls[0]!, linkPattern: s.linkPattern, ...(s.linkRewrite ? { rewrite: s.linkRewrite } : {}) });
          expect(links, `${page}: ${m[1]}`).toHaveLength(1);
        }
      }
      expect(named > 0, `${id}: a sample page names its own URL`).toBe(NAMES_ITSELF.has(id));
    });
  });

  it('deploy: synth takes the sites file (with cdk-nag), within Lambda\'s 4 KB environment', () => {
    const s = synth({ sourcesFile: 'lambdas/fetch/sources.sites.json' }, { bundle: false });
    try {
      const schedules = Object.keys(s.template.findResources('AWS::Scheduler::Schedule'));
      expect(schedules).toHaveLength(SITES.length);
    } finally {
      s.cleanup();
    }
  });
});
