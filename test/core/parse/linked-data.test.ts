/**
 * What a page declares in schema.org JSON-LD (linked-data.ts), and how the parser uses it: the
 * headline as evidence for the title, datePublished as a declared date.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../lambdas/core/parse/index.js';
import { isLinkedDataType, readLinkedData } from '../../../lambdas/core/parse/linked-data.js';
import { LINKED_DATA_MAX_CHARS, LINKED_DATA_MAX_NODES } from '../../../lambdas/core/parse/heuristics.js';

const HEADLINE = 'Ferry crossings resume on the northern lake';
const ZH_HEADLINE = '北部湖区渡轮恢复通航';
const WHEN = '2025-03-29T16:13:00+08:00';

describe('readLinkedData', () => {
  const read = (v: unknown) => readLinkedData(JSON.stringify(v));

  it('reads the headline and datePublished of an article node', () => {
    expect(read({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: HEADLINE, datePublished: WHEN })).toEqual({ headline: HEADLINE, datePublished: WHEN });
  });

  it.each(['Article', 'NewsArticle', 'ReportageNews', 'BlogPosting', 'https://schema.org/NewsArticle', 'http://schema.org/Article', 'schema.org/OpinionNewsArticle'])('@type %s is an article', (type) => {
    expect(read({ '@type': type, headline: HEADLINE }).headline).toBe(HEADLINE);
  });

  it('a @type list with an article type is an article', () => {
    expect(read({ '@type': ['WebPage', 'NewsArticle'], headline: HEADLINE }).headline).toBe(HEADLINE);
  });

  it.each(['WebPage', 'Organization', 'BreadcrumbList', 'newsarticle', 'NewsArticles'])('@type %s is not', (type) => {
    expect(read({ '@type': type, headline: HEADLINE, datePublished: WHEN })).toEqual({});
  });

  it('finds the article in an @graph, an array, or under mainEntity, nearest first', () => {
    expect(read({ '@graph': [{ '@type': 'WebSite', name: 'Lake Post' }, { '@type': 'NewsArticle', headline: HEADLINE }] }).headline).toBe(HEADLINE);
    expect(read([{ '@type': 'Organization' }, { '@type': 'Article', headline: HEADLINE }]).headline).toBe(HEADLINE);
    expect(read({ '@type': 'WebPage', mainEntity: { '@type': 'NewsArticle', headline: HEADLINE } }).headline).toBe(HEADLINE);
    // The page's own article (near the top) wins over one listed deeper down, in either order.
    const listed = { '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', item: { '@type': 'NewsArticle', headline: 'Another story' } }] };
    expect(read({ '@graph': [listed, { '@type': 'NewsArticle', headline: HEADLINE }] }).headline).toBe(HEADLINE);
    expect(read([{ '@type': 'NewsArticle', headline: HEADLINE }, listed]).headline).toBe(HEADLINE);
    expect(read({ '@graph': [listed] }).headline).toBe('Another story');
  });

  it('takes only non-empty strings, with their whitespace folded', () => {
    expect(read({ '@type': 'NewsArticle', headline: `  ${HEADLINE.replace(/ /g, ' \n\t ')} `, datePublished: 20250329 })).toEqual({ headline: HEADLINE });
    expect(read({ '@type': 'NewsArticle', headline: ['a'], datePublished: { '@value': WHEN } })).toEqual({});
    expect(read({ '@type': 'NewsArticle', headline: '   ', datePublished: '' })).toEqual({});
  });

  it('reads through an HTML comment or CDATA wrapper', () => {
    const json = JSON.stringify({ '@type': 'NewsArticle', headline: HEADLINE });
    for (const wrapped of [`<!--${json}-->`, `//<![CDATA[\n${json}\n//]]>`, `<![CDATA[${json}]]>`, `\n  ${json}\n`]) expect(readLinkedData(wrapped).headline, wrapped).toBe(HEADLINE);
  });

  it('gives nothing for text that is not JSON, or JSON of another shape', () => {
    for (const text of ['', '{', 'var x = 1;', '{"@type": "NewsArticle", "headline": "a",}', 'null', '42', '"NewsArticle"', '[]', '{}']) expect(readLinkedData(text), text).toEqual({});
  });

  it('a block over LINKED_DATA_MAX_CHARS is not read; a long array within it does not overflow the stack', () => {
    const pad = ' '.repeat(LINKED_DATA_MAX_CHARS);
    expect(readLinkedData(JSON.stringify({ '@type': 'NewsArticle', headline: HEADLINE }) + pad)).toEqual({});
    const many = `[${Array.from({ length: 120_000 }, () => '0').join(',')}]`;
    expect(many.length).toBeLessThan(LINKED_DATA_MAX_CHARS);
    expect(readLinkedData(many)).toEqual({});
  });

  it('stops looking after LINKED_DATA_MAX_NODES nodes', () => {
    const filler = Array.from({ length: 400 }, () => ({ '@type': 'Thing' }));
    expect(read([...filler, { '@type': 'NewsArticle', headline: HEADLINE }])).toEqual({});
    expect(read([...filler.slice(0, 10), { '@type': 'NewsArticle', headline: HEADLINE }]).headline).toBe(HEADLINE);
  });

  it('never throws, on any text or any JSON value', () => {
    fc.assert(fc.property(fc.string(), (s) => void readLinkedData(s)), { numRuns: 500 });
    fc.assert(fc.property(fc.jsonValue(), (v) => void readLinkedData(JSON.stringify(v) ?? '')), { numRuns: 500 });
  });
});

describe('readLinkedData: its edges', () => {
  const article = { '@type': 'NewsArticle', headline: HEADLINE };

  it('a block of exactly LINKED_DATA_MAX_CHARS is read', () => {
    const json = JSON.stringify(article);
    const text = json + ' '.repeat(LINKED_DATA_MAX_CHARS - json.length);
    expect(text.length).toBe(LINKED_DATA_MAX_CHARS);
    expect(readLinkedData(text).headline).toBe(HEADLINE);
  });

  it('a field that is absent is absent, not undefined', () => {
    expect(readLinkedData(JSON.stringify({ '@type': 'NewsArticle', datePublished: WHEN }))).toStrictEqual({ datePublished: WHEN });
    expect(readLinkedData(JSON.stringify(article))).toStrictEqual({ headline: HEADLINE });
  });

  it('a wrapper with space around it and inside its markers', () => {
    const json = JSON.stringify(article);
    expect(readLinkedData(`\n  <!--${json}-->\n`).headline).toBe(HEADLINE);
    expect(readLinkedData(`// <![CDATA[\n${json}\n// ]]>`).headline).toBe(HEADLINE);
  });

  it('a wrapper is taken whole: end markers inside the JSON stay, start markers inside it are no wrapper', () => {
    for (const inner of ['a --> b', 'a ]]> b', 'a // ]]> b']) {
      const json = JSON.stringify({ '@type': 'NewsArticle', headline: inner });
      expect(readLinkedData(`<!--${json}-->`).headline, inner).toBe(inner);
      expect(readLinkedData(`<![CDATA[${json}]]>`).headline, inner).toBe(inner);
    }
    const opens = JSON.stringify({ '@type': 'NewsArticle', headline: 'x', note: '<!-- y -->' });
    expect(readLinkedData(opens).headline).toBe('x');
    // A wrapper is one only from the start: script code before it makes the block no JSON.
    expect(readLinkedData(`var x = 1; <!--${JSON.stringify(article)}-->`)).toStrictEqual({});
  });

  it('the article is found among LINKED_DATA_MAX_NODES nodes, not one further', () => {
    const filler = (n: number) => Array.from({ length: n }, () => ({ '@type': 'Thing' }));
    expect(readLinkedData(JSON.stringify([...filler(LINKED_DATA_MAX_NODES - 1), article])).headline).toBe(HEADLINE);
    expect(readLinkedData(JSON.stringify([...filler(LINKED_DATA_MAX_NODES), article]))).toStrictEqual({});
  });

  it('at most LINKED_DATA_MAX_NODES × 4 entries wait in the queue (values that are no nodes count there)', () => {
    const cap = LINKED_DATA_MAX_NODES * 4;
    // The root takes one place: cap - 1 entries of an array fit.
    const numbers = (n: number) => Array.from({ length: n }, () => 0);
    expect(readLinkedData(JSON.stringify([...numbers(cap - 2), article])).headline).toBe(HEADLINE);
    expect(readLinkedData(JSON.stringify([...numbers(cap - 1), article]))).toStrictEqual({});
    expect(readLinkedData(JSON.stringify([...numbers(LINKED_DATA_MAX_NODES), article])).headline).toBe(HEADLINE);
  });

  it('the article under mainEntityOfPage', () => {
    expect(readLinkedData(JSON.stringify({ '@type': 'WebPage', mainEntityOfPage: article })).headline).toBe(HEADLINE);
  });
});

describe('isLinkedDataType', () => {
  it.each([
    ['application/ld+json', true],
    [' Application/LD+JSON ', true],
    ['application/json', false],
    ['text/javascript', false],
    ['', false],
    [undefined, false],
  ] as const)('%j → %s', (type, want) => {
    expect(isLinkedDataType(type)).toBe(want);
  });
});

describe('the parser reads what a page declares in JSON-LD', () => {
  const BODY = [
    ['The first ferry of the season left the north pier at dawn on Monday.', '周一清晨，本季第一班渡轮从北码头出发。'],
    ['Ice had kept the boats in harbour for eleven weeks.', '冰层让船只在港内停了十一周。'],
  ] as const;
  const ld = (o: unknown, type = 'application/ld+json') => `<script type="${type}">${JSON.stringify(o)}</script>`;
  const page = (head: string, top: string, extra = '') =>
    `<!doctype html><html><head><meta charset="utf-8">${head}</head><body><article>${top}${BODY.flatMap(([en, zh]) => [`<p>${en}</p>`, `<p>${zh}</p>`]).join('')}${extra}</article></body></html>`;
  const parse = (html: string) => {
    const r = parseArticle({ bytes: html, url: 'https://lakepost.example/news/ferries.html' });
    if (!r.ok) throw new Error(r.reason);
    return r.article;
  };
  const article = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: HEADLINE, datePublished: WHEN };
  const headings = `<h1>${HEADLINE}</h1><h2>${ZH_HEADLINE}</h2>`;

  it('datePublished dates a page that shows no date', () => {
    expect(parse(page(`<title>${HEADLINE}</title>${ld(article)}`, headings)).published).toBe(WHEN);
    expect(parse(page(`<title>${HEADLINE}</title>`, headings)).published).toBeUndefined();
  });

  it('the JSON-LD in the body is read as well as in the head', () => {
    expect(parse(page(`<title>${HEADLINE}</title>`, headings, ld(article))).published).toBe(WHEN);
  });

  it('a script of another type, or JSON-LD of another thing, dates nothing', () => {
    expect(parse(page(`<title>${HEADLINE}</title>${ld(article, 'application/json')}`, headings)).published).toBeUndefined();
    expect(parse(page(`<title>${HEADLINE}</title>${ld({ ...article, '@type': 'WebPage' })}`, headings)).published).toBeUndefined();
  });

  it('a date the page shows wins; article:published_time comes before JSON-LD', () => {
    expect(parse(page(`<title>${HEADLINE}</title>${ld(article)}`, `${headings}<p>2025-04-02 09:30</p>`)).published).toBe('2025-04-02T09:30:00+08:00');
    const meta = '<meta property="article:published_time" content="2025-03-30T08:00:00+08:00">';
    expect(parse(page(`<title>${HEADLINE}</title>${meta}${ld(article)}`, headings)).published).toBe('2025-03-30T08:00:00+08:00');
  });

  it('a shown bare day takes the declared time of that day', () => {
    expect(parse(page(`<title>${HEADLINE}</title>${ld(article)}`, `${headings}<p>2025-03-29</p>`)).published).toBe(WHEN);
  });

  it('a broken block is ignored, and the next one read', () => {
    const broken = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>';
    const a = parse(page(`<title>${HEADLINE}</title>${broken}${ld(article)}`, headings));
    expect(a.published).toBe(WHEN);
    expect(a.title).toEqual({ en: HEADLINE, zh: ZH_HEADLINE });
  });

  it('the headline gives the English title a page shows only in Chinese, and the first paragraph stays body', () => {
    const head = `<title>${ZH_HEADLINE}_湖邮网</title>${ld({ '@graph': [{ '@type': 'WebSite', name: '湖邮网' }, article] })}`;
    const a = parse(page(head, `<h1>${ZH_HEADLINE}</h1>`));
    expect(a.title).toEqual({ en: HEADLINE, zh: ZH_HEADLINE });
    expect(a.segments.map((s) => [(s.en ?? []).join(' '), (s.zh ?? []).join(' ')])).toEqual(BODY.map(([en, zh]) => [en, zh]));
  });

  it('the headline makes the heading it names the title over a site-name <title>', () => {
    const a = parse(page(`<title>Lake Post</title>${ld(article)}`, headings));
    expect(a.title).toEqual({ en: HEADLINE, zh: ZH_HEADLINE });
    expect(a.segments).toHaveLength(2);
  });
});
