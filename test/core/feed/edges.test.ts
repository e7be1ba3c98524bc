/**
 * Edge cases the other feed tests left open, found by mutation testing: the surrogate
 * boundaries of escapeXml, whitespace around a source URL, the keys of a bead made from a
 * segment's paragraphs, a pair missing a language, and the anchors of the route patterns and
 * the export route's known parameters (module-level values, so the route module is loaded
 * again inside the test, see reload.test.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import type { AlignedSegment } from '../../../lambdas/core/article.js';
import { escapeXml, safeHttpUrl } from '../../../lambdas/core/feed/escape.js';
import { beadsOf, isComplete, sentencePairs } from '../../../lambdas/core/feed/pairs.js';
import { routeRequest } from '../../../lambdas/core/feed/route.js';

describe('escapeXml at the surrogate boundaries', () => {
  it('keeps pairs made of the first and last high and low surrogates', () => {
    for (const pair of ['\uD800\uDC00', '\uD800\uDFFF', '\uDBFF\uDC00', '\uDBFF\uDFFF']) expect(escapeXml(`a${pair}<`)).toBe(`a${pair}&lt;`);
  });
  it('drops a lone high or low surrogate at either end of its range', () => {
    for (const lone of ['\uD800', '\uDBFF', '\uDC00', '\uDFFF']) expect(escapeXml(`a${lone}b`)).toBe('ab');
    expect(escapeXml('\uDBFFx')).toBe('x');
    expect(escapeXml('\uDBFF\uE000')).toBe('\uE000');
    expect(escapeXml('\uDBFF\uDBFF\uDC00')).toBe('\uDBFF\uDC00');
  });
});

describe('safeHttpUrl', () => {
  it('trims every kind of whitespace around the URL, not only what the URL parser strips', () => {
    expect(safeHttpUrl('\u3000https://a.example/x\u3000')).toBe('https://a.example/x');
    expect(safeHttpUrl('\u00A0https://a.example/x\u00A0')).toBe('https://a.example/x');
  });
});

describe('pairs', () => {
  it('a bead made from paragraphs has only the languages the segment has', () => {
    expect(Object.keys(beadsOf({ en: ['A.'] } as AlignedSegment)[0]!)).toEqual(['en']);
    expect(Object.keys(beadsOf({ zh: ['甲。'] } as AlignedSegment)[0]!)).toEqual(['zh']);
  });
  it('a pair of an article without one of the asked languages is not complete', () => {
    const [p] = sentencePairs({ languages: ['en'], segments: [{ en: ['A.'], zh: ['甲。'] }] });
    expect(p!.text).toEqual({ en: 'A.' });
    expect(isComplete(p!, ['en', 'zh'])).toBe(false);
    expect(isComplete(p!, ['en'])).toBe(true);
  });
});

describe('route patterns, loaded again inside the test', () => {
  const ids = new Set(['daily']);
  const requests: [string, string][] = [
    ['/x/feeds/all.atom', ''],
    ['/feeds/all.atom/x', ''],
    ['/feeds/all.atom.x', ''],
    ['/x/articles/a1', ''],
    ['/articles/a1.tmx.tsv', ''],
    ['/articles/a1/x', ''],
    ['/feeds/all.atom', `cursor=${encodeURIComponent('<abc')}`],
    ['/feeds/all.atom', `cursor=${encodeURIComponent('abc<')}`],
    ['/feeds/all.tmx', 'limit=1&limit=2'],
    ['/feeds/all.tsv', 'cursor=a&cursor=b'],
  ];
  it('answer as hand-checked: not found, refused, or the route named', async () => {
    const expected = [
      ['not-found', 'no such page: /x/feeds/all.atom'],
      ['not-found', 'no such page: /feeds/all.atom/x'],
      ['not-found', "unknown feed format '.x' (use .rss, .atom or .json; .tmx or .tsv for the sentence pairs)"],
      ['not-found', 'no such page: /x/articles/a1'],
      ['not-found', 'no such page: /articles/a1.tmx.tsv'],
      ['not-found', 'no such page: /articles/a1/x'],
      ['bad-request', 'cursor is not one this server issued'],
      ['bad-request', 'cursor is not one this server issued'],
      ['bad-request', "parameter 'limit' given more than once"],
      ['bad-request', "parameter 'cursor' given more than once"],
    ];
    vi.resetModules();
    const fresh = await import('../../../lambdas/core/feed/route.js');
    for (const route of [routeRequest, fresh.routeRequest]) {
      const got = requests.map(([path, qs]) => {
        const r = route(path, new URLSearchParams(qs), ids);
        return [r.kind, 'message' in r ? r.message : ''];
      });
      expect(got).toEqual(expected);
    }
  });
});
