/**
 * What goes inside a feed item, per view: the languages shown, the item language, the title
 * and byline (joined for `bi`, falling back when a language is missing), the content HTML
 * (units parted by <hr>, every paragraph tagged with its language, notes, the two links) and
 * the plain-text summary (cut at a code point). Expected strings are written out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../lambdas/core/article.js';
import { buildContentHtml, buildSummary, FEED_LANGS, itemLanguage, viewAuthor, viewLanguages, viewTitle } from '../../../lambdas/core/feed/content.js';

const article = (over: Partial<Article> = {}): Article => ({
  id: 'a1',
  languages: ['en', 'zh'],
  title: { en: 'Tea', zh: '茶' },
  segments: [
    { en: ['One & <two>.'], zh: ['一。'] },
    { en: ['Only English.'], zh: [] },
    { en: [], zh: [] },
    { en: ['Three a.', 'Three b.'], zh: ['三。'] },
  ],
  ...over,
});
const LINKS = { reader: 'https://f.example/articles/a1?x=1&y=2', original: 'https://news.example/a' };

describe('views', () => {
  it('FEED_LANGS lists bi, en, zh in that order', () => {
    expect(FEED_LANGS).toEqual(['bi', 'en', 'zh']);
  });
  it('a single-language view shows its language; bi the article languages, or en, zh when it names none', () => {
    expect(viewLanguages({ languages: ['zh', 'en'] }, 'en')).toEqual(['en']);
    expect(viewLanguages({ languages: ['zh', 'en'] }, 'zh')).toEqual(['zh']);
    expect(viewLanguages({ languages: ['zh', 'en'] }, 'bi')).toEqual(['zh', 'en']);
    expect(viewLanguages({ languages: [] }, 'bi')).toEqual(['en', 'zh']);
  });
  it('tags an item with the view language, for bi the first article language, made safe', () => {
    expect(itemLanguage({ languages: ['zh', 'en'] }, 'bi')).toBe('zh');
    expect(itemLanguage({ languages: ['zh', 'en'] }, 'en')).toBe('en');
    expect(itemLanguage({ languages: [] }, 'bi')).toBe('en');
    expect(itemLanguage({ languages: ['"bad lang"'] }, 'bi')).toBe('und');
  });
});

describe('viewTitle', () => {
  it('bi joins both titles in reading order, trimmed; the same title twice once', () => {
    expect(viewTitle(article({ title: { en: ' Tea ', zh: '茶 ' } }), 'bi')).toBe('Tea · 茶');
    expect(viewTitle(article({ languages: ['zh', 'en'] }), 'bi')).toBe('茶 · Tea');
    expect(viewTitle(article({ title: { en: 'Same', zh: 'Same' } }), 'bi')).toBe('Same');
  });
  it('bi with one title shows that one; with none falls back to any title, then the id', () => {
    expect(viewTitle(article({ title: { zh: '茶' } }), 'bi')).toBe('茶');
    expect(viewTitle(article({ title: { en: '  ', fr: ' Thé ' } }), 'bi')).toBe('Thé');
    expect(viewTitle(article({ title: {} }), 'bi')).toBe('a1');
    expect(viewTitle(article({ title: { en: ' ' } }), 'en')).toBe('a1');
  });
  it('a single-language view takes its own title, else any other', () => {
    expect(viewTitle(article(), 'en')).toBe('Tea');
    expect(viewTitle(article(), 'zh')).toBe('茶');
    expect(viewTitle(article({ title: { en: 'Tea' } }), 'zh')).toBe('Tea');
    expect(viewTitle(article({ title: { zh: ' ', en: ' Tea ' } }), 'zh')).toBe('Tea');
  });
});

describe('viewAuthor', () => {
  it('is undefined without a byline', () => {
    expect(viewAuthor(article(), 'bi')).toBeUndefined();
    expect(viewAuthor(article({ byline: {} }), 'bi')).toBeUndefined();
    expect(viewAuthor(article({ byline: { en: ' ' } }), 'en')).toBeUndefined();
  });
  it('bi joins differing spellings with a slash, trimmed, once when they agree', () => {
    expect(viewAuthor(article({ byline: { en: ' Zhang Gaosheng ', zh: '张高胜' } }), 'bi')).toBe('Zhang Gaosheng / 张高胜');
    expect(viewAuthor(article({ languages: ['zh', 'en'], byline: { en: 'Zhang', zh: '张' } }), 'bi')).toBe('张 / Zhang');
    expect(viewAuthor(article({ byline: { en: 'Li', zh: 'Li' } }), 'bi')).toBe('Li');
    expect(viewAuthor(article({ byline: { zh: '张' } }), 'bi')).toBe('张');
    expect(viewAuthor(article({ byline: { fr: ' Dupont ' } }), 'bi')).toBe('Dupont');
  });
  it('a single-language view takes its own spelling, else another', () => {
    expect(viewAuthor(article({ byline: { en: 'Zhang', zh: '张' } }), 'zh')).toBe('张');
    expect(viewAuthor(article({ byline: { en: 'Zhang', zh: '张' } }), 'en')).toBe('Zhang');
    expect(viewAuthor(article({ byline: { en: 'Zhang' } }), 'zh')).toBe('Zhang');
  });
});

describe('buildContentHtml', () => {
  it('bi: each segment one unit of its languages, units parted by <hr>, empty segments skipped, then the links', () => {
    expect(buildContentHtml(article(), 'bi', LINKS)).toBe(
      '<p lang="en">One &amp; &lt;two&gt;.</p><p lang="zh">一。</p>' +
        '<hr><p lang="en">Only English.</p>' +
        '<hr><p lang="en">Three a.</p><p lang="en">Three b.</p><p lang="zh">三。</p>' +
        '<hr><p><a href="https://f.example/articles/a1?x=1&amp;y=2">Side by side · 双语对照</a> · <a href="https://news.example/a">Original · 原文</a></p>',
    );
  });
  it('en and zh: that language only, no rules, labels in that language', () => {
    expect(buildContentHtml(article(), 'en', LINKS)).toBe(
      '<p lang="en">One &amp; &lt;two&gt;.</p><p lang="en">Only English.</p><p lang="en">Three a.</p><p lang="en">Three b.</p>' +
        '<p><a href="https://f.example/articles/a1?x=1&amp;y=2">Read side by side</a> · <a href="https://news.example/a">Original article</a></p>',
    );
    expect(buildContentHtml(article(), 'zh', { reader: 'https://f.example/r' })).toBe('<p lang="zh">一。</p><p lang="zh">三。</p><p><a href="https://f.example/r">双语对照阅读</a></p>');
    expect(buildContentHtml(article(), 'zh', LINKS)).toContain(' · <a href="https://news.example/a">原文</a></p>');
  });
  it('notes: author then editor note, each language in italics, after a rule in bi', () => {
    const a = article({ segments: [{ en: ['P.'], zh: ['段。'] }], authorNote: { en: 'A <n>', zh: '作者' }, editorNote: { zh: '编者' } });
    expect(buildContentHtml(a, 'bi', { reader: 'https://r.example/' })).toBe(
      '<p lang="en">P.</p><p lang="zh">段。</p>' +
        '<hr><p lang="en"><em>A &lt;n&gt;</em></p><p lang="zh"><em>作者</em></p><p lang="zh"><em>编者</em></p>' +
        '<hr><p><a href="https://r.example/">Side by side · 双语对照</a></p>',
    );
    expect(buildContentHtml(a, 'en', { reader: 'https://r.example/' })).toBe('<p lang="en">P.</p><p lang="en"><em>A &lt;n&gt;</em></p><p><a href="https://r.example/">Read side by side</a></p>');
  });
  it('bi with nothing but notes, or nothing at all, opens with no rule before the first unit', () => {
    const notesOnly = article({ segments: [], editorNote: { en: 'Ed.' } });
    expect(buildContentHtml(notesOnly, 'bi', { reader: 'https://r.example/' })).toBe('<p lang="en"><em>Ed.</em></p><hr><p><a href="https://r.example/">Side by side · 双语对照</a></p>');
    expect(buildContentHtml(article({ segments: [] }), 'bi', { reader: 'https://r.example/' })).toBe('<hr><p><a href="https://r.example/">Side by side · 双语对照</a></p>');
  });
  it('keeps the article reading order in bi and escapes unusual language keys', () => {
    const a = article({ languages: ['zh', 'en'], segments: [{ en: ['E.'], zh: ['中。'] }] });
    expect(buildContentHtml(a, 'bi', { reader: 'https://r.example/' }).startsWith('<p lang="zh">中。</p><p lang="en">E.</p><hr>')).toBe(true);
    const odd = article({ languages: ['x"y', 'en'], segments: [{ en: ['E.'] }], authorNote: { 'x"y': 'odd' } });
    expect(buildContentHtml(odd, 'bi', { reader: 'https://r.example/' })).toBe('<p lang="en">E.</p><hr><p lang="und"><em>odd</em></p><hr><p><a href="https://r.example/">Side by side · 双语对照</a></p>');
  });
});

describe('buildSummary', () => {
  it('is the first paragraph of the view, in reading order, skipping segments without one', () => {
    const a = article({ segments: [{ en: [], zh: [] }, { en: [], zh: ['中文先。'] }, { en: ['English.'], zh: [] }] });
    expect(buildSummary(a, 'bi')).toBe('中文先。');
    expect(buildSummary(a, 'en')).toBe('English.');
    expect(buildSummary(a, 'zh')).toBe('中文先。');
    expect(buildSummary(article({ segments: [] }), 'bi')).toBe('');
    expect(buildSummary(article({ segments: [{ zh: ['只有中文'] }] }), 'en')).toBe('');
  });
  it('keeps a paragraph of exactly the maximum, cuts a longer one to max-1 code points and an ellipsis', () => {
    expect(buildSummary(article({ segments: [{ en: ['abcde'] }] }), 'en', 5)).toBe('abcde');
    expect(buildSummary(article({ segments: [{ en: ['abcdef'] }] }), 'en', 5)).toBe('abcd…');
    // astral characters count as one each and are never split
    expect(buildSummary(article({ segments: [{ en: ['🎉🎉🎉🎉🎉🎉'] }] }), 'en', 5)).toBe('🎉🎉🎉🎉…');
    expect(buildSummary(article({ segments: [{ en: ['x'.repeat(280)] }] }), 'en')).toBe('x'.repeat(280));
    expect(buildSummary(article({ segments: [{ en: ['x'.repeat(281)] }] }), 'en')).toBe(`${'x'.repeat(279)}…`);
  });
});
