/**
 * China Daily 双语 (language.chinadaily.com.cn): English and Chinese paragraphs interleaved;
 * a nav with the editions (Global, 中文, 双语, Français); an info line with the site and the
 * date (or "By X | site | Updated: …"); at the end credits — 英文来源 (the source), 翻译 or
 * 译者 (the translator, often with a note such as 实习生), 编辑 (the editor) — and a glossary
 * (【相关词汇】 or Vocabulary) of word pairs. None of the credits or the glossary is body text.
 */
import { FONT_BARS, PHOTO_CAPTIONS, SHARE_BARS } from '../chrome.js';
import { ALL_DAMAGE, authorNoteLines, charsetMeta, colon, date, editorNoteLines, esc, footer, interleaved, pageShell, printByline, relatedBlock, translatorLine, type ColonStyle, type GoldMeta, type Layout, type PageContext } from './common.js';

interface CdProfile {
  title: 'h1-h2' | 'div';
  info: 'site-date' | 'by-site-updated' | 'date-label';
  dateForm: 'isoMin' | 'iso' | 'slash';
  credits: 'lines' | 'one-line' | 'en-line';
  translatorForm: 'fanyi' | 'yizhe';
  editorLabel: '编辑' | '责任编辑';
  glossary: 'xiangguan' | 'vocabulary' | 'none';
  glossaryFirst: boolean;
  photo: boolean;
  colon: ColonStyle;
  /** Where the English byline is when the info line does not carry it. */
  byline: 'by-en-in-body' | 'wen-zh-in-body' | 'author-zh-in-body' | 'none';
  notesTop: boolean;
}

function render(ctx: PageContext, p: CdProfile) {
  const { article: a, plan, rng } = ctx;
  const c = colon(p.colon);
  const meta: GoldMeta = { languages: ['en', 'zh'], title: a.title, source: a.source, editor: a.editor };
  const d = date(a, p.dateForm);
  meta.published = d.gold;

  const title =
    p.title === 'h1-h2'
      ? `<h1 class="title_en">${esc(a.title.en)}</h1><h2 class="title_cn">${esc(a.title.zh)}</h2>`
      : `<div class="main_title"><h1>${esc(a.title.en)}</h1><p class="cn_title">${esc(a.title.zh)}</p></div>`;

  let info: string;
  const bodyTop: string[] = [];
  if (p.info === 'by-site-updated' && a.byline?.en) {
    info = `<div class="info"><span class="info_l">By ${esc(a.byline.en)} | chinadaily.com.cn | Updated: ${esc(d.text)}</span></div>`;
    meta.byline = { en: a.byline.en };
  } else {
    info = p.info === 'date-label' ? `<div class="info"><span>发布时间${c}${esc(d.text)}</span></div>` : `<div class="info"><span>${esc(ctx.site.name.zh)}</span> <span>${esc(d.text)}</span></div>`;
    const form = ({ 'by-en-in-body': 'by-en', 'wen-zh-in-body': 'wen-zh', 'author-zh-in-body': 'author-zh', none: 'none' } as const)[p.byline];
    const by = printByline(a.byline, form, p.colon);
    bodyTop.push(...by.lines.map((l) => `<p>${esc(l)}</p>`));
    if (by.gold) meta.byline = by.gold;
  }

  const edn = editorNoteLines(a, 'label');
  const notes = (lines: { en: string; zh: string } | undefined) => (lines ? [`<p><i>${esc(lines.en)}</i></p>`, `<p><i>${esc(lines.zh)}</i></p>`] : []);
  if (edn) meta.editorNote = { ...a.editorNote! };
  if (p.notesTop) bodyTop.push(...notes(edn));
  if (p.photo || ctx.showcase) {
    const cap = rng.pick(PHOTO_CAPTIONS);
    bodyTop.push(`<figure><img src="/img/${a.id}.jpg" alt=""><figcaption>${esc(cap.en)}</figcaption></figure>`);
  }

  const body = interleaved(plan, 'en').map((it) => `<p>${it.html}</p>`);

  const tail: string[] = [];
  if (!p.notesTop) tail.push(...notes(edn));
  const an = authorNoteLines(a, 'paren');
  if (an) {
    tail.push(`<p>${esc(an.en)}</p>`, `<p>${esc(an.zh)}</p>`);
    meta.authorNote = { ...a.authorNote! };
  }
  const t = translatorLine(a, p.credits === 'en-line' ? 'translator' : p.translatorForm, p.colon);
  if (t) meta.translator = a.translator!.name;
  const credits: string[] = [];
  if (p.credits === 'lines') {
    credits.push(`<p>英文来源${c}${esc(a.source)}</p>`);
    if (t) credits.push(`<p>${esc(t)}</p>`);
    credits.push(`<p>${p.editorLabel}${c}${esc(a.editor)}</p>`);
  } else if (p.credits === 'one-line') {
    credits.push(`<p>${[`英文来源${c}${esc(a.source)}`, t ? esc(t) : '', `${p.editorLabel}${c}${esc(a.editor)}`].filter(Boolean).join('　')}</p>`);
  } else {
    credits.push(`<p>${[`Source: ${esc(a.source)}`, t ? esc(t) : '', `Editor: ${esc(a.editor)}`].filter(Boolean).join(' | ')}</p>`);
  }
  const gl = p.glossary === 'none' && ctx.showcase ? 'xiangguan' : p.glossary;
  const glossary: string[] = [];
  if (gl === 'xiangguan') glossary.push('<p>【相关词汇】</p>', ...a.glossary.map(([en, zh]) => `<p>${esc(zh)}　${esc(en)}</p>`));
  else if (gl === 'vocabulary') glossary.push('<p><strong>Vocabulary</strong></p>', ...a.glossary.map(([en, zh]) => `<p>${esc(en)}: ${esc(zh)}</p>`));
  tail.push(...(p.glossaryFirst ? [...glossary, ...credits] : [...credits, ...glossary]));

  const html = pageShell({
    htmlLang: 'zh-CN',
    charset: charsetMeta(ctx.site, 0),
    title: `${a.title.en} ${a.title.zh} - Chinadaily.com.cn`,
    head: [`<meta name="description" content="${esc(a.title.en)}">`],
    body: [
      `<div class="topNav"><a href="#">Global Edition</a> <a href="#">ASIA</a> <a href="#">中文</a> <a class="on" href="#">双语</a> <a href="#">Français</a></div>`,
      `<div class="nav"><a href="#">双语新闻</a> <a href="#">热词</a> <a href="#">讲义</a> <a href="#">译词课堂</a> <a href="#">视听</a> <a href="#">考试</a></div>`,
      `<div class="crumb"><a href="#">${esc(ctx.site.name.zh)}</a> &gt; <a href="#">双语</a> &gt; <a href="#">双语新闻</a></div>`,
      '<div class="main_art">',
      title,
      info,
      `<div class="share">${esc(rng.pick(SHARE_BARS))} <span class="fontsize">${esc(rng.pick(FONT_BARS))}</span></div>`,
      `<div id="Content" class="mian_txt">`,
      ...bodyTop,
      ...body,
      ...tail,
      '</div>',
      relatedBlock(ctx, 'related', ctx.showcase ? 5 : 4),
      '</div>',
      footer(ctx, 'footer'),
    ],
  });
  return { html, meta };
}

export const chinadaily: Layout<CdProfile> = {
  id: 'chinadaily',
  siteNames: [
    { zh: '中国日报网', en: 'China Daily' },
    { zh: '中国日报双语新闻', en: 'China Daily Language' },
    { zh: '中国日报网英语点津', en: 'chinadaily.com.cn' },
  ],
  supports: new Set([...ALL_DAMAGE]),
  charsetFor: () => ({ charset: 'utf-8', label: 'utf-8', ext: '.html' }),
  profile: (rng, index) => ({
    title: rng.chance(0.5) ? 'h1-h2' : 'div',
    info: (['site-date', 'by-site-updated', 'date-label'] as const)[index % 3]!,
    dateForm: rng.pick(['isoMin', 'iso', 'slash'] as const),
    credits: rng.pick(['lines', 'lines', 'one-line', 'en-line'] as const),
    translatorForm: rng.chance(0.5) ? 'fanyi' : 'yizhe',
    editorLabel: rng.chance(0.5) ? '编辑' : '责任编辑',
    glossary: rng.pick(['xiangguan', 'vocabulary', 'none'] as const),
    glossaryFirst: rng.chance(0.3),
    photo: rng.chance(0.5),
    colon: rng.pick(['full', 'full', 'half'] as const),
    byline: rng.pick(['by-en-in-body', 'wen-zh-in-body', 'author-zh-in-body', 'none'] as const),
    notesTop: rng.chance(0.5),
  }),
  showcase: () => ({ title: 'h1-h2', info: 'site-date', dateForm: 'isoMin', credits: 'lines', translatorForm: 'fanyi', editorLabel: '编辑', glossary: 'xiangguan', glossaryFirst: false, photo: true, colon: 'full', byline: 'by-en-in-body', notesTop: true }),
  render,
};
