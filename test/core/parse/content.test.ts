import { describe, expect, it } from 'vitest';
import { side } from '../../../lambdas/core/article.js';
import { articleParts, articleWindow, isChromeLine } from '../../../lambdas/core/parse/content.js';
import { extractHtml } from '../../../lambdas/core/parse/html.js';
import { parseArticle } from '../../../lambdas/core/parse/index.js';
import { splitBlocks } from '../../../lambdas/core/parse/split.js';

describe('isChromeLine', () => {
  it.each([
    ['Share to:', true],
    ['分享到：', true],
    ['相关新闻 Related', true],
    ['首页 | English | 中文', true],
    ['Copyright © 2026 Example. All rights reserved.', true],
    ['京ICP备12345678号', true],
    ['Oh, no.', false],
    ['More than 600 reservists took part in the drill.', false],
    ['没有啊，没有', false],
    // Chrome words are taken leftmost and longest first, as a global replace takes them:
    // "share to" leaves a stray "p" here, so this is not chrome-only.
    ['share top', false],
    ['Share | Top', true],
    ['COPYRIGHT 2025', true],
    ['(C) 2024 Xinhua', true],
    ['（c） 2024', false],
  ])('%s → %s', (text, chrome) => {
    expect(isChromeLine(text)).toBe(chrome);
  });

  it.each([
    // A share bar of 44 characters, a 50-character Chinese one, a 59-character row of links: chrome.
    ['Share to: WeChat | Weibo | E-mail | LinkedIn', 44, true],
    ['分享到：微信 | 微博 | QQ空间 | Twitter | Facebook | LinkedIn', 50, true],
    ['Related stories | More news | Back to top | Print this page', 59, true],
    // From 60 characters on, a line of chrome words is read as text (a sentence may list them).
    ['Related stories | More news | Back to top | Print this page|', 60, false],
  ])('a line of chrome words is chrome below 60 characters: %s (%i)', (text, length, chrome) => {
    expect(text).toHaveLength(length);
    expect(isChromeLine(text)).toBe(chrome);
  });
});

const en1 = 'A Chinese naval hospital ship returned to its home port on Wednesday after a 40-day medical mission in the South Pacific.';
const zh1 = '一艘中国海军医院船结束为期40天的南太平洋医疗服务任务，于周三返回母港。';
const en2 = 'Doctors performed 86 operations on board, most of them cataract procedures that local hospitals could not schedule.';
const zh2 = '医生们在船上共完成86台手术，其中大部分是当地医院难以安排的白内障手术。';

function partsOf(html: string) {
  const r = extractHtml(html);
  if (!r.ok) throw new Error(r.reason);
  const units = splitBlocks(r.value.blocks, false);
  return articleParts(units, r.value.meta, articleWindow(units));
}

describe('articleParts', () => {
  it('separates titles, labels, byline, body and notes, and leaves chrome out', () => {
    const p = partsOf(`<div class="menu"><a href="/">首页</a> <a href="/en">English</a></div>
      <h1>Hospital ship wraps up mission</h1><h2>医院船圆满完成任务</h2>
      <div class="info">来源：China Military Online 责任编辑：Zhao Min 2025-04-03 10:25:41</div>
      <p>By Liu Chenxi</p><p>刘晨曦</p>
      <p>${en1}</p><p>${zh1}</p><p>${en2}</p><p>${zh2}</p>
      <p>(The author is a reporter.)</p><p>（作者系记者）</p>
      <p>Editor's Note: Translated by the bilingual desk.</p>
      <ul class="list"><li><a href="/1">Navy escort taskforce returns</a></li><li><a href="/2">海军护航编队返回</a></li></ul>
      <p>Copyright 2026. All rights reserved.</p>`);
    expect(p.title).toEqual({ en: 'Hospital ship wraps up mission', zh: '医院船圆满完成任务' });
    expect(p.byline).toEqual({ en: 'Liu Chenxi', zh: '刘晨曦' });
    expect([p.source, p.editor, p.published]).toEqual(['China Military Online', 'Zhao Min', '2025-04-03T10:25:41+08:00']);
    expect(p.authorNote).toEqual({ en: 'The author is a reporter.', zh: '作者系记者' });
    expect(p.editorNote).toEqual({ en: 'Translated by the bilingual desk.' });
    expect(p.body.map((b) => b.text)).toEqual([en1, zh1, en2, zh2]);
  });

  it('falls back to <title> for a missing title and to article:published_time for the date', () => {
    const p = partsOf(`<head><title>医院船圆满完成任务_Hospital ship wraps up mission_中国军网</title>
      <meta property="article:published_time" content="2025-04-03 10:25"></head>
      <body><p>${en1}</p><p>${zh1}</p><p>${en2}</p><p>${zh2}</p></body>`);
    expect(p.title).toEqual({ en: 'Hospital ship wraps up mission', zh: '医院船圆满完成任务' });
    expect(p.published).toBe('2025-04-03T10:25:00+08:00');
  });

  it('prefers the heading the page <title> names over a site-name heading', () => {
    const p = partsOf(`<head><title>Hospital ship returns - Sample Daily</title></head><body><h2 class="logo">Sample Daily</h2>
      <h1>Hospital ship returns</h1><h2>医院船返回母港</h2><p>${en1}</p><p>${zh1}</p></body>`);
    expect(p.title).toEqual({ en: 'Hospital ship returns', zh: '医院船返回母港' });
    expect(p.body.map((b) => b.text)).toEqual([en1, zh1]);
  });

  it('reads label lines whose values are links', () => {
    const p = partsOf(`<h1>Hospital ship returns</h1><h2>医院船返回母港</h2>
      <div class="info">来源：<a href="/x">China Military Online</a> 作者：<a href="/a">Zhang Gaosheng</a> 编辑：<a href="/e">Li Jiayao</a></div>
      <p>${en1}</p><p>${zh1}</p>`);
    expect([p.source, p.editor, p.byline]).toEqual(['China Military Online', 'Li Jiayao', { en: 'Zhang Gaosheng' }]);
  });

  it('finds an editor line printed after the article container', () => {
    const p = partsOf(`<h1>Hospital ship wraps up mission</h1><div class="body"><p>${en1}</p><p>${zh1}</p></div>
      <div class="nav-links"><a href="/a">上一篇</a><a href="/b">下一篇</a></div><div>[责任编辑：赵敏]</div>`);
    expect(p.editor).toBe('赵敏');
  });
});

describe('chrome inside the article', () => {
  it('keeps a 44-character share bar between paragraphs out of the segments', () => {
    const bar = 'Share to: WeChat | Weibo | E-mail | LinkedIn';
    const r = parseArticle({ bytes: `<h1>Hospital ship returns</h1><h2>医院船返回母港</h2><p>${en1}</p><p>${zh1}</p><p>${bar}</p><p>${en2}</p><p>${zh2}</p>`, path: 'bar.html' });
    if (!r.ok) throw new Error(r.reason);
    const texts = r.article.segments.flatMap((s) => [...side(s, 'en'), ...side(s, 'zh')]);
    expect(texts).toEqual([en1, zh1, en2, zh2]);
    expect(r.article.segments).toHaveLength(2);
  });
});

describe('published: what the page shows, with the time it declares for a bare day', () => {
  const page = (shown: string, head: string, body = '') =>
    `<html><head><title>Ports shut as typhoon nears</title>${head}</head><body><h1>Ports shut as typhoon nears</h1><h1>台风逼近 港口停工</h1>` +
    `<p>${shown}</p>${body}<p>Ports along the coast suspended operations on Saturday as the typhoon approached the province.</p>` +
    `<p>台风逼近，沿海各港口周六暂停作业。</p></body></html>`;
  const published = (html: string) => {
    const r = parseArticle({ bytes: html });
    if (!r.ok) throw new Error(r.reason);
    return r.article.published;
  };

  it('takes the <time datetime> instant when the shown date is that day without a time', () => {
    expect(published(page('<time datetime="2025-03-04T10:20:00+08:00">March 4, 2025</time>', ''))).toBe('2025-03-04T10:20:00+08:00');
    expect(published(page('2025-03-04', '<meta property="article:published_time" content="2025-03-04T10:20:00+08:00">'))).toBe('2025-03-04T10:20:00+08:00');
  });

  it('keeps the shown date when it has a time, or when the declared one is another day', () => {
    expect(published(page('2025-03-04 16:30', '<meta property="article:published_time" content="2025-03-04T10:20:00+08:00">'))).toBe('2025-03-04T16:30:00+08:00');
    expect(published(page('<time datetime="2025-03-05T10:20:00+08:00">2025-03-04</time>', ''))).toBe('2025-03-04T00:00:00+08:00');
  });

  it('reads <time datetime> when nothing is shown as a date', () => {
    expect(published(page('A short note before the article.', '', '<time datetime="2025-03-04T10:20:00+08:00"></time>'))).toBe('2025-03-04T10:20:00+08:00');
  });
});
