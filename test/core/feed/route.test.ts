/**
 * routeRequest at its edges: every path spelling the index and OPML answer to, the id, cursor
 * and limit bounds, repeated parameters on each route, and the exact wording (and length
 * caps) of each refusal, which a client sees as the body of its 400 or 404.
 */
import { describe, expect, it } from 'vitest';
import { routeRequest, type Route } from '../../../lambdas/core/feed/route.js';

const ids = new Set(['daily', 'mil']);
const route = (path: string, qs = ''): Route => routeRequest(path, new URLSearchParams(qs), ids);
const refusal = (path: string, qs = ''): [string, string] => {
  const r = route(path, qs);
  return [r.kind, 'message' in r ? r.message : ''];
};

describe('index and OPML', () => {
  it.each(['/', '', '/index.html', '/index.html/'])('%j is the index page', (path) => {
    expect(route(path)).toEqual({ kind: 'index' });
  });
  it.each(['/opml', '/feeds.opml', '/opml/'])('%j is the OPML list', (path) => {
    expect(route(path)).toEqual({ kind: 'opml' });
  });
  it('ignores parameters on the index and OPML (they read none), even repeated', () => {
    expect(route('/', 'lang=en&lang=zh')).toEqual({ kind: 'index' });
    expect(route('/opml', 'limit=1&limit=2')).toEqual({ kind: 'opml' });
  });
  it('a path that only starts like them is not them', () => {
    expect(refusal('/opml.xml')).toEqual(['not-found', 'no such page: /opml.xml']);
    expect(route('//')).toEqual({ kind: 'index' });
    expect(refusal('/opml2')).toEqual(['not-found', 'no such page: /opml2']);
  });
});

describe('feeds', () => {
  it('reads scope, format, view, limit and cursor; a trailing slash is the same feed', () => {
    expect(route('/feeds/daily.json/', `lang=en&limit=7&cursor=${encodeURIComponent('a.B-_~:+/=9')}`)).toEqual({ kind: 'feed', query: { scope: 'daily', format: 'json', lang: 'en', limit: 7, cursor: 'a.B-_~:+/=9' } });
    expect(route('/feeds/%64aily.rss')).toEqual({ kind: 'feed', query: { scope: 'daily', format: 'rss', lang: 'bi', limit: 50 } });
  });
  it('an empty cursor is refused like any other it did not issue', () => {
    expect(refusal('/feeds/all.atom', 'cursor=')).toEqual(['bad-request', 'cursor is not one this server issued']);
  });
  it('takes limits 1..200 written in at most four digits', () => {
    expect(route('/feeds/all.atom', 'limit=1')).toMatchObject({ query: { limit: 1 } });
    expect(route('/feeds/all.atom', 'limit=200')).toMatchObject({ query: { limit: 200 } });
    expect(route('/feeds/all.atom', 'limit=0200')).toMatchObject({ query: { limit: 200 } });
    for (const bad of ['0', '201', '00200', '-1', '1.5', ' 5', '5 ', '', '1e2']) {
      expect(refusal('/feeds/all.atom', `limit=${encodeURIComponent(bad)}`)).toEqual(['bad-request', 'limit must be a whole number from 1 to 200']);
    }
  });
  it('bounds the cursor alphabet and length', () => {
    expect(route('/feeds/all.atom', `cursor=${'a'.repeat(2048)}`)).toMatchObject({ kind: 'feed' });
    for (const bad of ['a'.repeat(2049), 'a b', 'a<b', 'a"b', 'é']) {
      expect(refusal('/feeds/all.atom', `cursor=${encodeURIComponent(bad)}`)).toEqual(['bad-request', 'cursor is not one this server issued']);
    }
  });
  it('refuses each of its parameters given twice, by name', () => {
    expect(refusal('/feeds/all.atom', 'limit=5&limit=5')).toEqual(['bad-request', "parameter 'limit' given more than once"]);
    expect(refusal('/feeds/all.atom', 'cursor=a&cursor=b')).toEqual(['bad-request', "parameter 'cursor' given more than once"]);
    expect(refusal('/feeds/all.atom', 'lang=en&lang=en')).toEqual(['bad-request', "parameter 'lang' given more than once"]);
    expect(route('/feeds/all.atom', 'pinyin=1&pinyin=0')).toMatchObject({ kind: 'feed' });
  });
  it('words each refusal exactly, cutting what the client sent', () => {
    expect(refusal('/feeds/all.atom', `lang=${'x'.repeat(30)}`)).toEqual(['bad-request', `lang must be bi, en or zh (got '${'x'.repeat(20)}')`]);
    expect(refusal('/feeds/all.xml')).toEqual(['not-found', "unknown feed format '.xml' (use .rss, .atom or .json; .tmx or .tsv for the sentence pairs)"]);
    expect(refusal(`/feeds/${'n'.repeat(100)}.atom`)).toEqual(['not-found', `unknown source '${'n'.repeat(80)}'`]);
    expect(refusal(`/${'z'.repeat(300)}`)).toEqual(['not-found', `no such page: /${'z'.repeat(199)}`]);
    expect(refusal('/feeds/all.atom/x')).toEqual(['not-found', 'no such page: /feeds/all.atom/x']);
    expect(refusal('/feeds/a/b.atom')).toEqual(['not-found', 'no such page: /feeds/a/b.atom']);
    expect(refusal('/feeds/all.ATOM')).toEqual(['not-found', 'no such page: /feeds/all.ATOM']);
    expect(refusal('/x/feeds/all.atom')).toEqual(['not-found', 'no such page: /x/feeds/all.atom']);
    expect(refusal('/feeds/%E0%A4%A.atom')).toEqual(['bad-request', 'path: malformed percent-encoding']);
  });
});

describe('exports', () => {
  it('reads scope, format and limit; refuses a cursor, a repeated limit, a bad limit, an unknown source', () => {
    expect(route('/feeds/daily.tsv', 'limit=200')).toEqual({ kind: 'export', scope: 'daily', format: 'tsv', limit: 200 });
    expect(route('/feeds/all.tmx', 'lang=zh')).toEqual({ kind: 'export', scope: 'all', format: 'tmx', limit: 50 });
    expect(refusal('/feeds/all.tmx', 'cursor=abc')).toEqual(['bad-request', 'an export holds the latest articles (limit=1..200); it has no pages, so no cursor']);
    expect(refusal('/feeds/all.tmx', 'limit=1&limit=2')).toEqual(['bad-request', "parameter 'limit' given more than once"]);
    expect(refusal('/feeds/all.tmx', 'cursor=a&cursor=b')).toEqual(['bad-request', "parameter 'cursor' given more than once"]);
    expect(refusal('/feeds/all.tsv', 'limit=0')).toEqual(['bad-request', 'limit must be a whole number from 1 to 200']);
    expect(refusal('/feeds/gone.tsv')).toEqual(['not-found', "unknown source 'gone'"]);
  });
});

describe('articles', () => {
  it('takes ids of 1..128 letters, digits, _ and -', () => {
    const long = 'a'.repeat(128);
    expect(route(`/articles/${long}`)).toMatchObject({ kind: 'article', id: long });
    expect(route('/articles/A_z-9')).toMatchObject({ kind: 'article', id: 'A_z-9' });
    expect(refusal(`/articles/${'a'.repeat(129)}`)).toEqual(['not-found', `no article '${'a'.repeat(80)}'`]);
    expect(refusal('/articles/a%20b')).toEqual(['not-found', "no article 'a b'"]);
    expect(refusal('/articles/')).toEqual(['not-found', 'no such page: /articles']);
  });
  it('reads the view: defaults, every mode, pinyin and script', () => {
    expect(route('/articles/a1')).toEqual({ kind: 'article', id: 'a1', view: { lang: 'bi', layout: 'side', pinyin: false } });
    expect(route('/articles/a1/', 'lang=bi&layout=side&pinyin=0&script=hans')).toEqual({ kind: 'article', id: 'a1', view: { lang: 'bi', layout: 'side', pinyin: false, script: 'hans' } });
    expect(route('/articles/a1', 'lang=en&pinyin=1')).toEqual({ kind: 'article', id: 'a1', view: { lang: 'en', layout: 'side', pinyin: true } });
    expect(refusal('/articles/a1', 'script=')).toEqual(['bad-request', "script must be hans (Simplified) or hant (Traditional) (got '')"]);
    expect(route('/articles/a1', 'lang=zh&script=hant')).toEqual({ kind: 'article', id: 'a1', view: { lang: 'zh', layout: 'side', pinyin: false, script: 'hant' } });
  });
  it('words each refusal of a view exactly', () => {
    expect(refusal('/articles/a1', `lang=${'q'.repeat(25)}`)).toEqual(['bad-request', `lang must be bi, en or zh (got '${'q'.repeat(20)}')`]);
    expect(refusal('/articles/a1', `layout=${'g'.repeat(25)}`)).toEqual(['bad-request', `layout must be side or inter (got '${'g'.repeat(20)}')`]);
    expect(refusal('/articles/a1', 'lang=zh&layout=side')).toEqual(['bad-request', "layout applies to lang=bi only (lang=zh shows one language, each sentence's translation on demand)"]);
    expect(refusal('/articles/a1', `pinyin=${'y'.repeat(25)}`)).toEqual(['bad-request', `pinyin must be 1 or 0 (got '${'y'.repeat(20)}')`]);
    expect(refusal('/articles/a1', `script=${'s'.repeat(25)}`)).toEqual(['bad-request', `script must be hans (Simplified) or hant (Traditional) (got '${'s'.repeat(20)}')`]);
  });
  it('refuses each view parameter given twice', () => {
    for (const p of ['lang', 'layout', 'pinyin', 'script']) {
      expect(refusal('/articles/a1', `${p}=a&${p}=b`)).toEqual(['bad-request', `parameter '${p}' given more than once`]);
    }
    expect(route('/articles/a1', 'limit=1&limit=2')).toMatchObject({ kind: 'article' });
  });
  it('exports one article as .tmx or .tsv, ignoring parameters; refuses other extensions', () => {
    expect(route('/articles/a1.tmx', 'lang=zh&lang=en')).toEqual({ kind: 'article-export', id: 'a1', format: 'tmx' });
    expect(refusal(`/articles/a1.${'p'.repeat(30)}`)).toEqual(['not-found', `unknown export '.${'p'.repeat(20)}' (use .tmx or .tsv)`]);
    expect(refusal(`/articles/${'b'.repeat(129)}.tmx`)).toEqual(['not-found', `no article '${'b'.repeat(80)}'`]);
    expect(refusal('/articles/a1.tmx.tsv')).toEqual(['not-found', 'no such page: /articles/a1.tmx.tsv']);
  });
});
