/**
 * A page that marks its author with a link (rel="author"), the name alone on its line: the
 * byline comes from that declaration when no byline line named the author.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../lambdas/core/parse/index.js';
import { tokenize, type Attrs } from '../../../lambdas/core/parse/tokenizer.js';

const page = (line: string, extra = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>Museum opens night tours | Weekly Review</title></head><body>${extra}<main><h1>Museum opens night tours</h1><h2>博物馆开放夜间参观</h2>${line}<p>The city museum will stay open until 10 pm on Fridays.</p><p>市博物馆将在每周五开放至晚上10点。</p><p>Visitors can join guided tours of the bronze collection by lamplight.</p><p>游客可以在灯光下参加青铜器藏品的导览。</p></main></body></html>`;
const bylineOf = (html: string) => {
  const r = parseArticle({ bytes: html });
  if (!r.ok) throw new Error(r.reason);
  return r.article.byline;
};

describe('rel="author"', () => {
  it('a romanized name linked as the author is the English byline', () => {
    expect(bylineOf(page('<p class="author"><a rel="author" href="/people/chen-jing">Chen Jing</a></p>'))).toEqual({ en: 'Chen Jing' });
    expect(bylineOf(page('<p><a href="/people/chen-jing" rel="nofollow author">Chen  Jing</a></p>'))).toEqual({ en: 'Chen Jing' });
  });

  it('a Chinese name linked as the author is the Chinese byline', () => {
    expect(bylineOf(page('<p><a rel="author" href="/people/chen-jing">陈静</a></p>'))).toEqual({ zh: '陈静' });
  });

  it('a byline line wins; a link that is no author, or not a name, or inside chrome, gives nothing', () => {
    expect(bylineOf(page('<p>By Li Wen</p><p><a rel="author" href="/p">Chen Jing</a></p>'))).toEqual({ en: 'Li Wen' });
    expect(bylineOf(page('<p><a rel="authors" href="/p">Chen Jing</a></p>'))).toBeUndefined();
    expect(bylineOf(page('<p><a rel="author" href="/p">Weekly Review staff writers</a></p>'))).toBeUndefined();
    expect(bylineOf(page('', '<nav><a rel="author" href="/p">Chen Jing</a></nav>'))).toBeUndefined();
  });

  it('the tokenizer keeps rel on <a>, and only rel of the rest', () => {
    const seen: Attrs[] = [];
    tokenize('<a rel="author" href="/p" name="n" lang="l" class="k">x</a><span rel="r">y</span>', { open: (_, a) => seen.push({ ...a }), text: () => {}, close: () => {} });
    const set = (a: Attrs) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined));
    expect(set(seen[0]!)).toEqual({ rel: 'author', class: 'k' });
    expect(set(seen[1]!)).toEqual({});
  });
});
