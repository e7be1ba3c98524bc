/**
 * Two layouts found by writing probe pages by hand: block pages whose second language's
 * headline heads its block (content.ts blockTitle), and a Chinese byline with its date on the
 * same line (metadata.ts zhDatedBylineOf).
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../lambdas/core/parse/index.js';
import { zhDatedBylineOf } from '../../../lambdas/core/parse/metadata.js';

const EN_TITLE = 'Glaciers in retreat';
const ZH_TITLE = '冰川在退缩';
const EN = [
  'Glaciers on the plateau have lost a fifth of their area in forty years, a new survey shows.',
  'Scientists used satellite images from four decades to measure the change.',
  'Meltwater now feeds larger lakes, which could flood villages downstream.',
];
const ZH = ['一项新的调查显示，四十年来高原上的冰川面积减少了五分之一。', '科学家利用四十年来的卫星图像来测量这一变化。', '融水现在汇入更大的湖泊，可能会淹没下游的村庄。'];

function parse(html: string) {
  const r = parseArticle({ bytes: html });
  if (!r.ok) throw new Error(r.reason);
  return r.article;
}
const doc = (head: string, body: string) => `<!doctype html><html><head><meta charset="utf-8">${head}</head><body><div id="content">${body}</div></body></html>`;
const ps = (xs: readonly string[]) => xs.map((x) => `<p>${x}</p>`).join('');
const pairs = (a: ReturnType<typeof parse>) => a.segments.map((s) => [(s.en ?? []).join(' '), (s.zh ?? []).join(' ')]);
const WANT = EN.map((e, k) => [e, ZH[k]!]);

describe('block pages: the second block opens with its headline', () => {
  it('a heading that <title> holds is the title, not the first paragraph of its block', () => {
    const a = parse(doc(`<title>${EN_TITLE} ${ZH_TITLE}</title>`, `<h1>${EN_TITLE}</h1>${ps(EN)}<h1>${ZH_TITLE}</h1>${ps(ZH)}`));
    expect(a.title).toEqual({ en: EN_TITLE, zh: ZH_TITLE });
    expect(pairs(a)).toEqual(WANT);
  });

  it('where <title> names no headline in that language, a heading after the other block is its title', () => {
    const a = parse(doc(`<title>${EN_TITLE} - Mountain Weekly</title>`, `<h1>${EN_TITLE}</h1>${ps(EN)}<h2>${ZH_TITLE}</h2>${ps(ZH)}`));
    expect(a.title).toEqual({ en: EN_TITLE, zh: ZH_TITLE });
    expect(pairs(a)).toEqual(WANT);
  });

  it('the same with the Chinese block first', () => {
    const a = parse(doc(`<title>${ZH_TITLE}_山地周刊</title>`, `<h1>${ZH_TITLE}</h1>${ps(ZH)}<h2>${EN_TITLE}</h2>${ps(EN)}`));
    expect(a.title).toEqual({ en: EN_TITLE, zh: ZH_TITLE });
    expect(pairs(a)).toEqual(WANT);
  });

  it('not where <title> names another headline in that language', () => {
    const a = parse(doc(`<title>${EN_TITLE} | 高原冰川面积缩小</title>`, `<h1>${EN_TITLE}</h1>${ps(EN)}<h2>${ZH_TITLE}</h2>${ps(ZH)}`));
    expect(a.title.zh).toBe('高原冰川面积缩小');
  });

  it('not after a single paragraph of the other language (a subheading, not a block)', () => {
    const a = parse(doc(`<title>${EN_TITLE}</title>`, `<h1>${EN_TITLE}</h1>${ps(EN.slice(0, 1))}<h2>${ZH_TITLE}</h2>${ps(ZH.slice(0, 1))}${ps(EN.slice(1))}${ps(ZH.slice(1))}`));
    expect(a.title.zh).toBeUndefined();
  });

  it('not once its language has a paragraph (a Chinese subheading in an interleaved page)', () => {
    const interleaved = EN.flatMap((e, k) => [`<p>${e}</p>`, `<p>${ZH[k]}</p>`]);
    const a = parse(doc(`<title>${EN_TITLE}</title>`, `<h1>${EN_TITLE}</h1>${interleaved.slice(0, 4).join('')}<h3>第二部分</h3>${interleaved.slice(4).join('')}`));
    expect(a.title.zh).toBeUndefined();
  });
});

describe('zhDatedBylineOf', () => {
  it.each([
    ['記者 陳嘉欣 | 2024年3月2日', { names: '陳嘉欣', date: '2024-03-02T00:00:00+08:00' }],
    ['2024年3月2日 记者 陈嘉欣', { names: '陈嘉欣', date: '2024-03-02T00:00:00+08:00' }],
    ['文/张三 | 2024-03-02 10:00', { names: '张三', date: '2024-03-02T10:00:00+08:00' }],
    ['本报记者 李四 王五 2024年3月2日', { names: '李四 王五', date: '2024-03-02T00:00:00+08:00' }],
  ] as const)('%s', (line, want) => {
    expect(zhDatedBylineOf(line)).toEqual(want);
  });

  it.each(['记者 陈嘉欣', '新华社 2024年3月2日', '记者 陈嘉欣 2024年3月2日 北京', '2024年3月2日', '记者陈嘉欣报道，2024年3月2日港口夜市重开。'])('%s: nothing', (line) => {
    expect(zhDatedBylineOf(line)).toBeUndefined();
  });

  it('the parser takes the name and the date, and keeps the line out of the body', () => {
    const body = EN.flatMap((e, k) => [`<p>${e}</p>`, `<p>${ZH[k]}</p>`]).join('');
    const a = parse(doc(`<title>${EN_TITLE}</title>`, `<h1>${EN_TITLE}</h1><h1>${ZH_TITLE}</h1><p class="byline">記者 陳嘉欣 | 2024年3月2日</p>${body}`));
    expect(a.byline).toEqual({ zh: '陳嘉欣' });
    expect(a.published).toBe('2024-03-02T00:00:00+08:00');
    expect(pairs(a)).toEqual(WANT);
  });
});
