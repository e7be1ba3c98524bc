/**
 * Xinhua bilingual pages (news.cn / xinhuanet.com 双语): the Chinese title over the English
 * one, an info line with the time and 来源 (or, on English-first columns, one line
 * "Source: X | date | Editor: Y"), paragraphs interleaved (Chinese first on some columns),
 * a font-size bar and a "scan to open on your phone" box, and after the text 【纠错】 and
 * 【责任编辑：X】.
 */
import { FONT_BARS } from '../chrome.js';
import { other } from '../plan.js';
import { ALL_DAMAGE, charsetMeta, colon, date, esc, footer, interleaved, pageShell, printByline, relatedBlock, type GoldMeta, type Layout, type PageContext } from './common.js';

interface XhProfile {
  zhFirst: boolean;
  info: 'zh' | 'en-one-line';
  dateForm: 'iso' | 'zhPad' | 'enDayGmt';
  dateOffset: number;
  bylineForm: 'reporter-zh' | 'author-zh' | 'by-en' | 'none';
  jiucuo: boolean;
}

function render(ctx: PageContext, p: XhProfile) {
  const { article: a, plan, rng } = ctx;
  const first = p.zhFirst ? 'zh' : 'en';
  const meta: GoldMeta = { languages: [first, other(first)], title: a.title, source: a.source, editor: a.editor };
  const d = date(a, p.info === 'zh' && p.dateForm === 'enDayGmt' ? 'iso' : p.dateForm, p.dateOffset);
  meta.published = d.gold;

  const info =
    p.info === 'zh'
      ? `<div class="header-cont"><div class="info"><span class="year"><em>${esc(d.text)}</em></span> <span class="source">来源${colon('full')}${esc(a.source)}</span></div></div>`
      : `<div class="info">Source: ${esc(a.source)} | ${esc(d.text)} | Editor: ${esc(a.editor)}</div>`;
  const by = printByline(a.byline, p.bylineForm, 'full');
  if (by.gold) meta.byline = by.gold;

  const body: string[] = by.lines.map((l) => `<p>${esc(l)}</p>`);
  if (a.editorNote) {
    body.push(`<p>${esc(first === 'zh' ? `编者按：${a.editorNote.zh}` : `Editor's note: ${a.editorNote.en}`)}</p>`, `<p>${esc(first === 'zh' ? `Editor's note: ${a.editorNote.en}` : `编者按：${a.editorNote.zh}`)}</p>`);
    meta.editorNote = { ...a.editorNote };
  }
  for (const it of interleaved(plan, first)) body.push(`<p>${it.html}</p>`);
  if (a.authorNote) {
    body.push(`<p>${esc(a.authorNote.en)}</p>`, `<p>${esc(a.authorNote.zh)}</p>`);
    meta.authorNote = { ...a.authorNote };
  }
  const end: string[] = [];
  if (p.jiucuo || ctx.showcase) end.push('<div class="jc"><a href="#">【纠错】</a></div>');
  if (p.info === 'zh') end.push(`<div class="editor">【责任编辑：${esc(a.editor)}】</div>`);

  const titles = p.zhFirst ? `<h1>${esc(a.title.zh)}</h1><h2>${esc(a.title.en)}</h2>` : `<h1>${esc(a.title.en)}</h1><h2>${esc(a.title.zh)}</h2>`;
  const html = pageShell({
    htmlLang: 'zh-CN',
    charset: charsetMeta(ctx.site, 1),
    title: `${a.title.zh}-新华网`,
    body: [
      `<div class="topBar"><a href="#">新华网</a> <a href="#">English</a> <a href="#">双语</a> <a href="#">客户端</a></div>`,
      `<div class="nav"><a href="#">首页</a> &gt; <a href="#">双语</a> &gt; 正文</div>`,
      `<div class="header"><div class="h-title">${titles}</div>${info}</div>`,
      `<div class="tools"><span class="fontSize">${esc(rng.pick(FONT_BARS))}</span> <span class="qr">用手机扫码，打开本页</span></div>`,
      `<div class="main"><div id="detail">`,
      ...body,
      '</div>',
      ...end,
      relatedBlock(ctx, 'xgxw', 4),
      '</div>',
      footer(ctx, 'foot'),
    ],
  });
  return { html, meta };
}

export const xinhua: Layout<XhProfile> = {
  id: 'xinhua',
  siteNames: [
    { zh: '新华网', en: 'Xinhuanet' },
    { zh: '新华网双语', en: 'Xinhua Bilingual' },
    { zh: '新华双语', en: 'news.cn bilingual' },
  ],
  supports: new Set([...ALL_DAMAGE]),
  charsetFor: () => ({ charset: 'utf-8', label: 'utf-8', ext: '.htm' }),
  profile: (rng, index) => ({
    zhFirst: index !== 1,
    info: index === 1 ? 'en-one-line' : 'zh',
    dateForm: index === 1 ? rng.pick(['iso', 'enDayGmt'] as const) : rng.pick(['iso', 'zhPad'] as const),
    dateOffset: rng.pick([0, 480, -300]),
    bylineForm: rng.pick(['reporter-zh', 'author-zh', 'by-en', 'none'] as const),
    jiucuo: rng.chance(0.6),
  }),
  showcase: () => ({ zhFirst: true, info: 'zh', dateForm: 'iso', dateOffset: 480, bylineForm: 'reporter-zh', jiucuo: true }),
  render,
};
