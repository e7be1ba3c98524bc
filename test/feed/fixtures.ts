/**
 * Test fixture: a small in-memory ArticleReader over articles written here, with the nasty
 * parts real pages have — markup-looking text, quotes, ampersands, emoji, a control
 * character, 1-2 and 1-0 segments, a revised article and one with no publication date.
 */
import type { StoredArticle } from '../../lambdas/core/article.js';
import { InvalidCursorError, type ArticleReader, type Neighbours, type Page, type SourceState } from '../../lambdas/core/ports.js';
import type { Source } from '../../lambdas/core/sources.js';

export const SOURCES: Source[] = [
  {
    id: 'sample-mil',
    name: 'Sample Military Daily',
    kind: 'html-index',
    startUrls: ['http://127.0.0.1:9/mil/index.html'],
    linkPattern: '/mil/articles/',
    languages: ['en', 'zh'],
    schedule: 'rate(1 hour)',
    minDelayMs: 0,
    allowPrivateNetwork: true,
  },
  {
    id: 'sample-daily',
    name: 'Sample Daily & "Friends"',
    kind: 'rss',
    startUrls: ['http://127.0.0.1:9/daily/rss.xml'],
    linkPattern: '/daily/',
    languages: ['en', 'zh'],
    schedule: 'rate(2 hours)',
    minDelayMs: 0,
    allowPrivateNetwork: true,
  },
];

const base = {
  languages: ['en', 'zh'],
  rawKey: 'raw/x/y/z.html',
};

/** Revised article with hostile text: the one most assertions look at. */
export const HOSTILE: StoredArticle = {
  ...base,
  id: 'a1hostile000000000001',
  sourceId: 'sample-mil',
  url: 'https://mil.example.cn/en/2025/03/29/content_1.htm?a=1&b=2',
  title: { en: 'Troops <script>alert("x")</script> train & "rest" 🚀', zh: '部队<b>雪中</b>训练 “严寒” 🚀' },
  byline: { en: 'Zhang Gaosheng', zh: '张高胜' },
  source: 'China Military Online',
  editor: 'Li Jiayao',
  published: '2025-03-29T16:13:28+08:00',
  authorNote: { en: 'The author is a researcher <at> the academy.', zh: '作者系研究院研究员。' },
  editorNote: { en: 'Originally published on "PLA Daily".' },
  segments: [
    {
      en: ['The first paragraph <img src=x onerror=alert(1)> talks about training & readiness.'],
      zh: ['第一段谈训练与战备<img src=x onerror=alert(1)>。'],
      confidence: 0.93,
      sentences: [{ en: ['The first paragraph <img src=x onerror=alert(1)> talks about training & readiness.'], zh: ['第一段谈训练与战备<img src=x onerror=alert(1)>。'] }],
    },
    {
      en: ['One English paragraph whose translation was split in two.'],
      zh: ['译文的前半部分，', '以及后半部分。'],
      // Below the doubtful threshold (0.5): the page, the JSON Feed and the exports mark it.
      confidence: 0.42,
      sentences: [{ en: ['One English paragraph whose translation was split in two.'], zh: ['译文的前半部分，', '以及后半部分。'] }],
    },
    {
      en: ['An untranslated note that only exists in English \u0001 (with a control char).'],
      zh: [],
      confidence: 0.8,
      sentences: [{ en: ['An untranslated note that only exists in English \u0001 (with a control char).'], zh: [] }],
    },
    {
      en: ["It's 'quoted' and \"double quoted\" — with emoji 🎉."],
      zh: ['这里有“引号”和表情 🎉。'],
      confidence: 0.88,
      sentences: [{ en: ["It's 'quoted' and \"double quoted\" — with emoji 🎉."], zh: ['这里有“引号”和表情 🎉。'] }],
    },
    {
      en: ['Two sentences stand here.   The second one\tfollows after a tab.'],
      zh: ['这里有两句话。第二句紧随其后。'],
      confidence: 0.91,
      sentences: [
        { en: ['Two sentences stand here.'], zh: ['这里有两句话。'] },
        { en: ['The second one\tfollows after a tab.'], zh: ['第二句紧随其后。'] },
      ],
    },
  ],
  firstSeen: '2025-03-29T08:20:00Z',
  updated: '2025-03-30T02:00:00Z',
  version: 2,
};

export const DAILY: StoredArticle = {
  ...base,
  id: 'a2daily00000000000002',
  sourceId: 'sample-daily',
  url: 'https://daily.example.com/bilingual/2025-03-28/story.html',
  title: { en: 'Spring tea harvest begins', zh: '春茶开采' },
  published: '2025-03-28T09:00:00+08:00',
  segments: [
    { en: ['Farmers in Hangzhou began picking Longjing tea.'], zh: ['杭州茶农开始采摘龙井茶。'] },
    { en: ['Prices are expected to rise.'], zh: ['预计价格将上涨。'] },
  ],
  firstSeen: '2025-03-28T02:00:00Z',
  updated: '2025-03-28T02:00:00Z',
  version: 1,
};

/**
 * A Traditional-Chinese article (Taiwan/Hong Kong spelling), with a sentence bead that is 2-1
 * and a 1-0 bead: the script views, pinyin over Traditional characters and the exports' skipping.
 * Not in allArticles (the feed tests count those); the reading-page tests add it.
 */
export const TRADITIONAL: StoredArticle = {
  ...base,
  id: 'a4traditional00000004',
  sourceId: 'sample-daily',
  url: 'https://daily.example.com/bilingual/2025-04-05/shuttle.html',
  title: { en: 'Port city trials driverless shuttle buses', zh: '港口城市試行無人駕駛接駁巴士' },
  source: '樣例日報',
  editor: '林雅婷',
  published: '2025-04-05T18:20:00+08:00',
  segments: [
    {
      en: ['Four driverless shuttle buses began carrying passengers on Saturday. The trial will run for six months.'],
      zh: ['週六，四輛無人駕駛接駁巴士開始載客，試驗為期六個月。'],
      confidence: 0.86,
      sentences: [{ en: ['Four driverless shuttle buses began carrying passengers on Saturday.', 'The trial will run for six months.'], zh: ['週六，四輛無人駕駛接駁巴士開始載客，試驗為期六個月。'] }],
    },
    {
      en: ['Each bus seats 12 people. A safety officer rides on every trip.'],
      zh: ['每輛巴士可坐十二人。每趟車都有一名安全員隨車。'],
      confidence: 0.9,
      sentences: [
        { en: ['Each bus seats 12 people.'], zh: ['每輛巴士可坐十二人。'] },
        { en: ['A safety officer rides on every trip.'], zh: ['每趟車都有一名安全員隨車。'] },
      ],
    },
    {
      en: ['Officials said the buses had logged 8,000 kilometers in tests.'],
      zh: ['官員表示，這些巴士在測試中已行駛八千公里。', '「我們對結果很滿意。」'],
      confidence: 0.3,
      sentences: [
        { en: ['Officials said the buses had logged 8,000 kilometers in tests.'], zh: ['官員表示，這些巴士在測試中已行駛八千公里。'] },
        { en: [], zh: ['「我們對結果很滿意。」'] },
      ],
    },
  ],
  firstSeen: '2025-04-05T11:00:00Z',
  updated: '2025-04-05T11:00:00Z',
  version: 1,
};

/** No publication date, unsafe URL: published falls back to firstSeen, the link is dropped. */
export const UNDATED: StoredArticle = {
  ...base,
  id: 'a3undated000000000003',
  sourceId: 'sample-mil',
  url: 'javascript:alert(1)',
  title: { en: 'Undated brief', zh: '无日期简讯' },
  segments: [{ en: ['A short brief.'], zh: ['一则简讯。'] }],
  firstSeen: '2025-03-27T12:00:00Z',
  updated: '2025-03-27T12:00:00Z',
  version: 1,
};

/** Filler articles so paging has something to page through. */
export function filler(n: number, sourceId = 'sample-daily'): StoredArticle {
  const day = String(1 + (n % 20)).padStart(2, '0');
  return {
    ...base,
    id: `f${String(n).padStart(20, '0')}`,
    sourceId,
    url: `https://daily.example.com/bilingual/2025-02-${day}/f${n}.html`,
    title: { en: `Filler story ${n}`, zh: `填充报道 ${n}` },
    byline: { en: `Reporter ${n}`, zh: `记者${n}` },
    published: `2025-02-${day}T${String(n % 24).padStart(2, '0')}:30:00+08:00`,
    segments: [{ en: [`Paragraph of story ${n}.`], zh: [`第${n}篇报道的段落。`] }],
    firstSeen: `2025-02-${day}T12:00:00Z`,
    updated: `2025-02-${day}T12:00:00Z`,
    version: 1,
  };
}

function sortKey(a: StoredArticle): number {
  return Date.parse(a.published ?? a.firstSeen);
}

/** Newest first, cursor = the offset in base64url, exactly the port's contract. */
export class MemoryReader implements ArticleReader {
  readonly calls: { sourceId: string | undefined; limit: number; cursor?: string }[] = [];
  constructor(
    private readonly articles: StoredArticle[],
    private readonly states: SourceState[] = [],
  ) {}

  async list(sourceId: string | undefined, opts: { limit: number; cursor?: string }): Promise<Page<StoredArticle>> {
    this.calls.push({ sourceId, ...opts });
    const all = this.articles.filter((a) => sourceId === undefined || a.sourceId === sourceId).sort((a, b) => sortKey(b) - sortKey(a));
    let start = 0;
    if (opts.cursor !== undefined) {
      const decoded = Buffer.from(opts.cursor, 'base64url').toString('utf8');
      if (!/^\d+$/.test(decoded)) throw new InvalidCursorError(`cursor '${opts.cursor}' is not an offset`);
      start = Number(decoded);
    }
    const items = all.slice(start, start + opts.limit);
    const end = start + items.length;
    return end < all.length ? { items, next: Buffer.from(String(end)).toString('base64url') } : { items };
  }

  async get(id: string): Promise<StoredArticle | undefined> {
    return this.articles.find((a) => a.id === id);
  }

  async neighbours(article: StoredArticle): Promise<Neighbours> {
    const all = (await this.list(article.sourceId, { limit: this.articles.length + 1 })).items;
    const at = all.findIndex((a) => a.id === article.id);
    const newer = at > 0 ? all[at - 1] : undefined;
    const older = at >= 0 ? all[at + 1] : undefined;
    return { ...(newer ? { newer } : {}), ...(older ? { older } : {}) };
  }

  async sourceStates(): Promise<SourceState[]> {
    return this.states;
  }
}

export const STATES: SourceState[] = [
  { sourceId: 'sample-mil', lastFetch: '2025-03-30T02:00:00Z', articles: 2, failures: 1, lastError: 'HTTP 503 <from upstream>' },
];

export const FIXED_CLOCK = { now: () => new Date('2025-04-01T00:00:00Z') };

/** The articles of the reading-page tests: allArticles() and the Traditional one. */
export function readerArticles(): StoredArticle[] {
  return [...allArticles(), TRADITIONAL];
}

export function allArticles(fillers = 0): StoredArticle[] {
  return [HOSTILE, DAILY, UNDATED, ...Array.from({ length: fillers }, (_, i) => filler(i + 1))];
}
