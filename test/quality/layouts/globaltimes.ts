/**
 * Global Times bilingual pages (globaltimes.cn/page/…): the title in div.article_title, an
 * author/share block with span.byline ("By X") and span.pub_time ("Published: Mar 29, 2025
 * 04:13 PM", a bare Beijing time in 12-hour form, sometimes followed by "Updated: …"), the
 * body in div.article_content with photo credit lines ("Photo: VCG"), the paper's name and a
 * "Newspaper headline:" line after the text, and label lines (Source:/Editor: or 来源/责任编辑).
 */
import { SHARE_BARS } from '../chrome.js';
import { parseRfc3339 } from '../dates.js';
import { ALL_DAMAGE, charsetMeta, date, esc, footer, interleaved, pageShell, relatedBlock, type GoldMeta, type Layout, type PageContext } from './common.js';
import { printDate } from '../dates.js';

interface GtProfile {
  zhTitle: 'div' | 'h2';
  updated: boolean;
  bylineZh: boolean;
  labels: 'en' | 'zh' | 'none';
  photoLines: boolean;
  tail: boolean;
}

function render(ctx: PageContext, p: GtProfile) {
  const { article: a, plan, rng } = ctx;
  const meta: GoldMeta = { languages: ['en', 'zh'], title: a.title };
  const d = date(a, 'enShortAmPm');
  meta.published = d.gold;
  let pub = `Published: ${d.text}`;
  if (p.updated) {
    // Updated a few hours later: the gold stays the publication time.
    const later = new Date(parseRfc3339(a.published).ms + 3 * 3600_000 + 25 * 60_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    pub += ` Updated: ${printDate(later, 'enShortAmPm', 480).text}`;
  }
  const ymd = a.published.slice(0, 7).replace('-', '');
  meta.url = `https://www.globaltimes.cn/page/${ymd}/13${String(a.id.length * 7919).padStart(5, '0')}.shtml`;

  let byline = '';
  if (a.byline?.en) {
    byline = `By ${esc(a.byline.en)}${p.bylineZh && a.byline.zh ? ` (${esc(a.byline.zh)})` : ''}`;
    meta.byline = p.bylineZh && a.byline.zh ? { en: a.byline.en, zh: a.byline.zh } : { en: a.byline.en };
  }

  const body: string[] = [];
  if (p.photoLines || ctx.showcase) body.push(`<p class="picture"><img src="/Portals/0/article_img/${a.id}.jpg" alt=""></p>`, `<p class="picture_text">Photo: VCG</p>`);
  for (const it of interleaved(plan, 'en')) body.push(`<p>${it.html}</p>`);
  if (p.tail || ctx.showcase) body.push('<p>Global Times</p>', `<p>Newspaper headline: ${esc(a.title.en)}</p>`);
  if (p.labels === 'en') {
    body.push(`<p>Source: ${esc(a.source)}</p>`, `<p>Editor: ${esc(a.editor)}</p>`);
    meta.source = a.source;
    meta.editor = a.editor;
  } else if (p.labels === 'zh') {
    body.push(`<p>来源：${esc(a.source)}　责任编辑：${esc(a.editor)}</p>`);
    meta.source = a.source;
    meta.editor = a.editor;
  }
  if (a.authorNote) {
    body.push(`<p class="author_note">${esc(a.authorNote.en)}</p>`, `<p class="author_note">${esc(a.authorNote.zh)}</p>`);
    meta.authorNote = { ...a.authorNote };
  }
  if (a.editorNote) {
    body.unshift(`<p class="editor_note">Editor's Note: ${esc(a.editorNote.en)}</p>`, `<p class="editor_note">编者按：${esc(a.editorNote.zh)}</p>`);
    meta.editorNote = { ...a.editorNote };
  }

  const zhTitle = p.zhTitle === 'div' ? `<div class="article_title_zh">${esc(a.title.zh)}</div>` : `<h2 class="article_subtitle">${esc(a.title.zh)}</h2>`;
  const html = pageShell({
    htmlLang: 'en',
    charset: charsetMeta(ctx.site, 0),
    title: `${a.title.en} - Global Times`,
    head: [`<link rel="canonical" href="${meta.url}">`],
    body: [
      `<div class="nav_section"><a href="#">CHINA</a> <a href="#">SOURCE</a> <a href="#">OPINION</a> <a href="#">IN-DEPTH</a> <a href="#">WORLD</a> <a href="#">LIFE</a> <a href="#">SPORT</a> <a href="#">中文</a></div>`,
      '<div class="container article_section"><div class="article">',
      `<div class="article_top"><div class="article_column">${esc(a.topic.toUpperCase())} / BILINGUAL</div>`,
      `<div class="article_title">${esc(a.title.en)}</div>`,
      zhTitle,
      `<div class="author_share"><div class="author_share_left">${byline ? `<span class="byline">${byline}</span> ` : ''}<span class="pub_time">${esc(pub)}</span></div><div class="author_share_right">${esc(rng.pick(SHARE_BARS))}</div></div>`,
      '</div>',
      `<div class="article_content"><div class="article_right">`,
      ...body,
      '</div></div>',
      `<div class="article_footer"><a href="#">Print</a> <a href="#">Email</a></div>`,
      relatedBlock(ctx, 'related_articles', 4),
      '</div></div>',
      footer(ctx, 'footer'),
    ],
  });
  return { html, meta };
}

export const globaltimes: Layout<GtProfile> = {
  id: 'globaltimes',
  siteNames: [
    { zh: '环球时报', en: 'Global Times' },
    { zh: '环球时报英文版', en: 'Global Times' },
    { zh: '环球网双语', en: 'GT Bilingual' },
  ],
  supports: new Set([...ALL_DAMAGE]),
  charsetFor: () => ({ charset: 'utf-8', label: 'UTF-8', ext: '.shtml' }),
  profile: (rng) => ({
    zhTitle: rng.chance(0.5) ? 'div' : 'h2',
    updated: rng.chance(0.4),
    bylineZh: rng.chance(0.3),
    labels: rng.pick(['en', 'zh', 'none'] as const),
    photoLines: rng.chance(0.6),
    tail: rng.chance(0.6),
  }),
  showcase: () => ({ zhTitle: 'div', updated: true, bylineZh: false, labels: 'en', photoLines: true, tail: true }),
  render,
};
