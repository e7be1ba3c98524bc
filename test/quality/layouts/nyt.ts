/**
 * 纽约时报中文网 中英对照 (cn.nytimes.com/…/dual/): every translation pair in a row of two
 * cells (English left, Chinese right; a cell may hold several paragraphs), the language
 * switch 中英对照 · 中文 · 英文 above the body, the English byline and the Chinese name in a
 * byline block with the date, credits (author note, translator, a letters line) in a footer.
 * No source or editor labels: the gold has none.
 */
import { LANG_SWITCHES, NAV_ZH, PHOTO_CAPTIONS } from '../chrome.js';
import { ALL_DAMAGE, authorNoteLines, date, editorNoteLines, esc, footer, pageShell, charsetMeta, relatedBlock, sideHtml, translatorLine, type GoldMeta, type Layout, type PageContext, type TranslatorForm } from './common.js';

interface NytProfile {
  rows: 'bootstrap' | 'table' | 'flex';
  title: 'two-h1' | 'zh-h1-en-h2';
  byline: 'block' | 'inline' | 'pipes';
  /** A <time datetime> (and article:published_time) with the full instant; the visible date is then the day only. */
  machineDate: boolean;
  switcher: number;
  photo: boolean;
  /** "广告" rows between pairs, every `ads` rows (0: none). */
  ads: number;
  translator: TranslatorForm | 'none';
  closing: boolean;
}

function cells(p: NytProfile, en: string[], zh: string[]): string {
  switch (p.rows) {
    case 'bootstrap':
      return `<div class="row article-dual-body-item"><div class="col-lg-6 col-md-6 col-sm-12 article-left">${en.map((h) => `<div class="article-paragraph">${h}</div>`).join('')}</div><div class="col-lg-6 col-md-6 col-sm-12 article-right">${zh.map((h) => `<div class="article-paragraph" lang="zh-hans">${h}</div>`).join('')}</div></div>`;
    case 'table':
      return `<tr><td class="en">${en.map((h) => `<p>${h}</p>`).join('')}</td><td class="cn">${zh.map((h) => `<p>${h}</p>`).join('')}</td></tr>`;
    case 'flex':
      return `<div class="pair"><div class="pair-en" lang="en">${en.map((h) => `<p>${h}</p>`).join('')}</div><div class="pair-zh" lang="zh">${zh.map((h) => `<p>${h}</p>`).join('')}</div></div>`;
  }
}

function fullRow(p: NytProfile, html: string, cls: string): string {
  if (p.rows === 'table') return `<tr><td colspan="2" class="${cls}">${html}</td></tr>`;
  return `<div class="${cls}">${html}</div>`;
}

function render(ctx: PageContext, p: NytProfile) {
  const { article: a, plan, rng } = ctx;
  const meta: GoldMeta = { languages: ['en', 'zh'], title: a.title };
  const d = p.machineDate ? date(a, 'zhDate') : date(a, 'zh');
  meta.published = p.machineDate ? d.machine : d.gold;
  const ymd = a.published.slice(0, 10).replace(/-/g, '');
  const url = `https://cn.nytimes.com/${a.topic}/${ymd}/${a.id}/dual/`;
  meta.url = url;

  const title =
    p.title === 'two-h1'
      ? `<h1 class="en-title" lang="en">${esc(a.title.en)}</h1><h1 class="zh-title">${esc(a.title.zh)}</h1>`
      : `<h1 class="article-title">${esc(a.title.zh)}</h1><h2 class="en-headline" lang="en">${esc(a.title.en)}</h2>`;

  const b = a.byline ?? {};
  const when = p.machineDate ? `<time datetime="${d.machine}">${esc(d.text)}</time>` : `<span class="date">${esc(d.text)}</span>`;
  let byline: string;
  if (p.byline === 'block') {
    byline = `<div class="byline">${b.en ? `<address class="byline-author">${esc(b.en)}</address>` : ''}${b.zh ? `<address class="byline-author-zh">${esc(b.zh)}</address>` : ''}${when}</div>`;
  } else if (p.byline === 'inline') {
    byline = `<div class="byline">${esc([b.en, b.zh].filter(Boolean).join(' '))} ${when}</div>`;
  } else {
    byline = `<div class="byline">${[b.en ? `By ${esc(b.en)}` : '', b.zh ? esc(b.zh) : ''].filter(Boolean).join(' | ')} | ${when}</div>`;
  }
  if (a.byline) meta.byline = { ...a.byline };

  const sw = LANG_SWITCHES[p.switcher]!;
  const switcher = `<div class="dual-btn"><ul>${sw.map((s, i) => `<li${i === 0 ? ' class="active"' : ''}><a href="#">${esc(s)}</a></li>`).join('<li class="sep">·</li>')}</ul></div>`;

  const rows: string[] = [];
  if (p.photo || ctx.showcase) {
    const c = PHOTO_CAPTIONS[0]!;
    rows.push(`<figure class="article-span-photo"><img src="/images/${a.id}.jpg" alt=""><figcaption>${esc(c.zh)} <span class="credit">Photo by staff for The New York Times</span></figcaption></figure>`);
  }
  const en = editorNoteLines(a, 'label');
  if (en) {
    rows.push(`<div class="editor-note"><p>${esc(en.en)}</p><p>${esc(en.zh)}</p></div>`);
    meta.editorNote = { ...a.editorNote! };
  }
  for (const t of plan.boilerplate.top) rows.push(fullRow(p, esc(t), 'article-paragraph promo'));
  plan.beads.forEach((_, i) => {
    for (const line of plan.inlineChrome.get(i) ?? []) rows.push(fullRow(p, esc(line), 'ad'));
    if (p.ads > 0 && i > 0 && i % p.ads === 0) rows.push(fullRow(p, '广告', 'big_ad'));
    rows.push(cells(p, sideHtml(plan, i, 'en'), sideHtml(plan, i, 'zh')));
  });
  for (const t of plan.boilerplate.bottom) rows.push(fullRow(p, esc(t), 'article-paragraph promo'));
  const body = p.rows === 'table' ? `<table class="dual-table">${rows.join('\n')}</table>` : rows.join('\n');

  const credits: string[] = [];
  const an = authorNoteLines(a, 'plain');
  if (an) {
    credits.push(`<p>${esc(an.en)}</p>`, `<p>${esc(an.zh)}</p>`);
    meta.authorNote = { ...a.authorNote! };
  }
  const tl = p.translator === 'none' ? undefined : translatorLine(a, p.translator, 'full');
  if (tl) {
    credits.push(`<p>${esc(tl)}</p>`);
    meta.translator = a.translator!.name;
  }
  credits.push('<p><a href="#">点击查看本文英文版。</a></p>');
  if (p.closing || ctx.showcase) credits.push('<p>如对本文有任何意见或建议，欢迎来信告诉我们：letters@example.cn。</p>');

  const html = pageShell({
    htmlLang: 'zh-hans',
    charset: charsetMeta(ctx.site, 0),
    title: `${a.title.zh} - ${a.title.en} - 纽约时报中文网`,
    head: [`<link rel="canonical" href="${url}">`, ...(p.machineDate ? [`<meta property="article:published_time" content="${d.machine}">`] : [])],
    body: [
      `<header class="masthead"><a class="logo" href="/">纽约时报中文网</a><nav>${NAV_ZH.slice(0, 8).map((n) => `<a href="#">${n}</a>`).join(' ')}</nav><div class="edition"><a href="#">简体</a> <a href="#">繁體</a></div></header>`,
      '<main>',
      `<article class="article-content">`,
      `<header class="article-header">${title}${byline}</header>`,
      switcher,
      `<section class="article-body">`,
      body,
      `</section>`,
      `<footer class="author-info">${credits.join('')}</footer>`,
      `</article>`,
      relatedBlock(ctx, 'article-body-aside', ctx.showcase ? 5 : rng.int(3, 5)),
      '</main>',
      footer(ctx, 'site-footer'),
    ],
  });
  return { html, meta };
}

export const nyt: Layout<NytProfile> = {
  id: 'nyt-dual',
  siteNames: [
    { zh: '纽约时报中文网', en: 'The New York Times Chinese' },
    { zh: '纽约时报中文网', en: 'NYT Chinese' },
    { zh: '纽约时报中文网', en: 'cn.nytimes' },
  ],
  // Rows pair the languages in the markup, so a translation cannot drift out of its row.
  supports: new Set([...ALL_DAMAGE].filter((d) => d !== 'shuffle')),
  charsetFor: () => ({ charset: 'utf-8', label: 'utf-8', ext: '.html' }),
  profile: (rng, index) => ({
    rows: (['bootstrap', 'table', 'flex'] as const)[index % 3]!,
    title: rng.chance(0.5) ? 'two-h1' : 'zh-h1-en-h2',
    byline: rng.pick(['block', 'inline', 'pipes'] as const),
    machineDate: rng.chance(0.6),
    switcher: rng.pick([0, 0, 3]),
    photo: rng.chance(0.6),
    ads: rng.pick([0, 3, 4]),
    translator: rng.pick(['fanyi', 'yizhe', 'none'] as const),
    closing: rng.chance(0.5),
  }),
  showcase: () => ({ rows: 'bootstrap', title: 'two-h1', byline: 'block', machineDate: true, switcher: 0, photo: true, ads: 4, translator: 'fanyi', closing: true }),
  render,
};
