/**
 * China Military Online bilingual (eng.chinamil.com.cn …/BILINGUAL/…), the layout of the
 * project's seed: English title then Chinese title, an info line "来源：X 责任编辑：Y" and
 * the date, the byline as the first body paragraphs ("By X", then the Chinese name),
 * paragraphs interleaved (English first, or Chinese first on some columns, or both in one
 * <p> split by <br>), notes at the end, a font-size/print bar and a sponsor footer.
 */
import { FONT_BARS, LANG_SWITCHES, PRINT_BARS } from '../chrome.js';
import { other } from '../plan.js';
import { ALL_DAMAGE, authorNoteLines, charsetMeta, colon, date, editorNoteLines, esc, footer, interleaved, pageShell, printByline, relatedBlock, type ColonStyle, type GoldMeta, type Layout, type PageContext } from './common.js';

interface MilProfile {
  zhFirst: boolean;
  paraTag: 'p' | 'div';
  /** Each pair in one <p>, the languages split by <br>. */
  brSplit: boolean;
  bylineForm: 'by-en+zh-line' | 'by-en';
  dateForm: 'iso' | 'isoMin';
  infoDateFirst: boolean;
  editorNote: 'bottom-label' | 'top-paren';
  colon: ColonStyle;
  switcher: boolean;
}

function render(ctx: PageContext, p: MilProfile) {
  const { article: a, plan, rng } = ctx;
  const c = colon(p.colon);
  const first = p.zhFirst ? 'zh' : 'en';
  const meta: GoldMeta = { languages: [first, other(first)], title: a.title, source: a.source, editor: a.editor };
  const d = date(a, p.dateForm);
  meta.published = d.gold;

  const srcEd = `<span>来源${c}${esc(a.source)}</span>&nbsp;&nbsp;<span>责任编辑${c}${esc(a.editor)}</span>`;
  const info = p.infoDateFirst ? `<div class="info"><span class="time">${esc(d.text)}</span>&nbsp;&nbsp;${srcEd}</div>` : `<div class="info">${srcEd}&nbsp;&nbsp;<span class="time">${esc(d.text)}</span></div>`;
  const by = printByline(a.byline, p.bylineForm, p.colon);
  if (by.gold) meta.byline = by.gold;

  const tag = p.paraTag;
  const out: string[] = by.lines.map((l) => `<${tag}>${esc(l)}</${tag}>`);
  const edn = editorNoteLines(a, p.editorNote === 'top-paren' ? 'paren' : 'label');
  if (edn) meta.editorNote = { ...a.editorNote! };
  if (edn && p.editorNote === 'top-paren') out.push(`<${tag}>${esc(edn.en)}</${tag}>`, `<${tag}>${esc(edn.zh)}</${tag}>`);
  const items = interleaved(plan, first);
  if (p.brSplit) {
    // A first-language paragraph opens a <p>; the translation that follows joins it after a <br>.
    let open: string[] = [];
    const flush = () => {
      if (open.length) out.push(`<p>${open.join('<br>')}</p>`);
      open = [];
    };
    for (const it of items) {
      if (it.kind === 'chrome' || it.lang === first) flush();
      if (it.kind === 'chrome') out.push(`<p>${it.html}</p>`);
      else open.push(it.html);
    }
    flush();
  } else {
    for (const it of items) out.push(`<${tag}>${it.html}</${tag}>`);
  }
  if (edn && p.editorNote === 'bottom-label') out.push(`<${tag}>${esc(edn.en)}</${tag}>`, `<${tag}>${esc(edn.zh)}</${tag}>`);
  const an = authorNoteLines(a, 'plain');
  if (an) {
    out.push(`<${tag}>${esc(an.en)}</${tag}>`, `<${tag}>${esc(an.zh)}</${tag}>`);
    meta.authorNote = { ...a.authorNote! };
  }

  const sw = LANG_SWITCHES[4]!;
  const html = pageShell({
    htmlLang: 'zh-CN',
    charset: charsetMeta(ctx.site, 0),
    title: `${a.title.en} - ${ctx.site.name.zh}`,
    body: [
      `<div class="topbar"><a href="#">登录</a> ${p.switcher || ctx.showcase ? sw.map((s) => `<a href="#">${esc(s)}</a>`).join(' | ') : ''}</div>`,
      `<div class="nav"><a href="#">首页</a><a href="#">要闻</a><a href="#">国防</a><a href="#">国际</a><a href="#">双语</a><a href="#">视频</a></div>`,
      `<div class="breadcrumb"><a href="#">Home</a> &gt; <a href="#">Bilingual</a> &gt; Article</div>`,
      '<div class="container"><div class="left">',
      `<h1>${esc(a.title.en)}</h1>`,
      `<h2 class="subtitle">${esc(a.title.zh)}</h2>`,
      info,
      `<div class="tools">${esc(rng.pick(FONT_BARS))} ${esc(rng.pick(PRINT_BARS))}</div>`,
      `<div class="article" id="article-content">`,
      ...out,
      '</div>',
      `<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>`,
      relatedBlock(ctx, 'related', 4),
      '</div>',
      `<div class="right"><div class="hot"><h4>热点推荐</h4>${ctx.others.slice(0, 2).map((o) => `<a href="#">${esc(o.title.en)} ${esc(o.title.zh)}</a>`).join('<br>')}</div></div>`,
      '</div>',
      footer(ctx, 'footer'),
    ],
  });
  return { html, meta };
}

export const chinamil: Layout<MilProfile> = {
  id: 'chinamil',
  siteNames: [
    { zh: '中国军网', en: 'China Military Online' },
    { zh: '中国军网双语', en: 'China Military Bilingual' },
    { zh: '军网双语频道', en: 'chinamil bilingual' },
  ],
  supports: new Set([...ALL_DAMAGE]),
  charsetFor: () => ({ charset: 'utf-8', label: 'utf-8', ext: '.html' }),
  profile: (rng, index) => ({
    zhFirst: index === 1,
    paraTag: rng.chance(0.7) ? 'p' : 'div',
    brSplit: index === 2 && rng.chance(0.5),
    bylineForm: rng.chance(0.7) ? 'by-en+zh-line' : 'by-en',
    dateForm: rng.chance(0.5) ? 'iso' : 'isoMin',
    infoDateFirst: rng.chance(0.3),
    editorNote: rng.chance(0.5) ? 'bottom-label' : 'top-paren',
    colon: rng.pick(['full', 'half'] as const),
    switcher: rng.chance(0.5),
  }),
  showcase: () => ({ zhFirst: false, paraTag: 'p', brSplit: false, bylineForm: 'by-en+zh-line', dateForm: 'iso', infoDateFirst: false, editorNote: 'bottom-label', colon: 'full', switcher: true }),
  render,
};
