/**
 * 可可英语 (kekenet.com) bilingual reading pages: English and Chinese blocks alternating
 * (div.qh_en / div.qh_zg, or lines split by <br/> in one block), GBK (declared gb2312) on the
 * older pages; a breadcrumb, an info line "时间:… 来源:… 编辑:…" with app/WeChat links, an
 * audio bar, the site's promo line at the top and bottom of every article (inside the article
 * container), an English-only copyright block last, a red Chinese copyright note, a key-words
 * block, and sometimes display:none spans planted inside paragraphs.
 */
import { COPYRIGHT_EN, COPYRIGHT_ZH } from '../chrome.js';
import { ALL_DAMAGE, charsetMeta, date, esc, footer, interleaved, pageShell, relatedBlock, type GoldMeta, type Layout, type PageContext } from './common.js';

interface KkProfile {
  body: 'qh' | 'br';
  /** The English and Chinese titles as the first two blocks of the body (the <h1> holds the Chinese title). */
  titleInBody: boolean;
  dateForm: 'iso' | 'isoMin';
  byline: 'none' | 'author-en';
  vocab: boolean;
  copyrightTail: boolean;
  promo: { top: string; bottom: string };
}

function render(ctx: PageContext, p: KkProfile) {
  const { article: a, plan } = ctx;
  const meta: GoldMeta = { languages: ['en', 'zh'], title: a.title, source: a.source, editor: a.editor };
  const d = date(a, p.dateForm);
  meta.published = d.gold;
  const site = ctx.site.name.zh;

  const infoParts = [`时间:${esc(d.text)}`, `来源:${esc(a.source)}`];
  if (p.byline === 'author-en' && a.byline?.en) {
    infoParts.push(`作者:${esc(a.byline.en)}`);
    meta.byline = { en: a.byline.en };
  }
  infoParts.push(`编辑:${esc(a.editor)}`);
  const info = `<div class="info">${infoParts.join('&nbsp;&nbsp;')}&nbsp;&nbsp;<a href="#">${esc(site)}APP下载</a> | <a href="#">官方微信</a></div>`;

  const h1 = p.titleInBody ? esc(a.title.zh) : `${esc(a.title.zh)} ${esc(a.title.en)}`;
  const items = interleaved(plan, 'en');
  let article: string;
  if (p.body === 'qh') {
    const blocks: string[] = [`<p class="promo">${esc(p.promo.top)}</p>`];
    if (p.titleInBody) blocks.push(`<div class="qh_en">${esc(a.title.en)}</div>`, `<div class="qh_zg">${esc(a.title.zh)}</div>`);
    for (const it of items) blocks.push(it.kind === 'para' ? `<div class="${it.lang === 'en' ? 'qh_en' : 'qh_zg'}">${it.html}</div>` : `<p>${it.html}</p>`);
    blocks.push(`<p class="promo">${esc(p.promo.bottom)}</p>`);
    if (p.copyrightTail || ctx.showcase) blocks.push(`<div class="qh_en">${esc(COPYRIGHT_EN[1])}</div>`, `<span style="color:#FF0000;">${esc(COPYRIGHT_ZH[1])}</span>`);
    article = `<div id="article">\n${blocks.join('\n')}\n</div>`;
  } else {
    const lines: string[] = [];
    if (p.titleInBody) lines.push(esc(a.title.en), esc(a.title.zh), '');
    let last: 'en' | 'zh' | undefined;
    for (const it of items) {
      // A blank line after each Chinese paragraph that closes a pair.
      if (it.kind === 'para' && it.lang === 'en' && last === 'zh') lines.push('');
      lines.push(it.html);
      last = it.kind === 'para' ? it.lang : last;
    }
    article = `<div id="article"><p class="promo">${esc(p.promo.top)}</p><div class="article-text">${lines.join('<br/>\n')}</div><p class="promo">${esc(p.promo.bottom)}</p>${p.copyrightTail || ctx.showcase ? `<p><span style="color:#FF0000;">${esc(COPYRIGHT_ZH[1])}</span></p>` : ''}</div>`;
  }

  const vocab =
    p.vocab || ctx.showcase
      ? `<div class="key-words"><h3>重点单词 <a href="#">查看全部释义</a></h3><ul>${a.glossary.map(([en, zh]) => `<li><b>${esc(en)}</b><span class="think">先想一想，再看释义</span><p>${esc(zh)}</p><a href="#">联想记忆</a></li>`).join('')}</ul></div>`
      : '';

  const html = pageShell({
    htmlLang: 'zh-CN',
    charset: charsetMeta(ctx.site, ctx.site.charset === 'gbk' ? 1 : 0),
    title: `${a.title.zh}_双语新闻_${site}`,
    body: [
      `<div class="top"><a href="#">手机APP下载</a> <a href="#">登录</a> <a href="#">注册</a></div>`,
      `<div class="menu"><a href="#">首页</a> <a href="#">听力</a> <a href="#">口语</a> <a href="#">阅读</a> <a href="#">双语新闻</a> <a href="#">词汇</a> <a href="#">考试</a></div>`,
      `<div class="position">您现在的位置：<a href="#">首页</a> &gt; <a href="#">英语阅读</a> &gt; <a href="#">双语新闻</a> &gt; 正文</div>`,
      `<h1 id="nrtitle">${h1}</h1>`,
      info,
      `<div class="mp3bar"><a href="#">下载音频到电脑</a> [F8键暂停/播放] <a href="#">批量下载到手机</a></div>`,
      article,
      vocab,
      relatedBlock(ctx, 'xgwz', 6),
      footer(ctx, 'foot'),
    ],
  });
  return { html, meta };
}

export const kekenet: Layout<KkProfile> = {
  id: 'kekenet',
  siteNames: [
    { zh: '可可英语', en: 'kekenet' },
    { zh: '可可英语网', en: 'kekenet.com' },
    { zh: '可可双语', en: 'keke bilingual' },
  ],
  supports: new Set([...ALL_DAMAGE, 'hidden-text']),
  // Older pages (sites a and c) are GBK and say gb2312 or gbk; the newer one is UTF-8.
  charsetFor: (index) =>
    index === 1 ? { charset: 'utf-8', label: 'utf-8', ext: '.shtml' } : { charset: 'gbk', label: index === 0 ? 'gb2312' : 'gbk', ext: '.shtml' },
  profile: (rng, index) => ({
    body: index === 1 ? 'br' : 'qh',
    titleInBody: rng.chance(0.5),
    dateForm: rng.chance(0.5) ? 'iso' : 'isoMin',
    byline: rng.chance(0.4) ? 'author-en' : 'none',
    vocab: rng.chance(0.6),
    copyrightTail: rng.chance(0.6),
    promo: {
      top: rng.pick(['每天一篇双语新闻，坚持阅读，英语每天进步一点点！', '本站双语阅读频道每日更新，关注官方公众号查看完整中英文稿。']),
      bottom: rng.pick(['查看更多双语新闻，请关注本站官方微信公众号。', '收听本文音频、查看重点单词解析，请下载手机客户端。']),
    },
  }),
  showcase: () => ({
    body: 'qh',
    titleInBody: true,
    dateForm: 'iso',
    byline: 'none',
    vocab: true,
    copyrightTail: true,
    promo: { top: '每天一篇双语新闻，坚持阅读，英语每天进步一点点！', bottom: '查看更多双语新闻，请关注本站官方微信公众号。' },
  }),
  render,
};
