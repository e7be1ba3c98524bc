/**
 * FT中文网 bilingual view (…/story/…?ccode=…&archive, …?full=y&bilingual): the English text in
 * `leftp`, the Chinese in `rightp`. Two markups: pairs by index (observed in the site's own
 * client code: the i-th English and the i-th Chinese paragraph share a row, whatever they
 * say, so a 1-2 bead shifts every later row) and two whole columns. The headline holds both
 * languages in one heading (split by <br> or in two divs, Chinese first); author, time and
 * source share one byline line; a reprint/copyright statement follows the body.
 */
import { COMMENT_BITS, COPYRIGHT_EN, COPYRIGHT_ZH, SHARE_BARS } from '../chrome.js';
import type { PagePlan } from '../plan.js';
import type { Lang } from '../articles.js';
import { ALL_DAMAGE, charsetMeta, date, esc, footer, pageShell, paraHtml, relatedBlock, type GoldMeta, type Layout, type PageContext } from './common.js';

interface FtProfile {
  body: 'index-rows' | 'columns';
  headline: 'br' | 'divs-zh-first';
  /** story-author: "<source> <中文名>" or "<source> <中文名>(<English name>)". */
  author: 'zh' | 'zh+en';
  dateForm: 'zh' | 'enDayGmt';
  /** Offset printed with enDayGmt (the FT is a London paper). */
  dateOffset: number;
  dateLabel: string;
  /** （责任编辑：X） closing the Chinese text. */
  editorCredit: boolean;
  translator: boolean;
  /** The author note as a last left/right pair, in italics. */
  authorNoteAsPair: boolean;
  copyrightEn: boolean;
}

/** Paragraphs of one language in page order, with a shuffled translation swapped with the next. */
function stream(plan: PagePlan, lang: Lang): { html: string; bead: number }[] {
  const out: { html: string; bead: number }[] = [];
  plan.beads.forEach((b, i) => b[lang].forEach((_, p) => out.push({ html: paraHtml(plan, i, lang, p), bead: i })));
  if (plan.shuffleAt !== undefined && lang === 'zh') {
    const s = plan.shuffleAt;
    const a = out.filter((x) => x.bead === s);
    const bb = out.filter((x) => x.bead === s + 1);
    const start = out.findIndex((x) => x.bead === s);
    out.splice(start, a.length + bb.length, ...bb, ...a);
  }
  return out;
}

function render(ctx: PageContext, p: FtProfile) {
  const { article: a, plan, rng } = ctx;
  const meta: GoldMeta = { languages: ['en', 'zh'], title: a.title, source: a.source };
  const ymd = a.published.slice(0, 10).replace(/-/g, '');
  meta.url = `https://www.ftchinese.com/story/001${ymd.slice(2)}${String(a.id.length).padStart(2, '0')}`;

  const headline =
    p.headline === 'br'
      ? `<h1 class="story-headline">${esc(a.title.en)}<br>${esc(a.title.zh)}</h1>`
      : `<h1 class="story-headline story-headline-large"><div>${esc(a.title.zh)}</div><div>${esc(a.title.en)}</div></h1>`;

  const d = date(a, p.dateForm, p.dateOffset);
  meta.published = d.gold;
  const b = a.byline ?? {};
  let author = esc(a.source);
  if (b.zh) author += ` <a href="/search/${encodeURIComponent(b.zh)}/relative_byline">${esc(b.zh)}</a>${p.author === 'zh+en' && b.en ? `(${esc(b.en)})` : ''}`;
  else if (b.en) author += ` ${esc(b.en)}`;
  const gb: { en?: string; zh?: string } = {};
  if (b.zh) gb.zh = b.zh;
  if (b.en && (!b.zh || p.author === 'zh+en')) gb.en = b.en;
  if (gb.en || gb.zh) meta.byline = gb;
    // A GMT form is the English page's date line: its label is English too.
  const label = p.dateForm === 'enDayGmt' ? (p.dateLabel ? 'Updated ' : '') : p.dateLabel;
  const bylineLine = `<div class="story-byline"><span class="story-time">${esc(label)}${esc(d.text)}</span> <span class="story-author">${author}</span></div>`;

  const rows: string[] = [];
  for (const t of plan.boilerplate.top) rows.push(`<p class="promo">${esc(t)}</p>`);
  if (a.editorNote) {
    rows.push(`<div class="leftp"><p><i>Editor's note: ${esc(a.editorNote.en)}</i></p></div><div class="rightp"><p><i>编者按：${esc(a.editorNote.zh)}</i></p></div><div class="clearfloat"></div>`);
    meta.editorNote = { ...a.editorNote };
  }
  const en = stream(plan, 'en');
  const zh = stream(plan, 'zh');
  // Inline chrome sits before the first English paragraph of its bead, as a full-width figure.
  const chromeAt = new Map<number, string[]>();
  for (const [bead, lines] of plan.inlineChrome) {
    const at = en.findIndex((x) => x.bead >= bead);
    chromeAt.set(at < 0 ? en.length : at, lines);
  }
  const fig = (lines: string[]) => lines.map((l) => `<figure class="pic"><figcaption>${esc(l)}</figcaption></figure>`).join('');
  if (p.body === 'index-rows') {
    const n = Math.max(en.length, zh.length);
    for (let i = 0; i < n; i++) {
      const c = chromeAt.get(i);
      if (c) rows.push(fig(c));
      rows.push(`<div class="leftp">${en[i] ? `<p>${en[i]!.html}</p>` : ''}</div><div class="rightp">${zh[i] ? `<p>${zh[i]!.html}</p>` : ''}</div><div class="clearfloat"></div>`);
    }
    for (const [at, lines] of chromeAt) if (at >= n) rows.push(fig(lines));
  } else {
    const left: string[] = [];
    en.forEach((x, i) => {
      const c = chromeAt.get(i);
      if (c) left.push(fig(c));
      left.push(`<p>${x.html}</p>`);
    });
    for (const [at, lines] of chromeAt) if (at >= en.length) left.push(fig(lines));
    rows.push(`<div class="leftp">${left.join('')}</div>`, `<div class="rightp">${zh.map((x) => `<p>${x.html}</p>`).join('')}</div>`, '<div class="clearfloat"></div>');
  }
  if (a.authorNote && p.authorNoteAsPair) {
    rows.push(`<div class="leftp"><p><i>${esc(a.authorNote.en)}</i></p></div><div class="rightp"><p><i>${esc(a.authorNote.zh)}</i></p></div><div class="clearfloat"></div>`);
    meta.authorNote = { ...a.authorNote };
  }
  for (const t of plan.boilerplate.bottom) rows.push(`<p class="promo">${esc(t)}</p>`);
  const tail: string[] = [];
  if (a.authorNote && !p.authorNoteAsPair) {
    tail.push(`<div class="story-author-info"><p>${esc(a.authorNote.en)}</p><p>${esc(a.authorNote.zh)}</p></div>`);
    meta.authorNote = { ...a.authorNote };
  }
  if (p.translator && a.translator) {
    tail.push(`<div class="story-translator">译者/${esc(a.translator.name)}</div>`);
    meta.translator = a.translator.name;
  }
  if (p.editorCredit) {
    tail.push(`<div class="story-editor">（责任编辑：${esc(a.editor)}）</div>`);
    meta.editor = a.editor;
  }
  const copyright = [`<div class="copyrightstatement-container">${esc(COPYRIGHT_ZH[0])}</div>`];
  if (p.copyrightEn || ctx.showcase) copyright.push(`<div class="copyrightstatement-container" lang="en">${esc(COPYRIGHT_EN[0])}</div>`);

  const top10 = ctx.rng.sample(ctx.others, 5).map((o, i) => `<li class="mp${i + 1}"><span>${i + 1}. </span><a href="/story/${o.id}">${esc(o.title.zh)}</a></li>`).join('');
  const html = pageShell({
    htmlLang: 'zh-CN',
    charset: charsetMeta(ctx.site, 1),
    title: `${a.title.zh} - FT中文网`,
    head: [`<link rel="canonical" href="${meta.url}">`],
    body: [
      `<div class="header"><a class="logo" href="/">FT中文网</a><div class="nav"><a href="#">首页</a> <a href="#">中国</a> <a href="#">全球</a> <a href="#">经济</a> <a href="#">金融市场</a> <a href="#">商业</a> <a href="#">观点</a> <a href="#">英语学习</a></div></div>`,
      '<div class="block-container has-side story-page"><div class="content-container"><div class="story-container">',
      `<div class="story-theme"><a href="/tag/${esc(a.topic)}">${esc(a.topic)}</a></div>`,
      headline,
      bylineLine,
      `<div class="story-language"><a href="?lang=cn">中文</a> <a href="?lang=en">英文</a> <a class="on" href="?lang=ce">中英对照</a></div>`,
      `<div id="story-action-placeholder">${esc(rng.pick(SHARE_BARS))} <span class="font-size">字号</span> <span class="print">打印</span></div>`,
      '<div class="story-body"><div id="story-body-container">',
      '<div class="print-only">温馨提示：如需阅读更多双语内容，请下载本站官方应用。</div>',
      ...rows,
      '</div><div class="clearfloat"></div></div>',
      ...tail,
      ...copyright,
      `<div class="user_comments_container"><h2 class="box-title">${esc(COMMENT_BITS[0])}</h2><p>${esc(COMMENT_BITS[2])}</p></div>`,
      '</div></div>',
      `<div class="side-container"><div class="story-box"><h2 class="box-title">热门文章</h2><ul class="top10">${top10}</ul></div>${relatedBlock(ctx, 'story-box last-child', 3)}</div>`,
      '</div>',
      footer(ctx, 'footer'),
    ],
  });
  return { html, meta };
}

export const ft: Layout<FtProfile> = {
  id: 'ft-bilingual',
  siteNames: [
    { zh: 'FT中文网', en: 'FTChinese' },
    { zh: 'FT中文网', en: 'FT Chinese' },
    { zh: 'FT中文网', en: 'FTChinese.com' },
  ],
  supports: new Set([...ALL_DAMAGE]),
  charsetFor: () => ({ charset: 'utf-8', label: 'UTF-8', ext: '.html' }),
  profile: (rng, index) => ({
    body: index === 1 ? 'columns' : 'index-rows',
    headline: rng.chance(0.5) ? 'br' : 'divs-zh-first',
    author: rng.chance(0.5) ? 'zh' : 'zh+en',
    dateForm: rng.chance(0.6) ? 'zh' : 'enDayGmt',
    dateOffset: rng.pick([0, 60, 480]),
    dateLabel: rng.pick(['更新于', '发布于', '']),
    editorCredit: rng.chance(0.6),
    translator: rng.chance(0.5),
    authorNoteAsPair: rng.chance(0.5),
    copyrightEn: rng.chance(0.5),
  }),
  showcase: () => ({ body: 'index-rows', headline: 'br', author: 'zh+en', dateForm: 'zh', dateOffset: 480, dateLabel: '更新于', editorCredit: true, translator: true, authorNoteAsPair: true, copyrightEn: true }),
  render,
};

