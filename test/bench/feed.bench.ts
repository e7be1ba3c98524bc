/**
 * A 50-item bilingual Atom feed (≈10 aligned segments per article), rendered by duofeed and
 * by the `feed` npm package in the same run, on the same items and the same content HTML:
 * (1) XML from the finished feed model, (2) end to end from stored articles, where both
 * sides share duofeed's model builder (the aligned content HTML) and differ only in the XML
 * writer. Rounds alternate and the median is reported, since the machine is shared.
 */
import { Feed } from 'feed';
import type { StoredArticle } from '../../lambdas/core/article.js';
import { renderAtom } from '../../lambdas/core/feed/atom.js';
import { buildFeedModel } from '../../lambdas/core/feed/model.js';
import type { Source } from '../../lambdas/core/sources.js';

const SOURCES: Source[] = [
  { id: 'bench-mil', name: 'Bench Military Daily', kind: 'html-index', startUrls: ['https://mil.example.cn/'], linkPattern: '.', languages: ['en', 'zh'], schedule: 'rate(1 hour)', minDelayMs: 1000 },
];
const EN_WORDS = 'the army training exercise joint command officers soldiers brigade readiness equipment mission support drills coastal region winter logistics capability & "live-fire" <field>'.split(' ');
const ZH_CHARS = '部队训练演习联合指挥官兵旅战备装备任务保障海岸地区冬季后勤能力实弹野外的了在和是'.split('');

/** Deterministic text, so both renderers get identical input every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function articles(): StoredArticle[] {
  const r = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(EN_WORDS)).join(' ');
  const hanzi = (n: number) => Array.from({ length: n }, () => pick(ZH_CHARS)).join('');
  return Array.from({ length: 50 }, (_, i) => {
    const day = String(1 + (i % 28)).padStart(2, '0');
    return {
      id: `bench${String(i).padStart(15, '0')}`,
      sourceId: 'bench-mil',
      url: `https://mil.example.cn/en/2025/03/${day}/content_${i}.htm`,
      languages: ['en', 'zh'],
      title: { en: sentence(9), zh: hanzi(16) },
      byline: { en: 'Zhang Gaosheng', zh: '张高胜' },
      published: `2025-03-${day}T${String(i % 24).padStart(2, '0')}:13:28+08:00`,
      segments: Array.from({ length: 10 }, (_, k) => ({
        en: [sentence(55) + '.'],
        zh: k === 3 ? [hanzi(50) + '，', hanzi(40) + '。'] : [hanzi(90) + '。'],
      })),
      firstSeen: `2025-03-${day}T08:20:00Z`,
      updated: `2025-03-${day}T08:20:00Z`,
      version: 1,
      rawKey: 'raw/bench',
    };
  });
}

const BASE = 'https://feeds.example.org';
const NOW = new Date('2025-04-01T00:00:00Z');

function duofeed(items: StoredArticle[]): string {
  const model = buildFeedModel({ query: { scope: 'all', format: 'atom', lang: 'bi', limit: 50 }, page: { items }, baseUrl: BASE, sources: SOURCES, now: NOW });
  return renderAtom(model);
}

function feedPackage(model: ReturnType<typeof buildFeedModel>): string {
  const f = new Feed({
    id: model.id,
    title: model.title,
    description: model.subtitle,
    link: model.homeUrl,
    language: model.lang,
    updated: new Date(model.updated.epochMs),
    feedLinks: { atom: model.selfUrl },
    author: { name: model.author },
    copyright: '',
  });
  for (const i of model.items) {
    f.addItem({
      id: i.id,
      title: i.title,
      link: i.link,
      date: new Date(i.updated.epochMs),
      published: new Date(i.published.epochMs),
      description: i.summary,
      content: i.contentHtml,
      ...(i.author ? { author: [{ name: i.author }] } : {}),
      ...(i.category ? { category: [{ name: i.category.label, term: i.category.term }] } : {}),
    });
  }
  return f.atom1();
}

function opsPerSecond(fn: () => string, minMs: number): number {
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let k = 0; k < 5; k++) fn();
    n += 5;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return (n / elapsed) * 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  const items = articles();
  const build = () => buildFeedModel({ query: { scope: 'all', format: 'atom', lang: 'bi', limit: 50 }, page: { items }, baseUrl: BASE, sources: SOURCES, now: NOW });
  const model = build();
  const cases = [
    { name: 'XML from the feed model', ours: () => renderAtom(model), theirs: () => feedPackage(model) },
    { name: 'end to end from 50 stored articles', ours: () => duofeed(items), theirs: () => feedPackage(build()) },
  ];
  const rounds = 5;
  console.log('| 50 items × 10 segments, lang=bi | duofeed ops/s | duofeed mean ms | feed 6.0.0 ops/s | feed 6.0.0 mean ms | speed-up |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const c of cases) {
    for (let i = 0; i < 10; i++) (c.ours(), c.theirs()); // warm-up
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let r = 0; r < rounds; r++) {
      ours.push(opsPerSecond(c.ours, 300));
      theirs.push(opsPerSecond(c.theirs, 300));
    }
    const o = median(ours);
    const t = median(theirs);
    console.log(`| ${c.name} | ${o.toFixed(0)} | ${(1000 / o).toFixed(2)} | ${t.toFixed(0)} | ${(1000 / t).toFixed(2)} | ${(o / t).toFixed(1)}× |`);
  }
  console.log(`\nOutput: duofeed ${(renderAtom(model).length / 1024).toFixed(0)} KB, feed ${(feedPackage(model).length / 1024).toFixed(0)} KB; Node ${process.version}; median of ${rounds} alternating rounds.`);
}
