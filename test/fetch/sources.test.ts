import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseSources, scheduleProblem } from '../../lambdas/core/sources.js';
import { loadSources, SourcesConfigError, withBaseUrl } from '../../lambdas/fetch/config.js';

const good = {
  id: 'chinamil-news',
  name: 'China Military Online',
  kind: 'html-index',
  startUrls: ['http://eng.chinamil.com.cn/BILINGUAL/News_209203/index.html'],
  linkPattern: '^https?://eng\\.chinamil\\.com\\.cn/BILINGUAL/.+/\\d+\\.html$',
  languages: ['en', 'zh'],
  schedule: 'rate(1 hour)',
  minDelayMs: 2000,
};

describe('parseSources', () => {
  it('accepts a valid record and keeps optional fields', () => {
    const r = parseSources([{ ...good, allowPrivateNetwork: false, homepage: 'https://example.org/' }]);
    expect(r).toEqual({ ok: true, sources: [{ ...good, allowPrivateNetwork: false, homepage: 'https://example.org/' }] });
  });

  it.each([
    ['not an array', { a: 1 }, 'sources: must be a JSON array of source records'],
    ['empty', [], 'sources: must list at least one source'],
    ['not an object', [42], 'sources[0]: must be an object'],
    ['bad id', [{ ...good, id: 'Bad_Id' }], 'sources[0].id: must be lower-case letters'],
    ['missing name', [{ ...good, name: '  ' }], 'sources[0].name: required non-empty string'],
    ['bad kind', [{ ...good, kind: 'sitemap' }], 'sources[0].kind: must be one of rss, atom, html-index (got "sitemap")'],
    ['no start URLs', [{ ...good, startUrls: [] }], 'sources[0].startUrls: required non-empty array'],
    ['ftp start URL', [{ ...good, startUrls: ['ftp://x.example/'] }], 'sources[0].startUrls[0]: must be http or https, not ftp'],
    ['relative start URL', [{ ...good, startUrls: ['/index.html'] }], 'sources[0].startUrls[0]: not an absolute URL ("/index.html")'],
    ['bad regex', [good, { ...good, id: 'b', linkPattern: '(abc' }], 'sources[1].linkPattern: not a valid regular expression (Unterminated group)'],
    ['bad language', [{ ...good, languages: ['en', 'Chinese'] }], 'sources[0].languages[1]: must be a BCP 47 primary subtag'],
    ['a language the parser cannot read', [good, { ...good, id: 'le-monde', languages: ['fr'] }], 'sources[1].languages: source "le-monde" lists ["fr"], but the parser reads English–Chinese pages only: use ["en","zh"] (either order)'],
    ['one side only', [{ ...good, languages: ['en'] }], 'sources[0].languages: source "chinamil-news" lists ["en"], but the parser'],
    ['a third language', [{ ...good, languages: ['en', 'zh', 'ja'] }], 'sources[0].languages: source "chinamil-news" lists ["en","zh","ja"]'],
    ['the same language twice', [{ ...good, languages: ['en', 'en'] }], 'sources[0].languages: source "chinamil-news" lists ["en","en"]'],
    ['bad schedule', [{ ...good, schedule: 'every hour' }], 'sources[0].schedule: expected rate('],
    ['plural rate of 1', [{ ...good, schedule: 'rate(1 hours)' }], 'sources[0].schedule: use "hour" with 1'],
    ['cron with both day fields', [{ ...good, schedule: 'cron(0 * * * * *)' }], 'sources[0].schedule: cron needs "?"'],
    ['negative delay', [{ ...good, minDelayMs: -5 }], 'sources[0].minDelayMs: must be an integer from 0 to 600000 (got -5)'],
    ['string delay', [{ ...good, minDelayMs: '2000' }], 'sources[0].minDelayMs: must be an integer'],
    ['bad allowPrivateNetwork', [{ ...good, allowPrivateNetwork: 'yes' }], 'sources[0].allowPrivateNetwork: must be true or false'],
    ['typo field', [{ ...good, linkPatern: 'x' }], 'sources[0].linkPatern: unknown field'],
    ['linkRewrite not an object', [{ ...good, linkRewrite: '$1/ce' }], 'sources[0].linkRewrite: must be an object'],
    ['linkRewrite with a bad pattern', [{ ...good, linkRewrite: { pattern: '(x', replacement: '$1' } }], 'sources[0].linkRewrite.pattern: not a valid regular expression'],
    ['linkRewrite without a replacement', [{ ...good, linkRewrite: { pattern: 'x' } }], 'sources[0].linkRewrite.replacement: required string'],
    ['linkRewrite with a stray field', [{ ...good, linkRewrite: { pattern: 'x', replacement: 'y', flags: 'g' } }], 'sources[0].linkRewrite.flags: unknown field'],
    ['duplicate id', [good, { ...good }], 'sources[1].id: duplicate of sources[0].id "chinamil-news"'],
  ])('refuses %s', (_name, input, message) => {
    const r = parseSources(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.some((e) => e.startsWith(message))).toBe(true);
  });

  it('keeps a linkRewrite', () => {
    const linkRewrite = { pattern: '^(https://x\\.example/story/\\d+)$', replacement: '$1/ce' };
    expect(parseSources([{ ...good, linkRewrite }])).toEqual({ ok: true, sources: [{ ...good, linkRewrite }] });
  });

  it('takes English and Chinese in either order', () => {
    expect(parseSources([{ ...good, languages: ['zh', 'en'] }]).ok).toBe(true);
  });

  it('a language the parser cannot read is refused naming the file, the record and the fix', () => {
    const text = JSON.stringify([good, { ...good, id: 'le-monde', languages: ['fr'] }]);
    expect(() => loadSources(text, 'my-sources.json')).toThrow(
      'invalid sources in my-sources.json:\n  sources[1].languages: source "le-monde" lists ["fr"], but the parser reads English–Chinese pages only: use ["en","zh"] (either order)',
    );
  });

  it('reports every problem, not only the first', () => {
    const r = parseSources([{ ...good, kind: 'x', minDelayMs: -1, schedule: 'soon' }]);
    expect(r.ok || r.errors.length).toBe(3);
  });

  it.each(['rate(1 hour)', 'rate(5 minutes)', 'rate(2 days)', 'cron(0 8 * * ? *)', 'cron(15 10 ? * MON-FRI *)'])('accepts schedule %s', (s) => {
    expect(scheduleProblem(s)).toBeUndefined();
  });

  it('ships valid default and sample source files', () => {
    const defaults = loadSources(readFileSync('lambdas/fetch/sources.default.json', 'utf8'), 'sources.default.json');
    expect(defaults.map((s) => s.id)).toEqual(['chinamil-news', 'chinamil-opinions']);
    expect(defaults.every((s) => !s.allowPrivateNetwork && s.minDelayMs >= 1000)).toBe(true);
    const samples = loadSources(withBaseUrl(readFileSync('samples/sources.json', 'utf8'), 'http://127.0.0.1:1234/'), 'samples/sources.json');
    expect(samples.map((s) => [s.id, s.kind, s.startUrls[0]])).toEqual([
      ['sample-mil', 'html-index', 'http://127.0.0.1:1234/sample-mil/index.html'],
      ['sample-daily', 'rss', 'http://127.0.0.1:1234/sample-daily/feed.xml'],
    ]);
  });

  it('default linkPatterns take article pages and leave index pages alone', () => {
    const [news] = loadSources(readFileSync('lambdas/fetch/sources.default.json', 'utf8'), 'defaults');
    const re = new RegExp(news!.linkPattern);
    expect(re.test('http://eng.chinamil.com.cn/BILINGUAL/News_209203/16378245.html')).toBe(true);
    expect(re.test('https://eng.chinamil.com.cn/BILINGUAL/News_209203/2025-03/29/content_10211987.htm')).toBe(true);
    for (const chrome of [
      'http://eng.chinamil.com.cn/BILINGUAL/News_209203/index.html',
      'http://eng.chinamil.com.cn/BILINGUAL/News_209203/index_2.html',
      'http://eng.chinamil.com.cn/BILINGUAL/Opinions_209205/16378245.html',
      'http://eng.chinamil.com.cn.evil.example/BILINGUAL/News_209203/1.html',
      'http://eng.chinamil.com.cn/CHINA_209163/16378245.html',
    ])
      expect(re.test(chrome), chrome).toBe(false);
  });

  it('loadSources names the origin and the JSON error', () => {
    expect(() => loadSources('[{', 'DUOFEED_SOURCES')).toThrow(SourcesConfigError);
    expect(() => loadSources('[{', 'DUOFEED_SOURCES')).toThrow(/invalid sources in DUOFEED_SOURCES:\n {2}not valid JSON/);
    expect(() => loadSources('[{"id":"x"}]', 'file.json')).toThrow(/sources\[0\]\.name: required/);
  });
});
