/**
 * Titles from headings when the page's <title> does not name them. Many sites put only their
 * own or a section's name in <title> ("Bilingual news | Lake Post"), or only the Chinese
 * headline. The headings are then weak titles (content.ts headingTitle); the short paragraphs
 * right after them must stay body, not be read as more title one after another (they were:
 * such a page failed with no body, or lost its first paragraph).
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../lambdas/core/parse/index.js';

const EN_TITLE = 'Ferry crossings resume on the northern lake';
const ZH_TITLE = '北部湖区渡轮恢复通航';
const BODY = [
  ['The first ferry of the season left the north pier at dawn on Monday.', '周一清晨，本季第一班渡轮从北码头出发。'],
  ['Ice had kept the boats in harbour for eleven weeks.', '冰层让船只在港内停了十一周。'],
] as const;

function page(head: string, top: string, body: readonly (readonly [string, string])[] = BODY): string {
  const paras = body.flatMap(([en, zh]) => [`<p>${en}</p>`, `<p>${zh}</p>`]).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8">${head}</head><body><article>\n${top}\n${paras}\n</article></body></html>`;
}

function parse(html: string) {
  const r = parseArticle({ bytes: html, url: 'https://lakepost.example/news/ferries.html' });
  if (!r.ok) throw new Error(r.reason);
  return r.article;
}

const pairs = (a: ReturnType<typeof parse>) => a.segments.map((s) => [(s.en ?? []).join(' '), (s.zh ?? []).join(' ')]);

describe('headings that <title> does not name', () => {
  const cases = [
    ['a site name alone', '<title>Lake Post</title>', `<h1>${EN_TITLE}</h1><h1>${ZH_TITLE}</h1>`],
    ['a section and site name', '<title>News - Lake Post</title>', `<h1>${EN_TITLE}</h1><h2>${ZH_TITLE}</h2>`],
    ['the Chinese headline only (the English heading is weak)', `<title>${ZH_TITLE}_湖邮网</title>`, `<h1>${EN_TITLE}</h1><h1>${ZH_TITLE}</h1>`],
    ['a section name, the Chinese title a plain line', '<title>Bilingual news | Lake Post</title>', `<h1>${EN_TITLE}</h1><p>${ZH_TITLE}</p>`],
  ] as const;

  it.each(cases)('<title> of %s: the headings are the titles and every paragraph is body', (_what, head, top) => {
    const a = parse(page(head, top));
    expect(a.title).toEqual({ en: EN_TITLE, zh: ZH_TITLE });
    expect(pairs(a)).toEqual(BODY.map(([en, zh]) => [en, zh]));
  });

  it('a body that opens with Chinese after the headings keeps that paragraph', () => {
    const flipped = BODY.map(([en, zh]) => [zh, en] as const);
    const html = page('<title>Lake Post</title>', `<h1>${EN_TITLE}</h1><h1>${ZH_TITLE}</h1>`, flipped);
    const a = parse(html);
    expect(a.title).toEqual({ en: EN_TITLE, zh: ZH_TITLE });
    expect(pairs(a)).toEqual(BODY.map(([en, zh]) => [en, zh]));
  });
});

describe('what a title line after a heading still is', () => {
  it('a plain line in the other language continues the title (its language has none yet)', () => {
    const a = parse(page(`<title>${EN_TITLE} - Lake Post</title>`, `<h1>${EN_TITLE}</h1><p>${ZH_TITLE}</p>`));
    expect(a.title).toEqual({ en: EN_TITLE, zh: ZH_TITLE });
    expect(pairs(a)).toHaveLength(2);
  });

  it('a plain line that <title> holds replaces a weak heading (a logo or site name)', () => {
    const a = parse(page(`<title>${EN_TITLE} - Lake Post</title>`, `<h1>Lake Post</h1><p>${EN_TITLE}</p><p>${ZH_TITLE}</p>`));
    expect(a.title).toEqual({ en: EN_TITLE, zh: ZH_TITLE });
    expect(pairs(a)).toEqual(BODY.map(([en, zh]) => [en, zh]));
  });

  it('without <title>, the headings are the titles and the body is whole', () => {
    const a = parse(page('', `<h1>${EN_TITLE}</h1><h2>${ZH_TITLE}</h2>`));
    expect(a.title).toEqual({ en: EN_TITLE, zh: ZH_TITLE });
    expect(pairs(a)).toEqual(BODY.map(([en, zh]) => [en, zh]));
  });
});
