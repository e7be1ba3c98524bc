/**
 * Chrome recognised by what it is (issue 10 item 2) and metadata wherever sites print it
 * (item 3). Every wording here was written for these tests: none is taken from the samples,
 * the dev corpus or the quality set's chrome lists, so a rule fitted to those strings fails.
 */
import { describe, expect, it } from 'vitest';
import { articleParts, articleWindow, isChromeLine } from '../../../lambdas/core/parse/content.js';
import { extractHtml } from '../../../lambdas/core/parse/html.js';
import { parseArticle } from '../../../lambdas/core/parse/index.js';
import { isTranslatorLine, namePairOf, parseMetaLine } from '../../../lambdas/core/parse/metadata.js';
import { splitBlocks } from '../../../lambdas/core/parse/split.js';

const en = [
  'Engineers in Guizhou finished lifting the last steel segment of a suspension bridge on Friday, closing a gap of 1,200 meters over the river gorge.',
  'The bridge will cut the drive between two county towns from three hours to forty minutes when it opens to traffic next spring.',
  'Crews worked through the night because wind speeds in the canyon are lowest between midnight and dawn, the project manager said.',
  'Local farmers expect to sell more fruit in the provincial capital once the crossing opens, according to the county government.',
];
const zh = [
  '贵州的工程人员周五完成了一座悬索桥最后一节钢梁的吊装，合龙了横跨河谷的1200米缺口。',
  '大桥明年春天通车后，两个县城之间的车程将从三小时缩短到四十分钟。',
  '项目经理说，由于峡谷内午夜至黎明时段风速最低，施工人员连夜作业。',
  '县政府表示，大桥通车后，当地果农有望把更多水果卖到省城。',
];
const bodyHtml = en.map((e, k) => `<p>${e}</p><p>${zh[k]}</p>`).join('\n');

function parts(html: string) {
  const r = extractHtml(`<html><head><title>Bridge closes its gap - Mountain Daily</title></head><body>${html}</body></html>`);
  if (!r.ok) throw new Error(r.reason);
  const units = splitBlocks(r.value.blocks, false);
  return articleParts(units, r.value.meta, articleWindow(units));
}
const bodyTexts = (html: string) => parts(html).body.map((p) => p.text);

describe('chrome lines by what they are, in both languages', () => {
  it.each([
    // Language switchers.
    ['简体中文 | English | 中英双语'],
    ['EN · CN · 双语对照'],
    ['点击查看英文版'],
    // Share, print and font-size bars.
    ['A+ | A | A-'],
    ['字体：放大 缩小 默认'],
    ['转发 | 收藏 | 纠错 | 复制链接'],
    ['Save | Bookmark | Comments | Copy link'],
    ['Text size: A- A A+'],
    // Related blocks and footers.
    ['猜你喜欢'],
    ['You may also like'],
    ['Most read | Trending | Latest news'],
    ['隐私政策 · 用户协议 · 意见反馈'],
    ['Privacy policy | Terms of service | Careers'],
    // Ad labels and continue-reading markers.
    ['廣告'],
    ['Sponsored content'],
    ['▼ 展开全文 ▼'],
    // Copyright and reprint statements.
    ['本网站所刊登的双语译文，未经本网许可，谢绝任何媒体转载或摘编。'],
    ['如需转载本页译文，请与编辑部联系。'],
    ['转载须注明来源及作者。'],
    ['Material on this page may not be republished in any form without the written consent of the editors.'],
    ['No part of this article may be stored or transmitted by any means.'],
    ['The translations here are for personal use only.'],
    ['Copyright: Mountain Daily Media Group'],
    // Photo captions and credits.
    ['[Photo by Wu Qiang/For the paper]'],
    ['Photo courtesy of the county government'],
    ['Image: the bridge at dusk'],
    ['（本报记者 周亮 摄）'],
    ['图为大桥合龙现场。'],
    ['资料照片'],
    ['圖片來源：網絡'],
    // Promotions of the site's channels.
    ['长按识别二维码，收看大桥合龙直播'],
    ['欢迎下载本报客户端，获取更多深度报道'],
    ['更多精彩内容，请关注我们的公众号'],
    ['Download our news app to listen to this story'],
    ['Find us on LinkedIn for daily updates'],
  ])('%s is chrome', (text) => {
    expect(isChromeLine(text)).toBe(true);
  });

  it.each([
    // A body paragraph that merely mentions copyright, editors, apps, photos or permission.
    ['The court ruled that the copyright in the translated novel belongs to the publisher, not the translator.'],
    ['法院认定，该公司未经许可转载了原告的三篇文章，应赔偿经济损失。'],
    ['The editor of the local paper said the bridge had changed how people in the valley think about distance.'],
    ['编辑部的同事们连夜核对了每一个数字。'],
    ['More than two million people have downloaded the county’s tourism app since March.'],
    ['下载量最高的应用是一款地图软件。'],
    ['Photos of the bridge spread quickly on social media.'],
    ['Officials said the documents were shared without permission.'],
    ['他说，关注这个项目的人越来越多。'],
    ['Doctors said only a few patients needed surgery.'],
    ['A short reply.'],
  ])('%s stays body', (text) => {
    expect(isChromeLine(text)).toBe(false);
  });

  it('a glossary (heading and term pairs, either order, also split into two units) leaves the body', () => {
    const body = bodyTexts(`<h1>Bridge closes its gap</h1><h2>大桥合龙</h2>${bodyHtml}
      <p>【重点词汇】</p><p>suspension bridge 悬索桥</p><p>合龙 closure of a span</p><p>steel girder segment: 钢梁节段</p>
      <p>Words to know</p><p>gorge — 峡谷</p>`);
    expect(body).toEqual(en.flatMap((e, k) => [e, zh[k]!]));
  });

  it('bars, switchers, credits, statements and promotions around and inside the body leave it; the body stays whole', () => {
    const html = `<div>EN · CN · 双语对照</div><h1>Bridge closes its gap</h1><h2>大桥合龙</h2>
      <div>字体：放大 缩小 默认 | 打印</div>
      <p>${en[0]}</p><p>（本报记者 周亮 摄）</p><p>${zh[0]}</p><p>廣告</p>
      <p>${en[1]}</p><p>${zh[1]}</p><p>欢迎下载本报客户端，获取更多深度报道</p>
      <p>${en[2]}</p><p>${zh[2]}</p><p>${en[3]}</p><p>${zh[3]}</p>
      <p>中文翻译：陈小雨</p><p>Translated by Zoe Lin</p>
      <p>本网站所刊登的双语译文，未经本网许可，谢绝任何媒体转载或摘编。</p>
      <p>Material on this page may not be republished in any form without the written consent of the editors.</p>
      <p>Mountain Daily</p>`;
    expect(bodyTexts(html)).toEqual(en.flatMap((e, k) => [e, zh[k]!]));
  });

  it('a body paragraph mentioning copyright or an editor is still body', () => {
    const extraEn = 'The court ruled that the copyright in the translated novel belongs to the publisher, not the translator.';
    const extraZh = '编辑部的同事们连夜核对了每一个数字。';
    const body = bodyTexts(`<h1>Bridge closes its gap</h1><h2>大桥合龙</h2>${bodyHtml}<p>${extraEn}</p><p>${extraZh}</p><p>${en[0]}</p>`);
    expect(body).toContain(extraEn);
    expect(body).toContain(extraZh);
  });
});

describe('credits are metadata, never body, and the translator is never the author', () => {
  it.each([['译者：陈小雨'], ['翻译 陈小雨'], ['编译/陈小雨（实习生）'], ['Translated by Zoe Lin'], ['Translator: Zoe Lin']])('%s is a translator credit', (text) => {
    expect(isTranslatorLine(text)).toBe(true);
  });

  it.each([['翻译是一门需要耐心的手艺。'], ['Translators say the word has no exact English equivalent.']])('%s is no credit', (text) => {
    expect(isTranslatorLine(text)).toBe(false);
  });

  it('英文来源 is the source, 编辑 the editor, the translator neither author nor body', () => {
    const p = parts(`<h1>Bridge closes its gap</h1><h2>大桥合龙</h2>${bodyHtml}
      <p>英文来源：Mountain Daily</p><p>译者：陈小雨（实习生）</p><p>编辑：Gao Fei</p>`);
    expect(p.source).toBe('Mountain Daily');
    expect(p.editor).toBe('Gao Fei');
    expect(p.byline).toEqual({});
    expect(p.body.map((b) => b.text).join('')).not.toMatch(/陈小雨|Gao Fei|Mountain Daily/);
  });

  it('credits on one line: source, translator and editor', () => {
    expect(parseMetaLine('英文来源：Mountain Daily  翻译：陈小雨  责编：Gao Fei')).toEqual({ source: 'Mountain Daily', editor: 'Gao Fei' });
  });

  it('a line of credits only (photographer, proofreader) is a label line that keeps nothing', () => {
    expect(parseMetaLine('审校：刘洋')).toEqual({ credit: true });
    expect(parseMetaLine('Photographer: Wu Qiang')).toEqual({ credit: true });
  });

  it('a label value that runs into an app promotion loses the promotion', () => {
    expect(parseMetaLine('来源：山城晚报 编辑：Gao Fei 山城新闻APP下载 | 官方微博')?.editor).toBe('Gao Fei');
  });
});

describe('metadata wherever sites print it', () => {
  it.each([
    ['Zoe Lin 林卓', { en: 'Zoe Lin', zh: '林卓' }],
    ['林卓 Zoe Lin', { en: 'Zoe Lin', zh: '林卓' }],
    ['林卓（Zoe Lin）', { en: 'Zoe Lin', zh: '林卓' }],
    ['By Zoe Lin (林卓)', { en: 'Zoe Lin', zh: '林卓' }],
    ['彼得·沃克 Peter Walker', { en: 'Peter Walker', zh: '彼得·沃克' }],
  ])('both bylines on one line: %s', (text, pair) => {
    expect(namePairOf(text)).toEqual(pair);
  });

  it.each([
    ['Posted 5 May 2026, 09:30 GMT+1 Mountain Daily 林卓(Zoe Lin)', { date: '2026-05-05T09:30:00+01:00', source: 'Mountain Daily', author: '林卓', authors: ['林卓', 'Zoe Lin'] }],
    ['更新于2026年5月5日 16:30 山城晚报 林卓', { date: '2026-05-05T16:30:00+08:00', source: '山城晚报', author: '林卓', authors: ['林卓'] }],
    ['2026-05-05 16:30 山城晚报 记者 林卓', { date: '2026-05-05T16:30:00+08:00', source: '山城晚报', author: '林卓', authors: ['林卓'] }],
    ['By Zoe Lin | 林卓 | 2026-05-05 16:30', { date: '2026-05-05T16:30:00+08:00', author: 'Zoe Lin', authors: ['Zoe Lin', '林卓'] }],
  ])('a date line carrying the byline: %s', (text, expected) => {
    expect(parseMetaLine(text)).toEqual(expected);
  });

  it('a date line that is a sentence gives no byline', () => {
    expect(parseMetaLine('2026年5月5日，大桥正式合龙 林卓')).toBeUndefined();
  });

  it.each([
    ['a byline block on two lines after the titles', '<p>Zoe Lin</p><p>林卓</p><p>2026-05-05 16:30</p>', { en: 'Zoe Lin', zh: '林卓' }],
    ['Chinese first in the block', '<p>林卓</p><p>Zoe Lin</p><p>2026-05-05 16:30</p>', { en: 'Zoe Lin', zh: '林卓' }],
    ['a name pair on one line', '<p>Zoe Lin 林卓</p><p>2026-05-05 16:30</p>', { en: 'Zoe Lin', zh: '林卓' }],
    ['文/X and By X', '<p>By Zoe Lin</p><p>文/林卓</p>', { en: 'Zoe Lin', zh: '林卓' }],
    ['记者 with a transliterated name', '<p>记者 彼得·沃克</p>', { zh: '彼得·沃克' }],
  ])('%s', (_name, head, byline) => {
    const p = parts(`<h1>Bridge closes its gap</h1><h2>大桥合龙</h2>${head}${bodyHtml}`);
    expect(p.byline).toEqual(byline);
    expect(p.body).toHaveLength(8);
  });

  it('a byline block above a language switch (outside the article window) is still read', () => {
    const p = parts(`<h1>Bridge closes its gap</h1><h2>大桥合龙</h2><p>Zoe Lin</p><p>林卓</p><p>2026年5月5日 16:30</p>
      <div><a href="/zh">中文</a> · <a href="/en">English</a> · <a href="/bi">中英对照</a></div>${bodyHtml}`);
    expect(p.byline).toEqual({ en: 'Zoe Lin', zh: '林卓' });
    expect(p.published).toBe('2026-05-05T16:30:00+08:00');
  });

  it('a caption credit (图片来源) never gives the source', () => {
    const p = parts(`<h1>Bridge closes its gap</h1><h2>大桥合龙</h2><p>大桥夜景（图片来源：山城晚报）</p>${bodyHtml}`);
    expect(p.source).toBeUndefined();
  });

  it('a headline pair repeated as the first paragraphs gives the missing title and leaves the body', () => {
    const p = parts(`<h1>大桥合龙</h1><p>Bridge closes its gap</p><p>大桥合龙</p>${bodyHtml}`);
    expect(p.title).toEqual({ zh: '大桥合龙', en: 'Bridge closes its gap' });
    expect(p.body).toHaveLength(8);
  });
});

describe('a page of paragraphs too short to count (issue 12 item 5)', () => {
  it('says so, with the longest paragraph and the lengths needed', () => {
    const r = parseArticle({ bytes: '<html><body><p>Bridge done.</p><p>大桥合龙了。</p><p>Yes, finally.</p><p>终于。</p></body></html>' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('paragraphs too short to count as article text (the longest is 13 characters in English and 6 in Chinese; at least 26 and 7 needed)');
  });

  it('a page of links only still says it holds no article text', () => {
    const r = parseArticle({ bytes: '<html><body><ul><li><a href="/a">A long enough link text about the bridge opening next spring</a></li><li><a href="/b">另一条关于大桥明年春天通车的链接文字</a></li></ul></body></html>' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^no article text found/);
  });
});
