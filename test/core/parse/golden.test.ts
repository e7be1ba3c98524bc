/**
 * Golden pairs: every samples/<source>/articles/<page> beside <page>.expected.json. A new
 * parser bug becomes a new pair here. Confidence and contentHash are compared loosely (they
 * move with any cost tweak); everything a reader sees is compared exactly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../lambdas/core/article.js';
import { articleIdFor } from '../../../lambdas/core/ids.js';
import { parseArticle } from '../../../lambdas/core/parse/index.js';

const repo = resolve(import.meta.dirname, '../../..');
const samples = join(repo, 'samples');
const pairs = readdirSync(samples, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => {
    const dir = join(samples, d.name, 'articles');
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      return [];
    }
    return names.filter((n) => n.endsWith('.expected.json')).map((n) => join(dir, n));
  })
  .sort();

const strip = (a: Article) => {
  const { contentHash: _h, ...rest } = a;
  return { ...rest, segments: a.segments.map(({ confidence: _c, ...s }) => s) };
};

describe('golden samples', () => {
  it('has the pages the sample sources link to', () => {
    const names = pairs.map((p) => relative(samples, p));
    for (const n of [
      'sample-mil/articles/mil-interleaved-en-zh.html.expected.json',
      'sample-mil/articles/mil-zh-first.html.expected.json',
      'sample-mil/articles/mil-gbk-block.html.expected.json',
      'sample-mil/articles/mil-br-split.html.expected.json',
      'sample-daily/articles/daily-block.html.expected.json',
      'sample-daily/articles/daily-big5-traditional.html.expected.json',
      'sample-daily/articles/daily-plain.txt.expected.json',
    ]) {
      expect(names).toContain(n);
    }
  });

  it.each(pairs.map((p) => [relative(repo, p).replace(/\.expected\.json$/, ''), p]))('%s', (page, expectedPath) => {
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Article;
    const r = parseArticle({ bytes: new Uint8Array(readFileSync(join(repo, page))), path: page });
    if (!r.ok) throw new Error(r.reason);
    expect(strip(r.article)).toEqual(strip(expected));
    // The id is stable: derived from the canonical URL when the page has one, else the path as given.
    expect(r.article.id).toBe(articleIdFor(r.article.url ?? page));
    for (const s of r.article.segments) expect(s.confidence).toBeGreaterThan(0);
    expect(r.article.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
