/**
 * Reading-page edges mutation testing found open: which language a single-language view
 * reveals for an article that has one language (the other of en/zh), shown through the
 * article's other title.
 */
import { describe, expect, it } from 'vitest';
import type { StoredArticle } from '../../../lambdas/core/article.js';
import { renderArticlePage } from '../../../lambdas/core/feed/reader.js';
import { storedArticle } from './fixtures.js';

const article = (over: Partial<StoredArticle>): StoredArticle => storedArticle({ url: 'https://n.example/a', title: { en: 'English title', zh: '中文标题' }, ...over });

describe('the other language of a single-language view', () => {
  it('is English for a Chinese-only article read in Chinese, and Chinese for an English-only one read in English', () => {
    const zhOnly = renderArticlePage(article({ languages: ['zh'] }), 'https://f.example', undefined, { view: { lang: 'zh', layout: 'side', pinyin: false } });
    expect(zhOnly).toContain('<div class="titles"><h1 lang="zh">中文标题</h1><p class="meta" lang="en">English title</p></div>');
    const enOnly = renderArticlePage(article({ languages: ['en'] }), 'https://f.example', undefined, { view: { lang: 'en', layout: 'side', pinyin: false } });
    expect(enOnly).toContain('<div class="titles"><h1 lang="en">English title</h1><p class="meta" lang="zh">中文标题</p></div>');
    const zhOnlyInEnglish = renderArticlePage(article({ languages: ['zh'] }), 'https://f.example', undefined, { view: { lang: 'en', layout: 'side', pinyin: false } });
    expect(zhOnlyInEnglish).toContain('<div class="titles"><h1 lang="en">English title</h1><p class="meta" lang="zh">中文标题</p></div>');
  });
});
