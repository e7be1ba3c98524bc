/**
 * Renders the articles in test/quality/articles into bilingual pages in real sites' layouts,
 * with realistic damage, and writes each page's gold answer (the corpus gold format:
 * the article contract plus file, layout, encoding, and sentence beads).
 *
 *   tsx test/quality/generate.ts OUTDIR [--seed N] [--long 1,2,4,8] [--no-set]
 *   tsx test/quality/generate.ts --samples DIR     # the hand-made samples (samples/sites)
 *
 * OUTDIR/pages/<site>/<file>   pages, one folder per site (parse a folder to let a parser
 *                              learn a site's boilerplate from its pages)
 * OUTDIR/gold/<file>.json      gold answers
 * OUTDIR/manifest.json         seed, the fit and held-out article ids, sites, pages
 * OUTDIR/long/long-<n>mib.{txt,html} (+ gold/) with --long: long pages for memory/time runs
 *
 * Deterministic: the same seed and articles give the same bytes. Every layout has three
 * sites: a and b (different markup, labels and date forms; pages carry one damage kind each,
 * in turn) and c (the site prints its own promo lines inside every article body: damage
 * "boilerplate"). Fit articles and held-out articles never share a page (related lists only
 * name articles of the same half).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { paraText, loadArticles, type Article, type Lang } from './articles.js';
import { boilerplatePool, HIDDEN_NOISE, INLINE_CHROME } from './chrome.js';
import { encodeGbk } from './gbk.js';
import { LAYOUT_IDS, type GoldMeta, type Layout, type LayoutId, type Site } from './layouts/common.js';
import { LAYOUTS, layoutById } from './layouts/index.js';
import { applyDamage, basePlan, DAMAGE_KINDS, finestBeads, type DamageKind, type PagePlan } from './plan.js';
import { Rng } from './rng.js';

export interface SiteSpec {
  site: Site;
  layout: Layout<unknown>;
  profile: unknown;
  boilerplate: { top: string[]; bottom: string[] };
}

export interface PageRecord {
  file: string;
  /** Relative to the output directory. */
  path: string;
  site: string;
  layout: LayoutId;
  article: string;
  set: 'fit' | 'heldout';
  damage: DamageKind;
  encoding: 'utf-8' | 'gbk';
}

export interface Gold extends GoldMeta {
  id: string;
  segments: Record<string, unknown>[];
  file: string;
  layout: LayoutId;
  encoding: 'utf-8' | 'gbk';
  site: string;
  article: string;
  set: 'fit' | 'heldout';
  damage: DamageKind;
}

export const DEFAULT_SEED = 20260101;

export function makeSites(seed: number, layouts: readonly Layout<unknown>[] = LAYOUTS): SiteSpec[] {
  const out: SiteSpec[] = [];
  for (const layout of layouts) {
    for (let i = 0; i < 3; i++) {
      const id = `${layout.id}-${'abc'[i]}`;
      const cs = layout.charsetFor(i);
      const name = layout.siteNames[i] ?? layout.siteNames[0]!;
      const site: Site = { id, layout: layout.id, name, charset: cs.charset, charsetLabel: cs.label, ext: cs.ext, boilerplate: i === 2 };
      const bp = Rng.derive(seed, `boilerplate:${id}`);
      const pool = boilerplatePool(name.zh);
      out.push({
        site,
        layout,
        profile: layout.profile(Rng.derive(seed, `profile:${id}`), i),
        boilerplate: site.boilerplate ? { top: [bp.pick(pool.top)], bottom: [bp.pick(pool.bottom)] } : { top: [], bottom: [] },
      });
    }
  }
  return out;
}

export function encodePage(html: string, charset: 'utf-8' | 'gbk'): Uint8Array {
  if (charset === 'utf-8') return new TextEncoder().encode(html);
  return encodeGbk(html, (ch) => `&#x${ch.codePointAt(0)!.toString(16)};`);
}

export function buildGold(meta: GoldMeta, plan: PagePlan, rec: Omit<PageRecord, 'path'>): Gold {
  const [l1, l2] = meta.languages;
  const segments = plan.beads.flatMap(finestBeads).map((b) => ({
    [l1]: b[l1].map((p) => paraText(l1, p)),
    [l2]: b[l2].map((p) => paraText(l2, p)),
    sentences: b.sents.map((s) => ({ [l1]: s[l1], [l2]: s[l2] })),
  }));
  const { languages, title, ...rest } = meta;
  return {
    id: rec.file.replace(/\.[a-z]+$/, ''),
    languages,
    title,
    ...rest,
    segments,
    file: rec.file,
    layout: rec.layout,
    encoding: rec.encoding,
    site: rec.site,
    article: rec.article,
    set: rec.set,
    damage: plan.damage,
  };
}

export interface RenderedPage {
  bytes: Uint8Array;
  html: string;
  gold: Gold;
  record: Omit<PageRecord, 'path'>;
}

/**
 * One page: the article's plan with one damage kind (or the next kind the article allows),
 * rendered in the site's layout. `others` feed the related lists.
 */
export function renderPage(spec: SiteSpec, article: Article, damage: DamageKind, rng: Rng, others: readonly Article[], showcase = false): RenderedPage {
  const plan = basePlan(article.body);
  plan.boilerplate = { top: [...spec.boilerplate.top], bottom: [...spec.boilerplate.bottom] };
  const cycle = DAMAGE_KINDS.filter((k) => spec.layout.supports.has(k));
  let k = Math.max(0, cycle.indexOf(damage));
  for (let tries = 0; tries < cycle.length && !applyDamage(plan, cycle[k]!, rng, INLINE_CHROME, HIDDEN_NOISE); tries++) k = (k + 1) % cycle.length;
  const r = spec.layout.render({ article, plan, site: spec.site, rng, others, showcase }, spec.profile);
  // Unique across a set: score.mjs matches predictions to gold by file name alone.
  const file = `${spec.site.id}-${article.id}${spec.site.ext}`;
  const record = { file, site: spec.site.id, layout: spec.site.layout, article: article.id, set: article.set, damage: plan.damage, encoding: spec.site.charset };
  return { bytes: encodePage(r.html, spec.site.charset), html: r.html, gold: buildGold(r.meta, plan, record), record };
}

/** The damage kinds a site's pages take in turn (site c: only its boilerplate). */
function damageFor(spec: SiteSpec, siteIndex: number, articleIndex: number): DamageKind {
  if (spec.site.boilerplate) return 'boilerplate';
  const cycle = DAMAGE_KINDS.filter((k) => k !== 'boilerplate' && spec.layout.supports.has(k));
  return cycle[(articleIndex + siteIndex * 4) % cycle.length]!;
}

export interface GenerateOptions {
  seed?: number;
  articles?: Article[];
  layouts?: readonly LayoutId[];
  /** Long pages of these sizes in MiB (plain text and HTML). */
  long?: number[];
  /** Skip the page set (only long pages). */
  noSet?: boolean;
}

export interface GenerateResult {
  pages: PageRecord[];
  long: { file: string; bytes: number }[];
}

function writeJson(path: string, v: unknown): void {
  writeFileSync(path, `${JSON.stringify(v, null, 1)}\n`);
}

export function generateSet(outDir: string, opts: GenerateOptions = {}): GenerateResult {
  const seed = opts.seed ?? DEFAULT_SEED;
  const articles = opts.articles ?? loadArticles();
  const layouts = (opts.layouts ?? LAYOUT_IDS).map(layoutById);
  const sites = makeSites(seed, layouts);
  const pages: PageRecord[] = [];
  if (!opts.noSet) {
    mkdirSync(join(outDir, 'gold'), { recursive: true });
    sites.forEach((spec, si) => {
      const dir = join(outDir, 'pages', spec.site.id);
      mkdirSync(dir, { recursive: true });
      articles.forEach((a, ai) => {
        // Site c shows every other article (half fit, half held-out): enough pages to learn its boilerplate from.
        if (spec.site.boilerplate && ai % 2 === 1) return;
        const others = articles.filter((o) => o.set === a.set && o.id !== a.id);
        const rng = Rng.derive(seed, `page:${spec.site.id}:${a.id}`);
        const p = renderPage(spec, a, damageFor(spec, si % 3, ai), rng, others);
        writeFileSync(join(dir, p.record.file), p.bytes);
        writeJson(join(outDir, 'gold', `${p.record.file}.json`), p.gold);
        pages.push({ ...p.record, path: `pages/${spec.site.id}/${p.record.file}` });
      });
    });
    writeJson(join(outDir, 'manifest.json'), {
      seed,
      generatedBy: 'test/quality/generate.ts',
      articles: { fit: articles.filter((a) => a.set === 'fit').map((a) => a.id), heldout: articles.filter((a) => a.set === 'heldout').map((a) => a.id) },
      sites: sites.map((s) => ({ id: s.site.id, layout: s.site.layout, charset: s.site.charset, boilerplate: s.site.boilerplate })),
      pages,
    });
  }
  const long = (opts.long ?? []).flatMap((mib) => writeLong(outDir, articles, mib));
  return { pages, long };
}

/**
 * A long page of at least `mib` MiB: the articles' beads over and over (seed layout: title,
 * label line, date, byline, then English and Chinese paragraphs), as plain text and as HTML.
 */
export function longPage(articles: readonly Article[], mib: number, format: 'txt' | 'html'): { text: string; gold: Gold } {
  const target = mib * 1024 * 1024;
  const a0 = articles[0]!;
  const head =
    format === 'txt'
      ? [a0.title.en, a0.title.zh, `来源:${a0.source} 责任编辑:${a0.editor}`, a0.published.slice(0, 19).replace('T', ' '), `By ${a0.byline?.en ?? 'Staff'}`]
      : [`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${a0.title.en}</title></head><body>`, `<h1>${a0.title.en}</h1><h2>${a0.title.zh}</h2>`, `<div class="info">来源：${a0.source} 责任编辑：${a0.editor} ${a0.published.slice(0, 19).replace('T', ' ')}</div>`, '<div class="article">'];
  const parts: string[] = [...head];
  const sep = format === 'txt' ? '\n\n' : '\n';
  let size = new TextEncoder().encode(parts.join(sep)).length;
  const beads: PagePlan['beads'] = [];
  const enc = new TextEncoder();
  outer: for (;;) {
    for (const a of articles) {
      for (const b of a.body) {
        beads.push(b);
        for (const l of ['en', 'zh'] as Lang[]) {
          for (const p of b[l]) {
            const t = paraText(l, p);
            const piece = format === 'txt' ? t : `<p>${t.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`;
            parts.push(piece);
            size += enc.encode(piece).length + sep.length;
          }
        }
        if (size >= target) break outer;
      }
    }
  }
  if (format === 'html') parts.push('</div></body></html>');
  const plan = basePlan(beads);
  const file = `long-${mib}mib.${format}`;
  const meta: GoldMeta = { languages: ['en', 'zh'], title: a0.title, source: a0.source, editor: a0.editor, published: `${a0.published.slice(0, 19)}+08:00` };
  if (a0.byline?.en) meta.byline = { en: a0.byline.en };
  const gold = buildGold(meta, plan, { file, site: 'long', layout: 'chinamil', article: a0.id, set: a0.set, damage: 'none', encoding: 'utf-8' });
  return { text: `${parts.join(sep)}\n`, gold };
}

function writeLong(outDir: string, articles: readonly Article[], mib: number): { file: string; bytes: number }[] {
  const dir = join(outDir, 'long');
  mkdirSync(join(dir, 'gold'), { recursive: true });
  return (['txt', 'html'] as const).map((f) => {
    const { text, gold } = longPage(articles, mib, f);
    const bytes = new TextEncoder().encode(text);
    writeFileSync(join(dir, gold.file), bytes);
    writeJson(join(dir, 'gold', `${gold.file}.json`), gold);
    return { file: `long/${gold.file}`, bytes: bytes.length };
  });
}

/**
 * The hand-made samples: pages in each layout's showcase profile (every class of chrome the
 * layout knows), a few with another profile of the same site, fit articles only (the
 * parser's engineer reads them; held-out text must stay unseen).
 */
export const SAMPLE_PLAN: readonly { layout: LayoutId; article: string; damage?: DamageKind; profile?: Record<string, unknown> }[] = [
  { layout: 'nyt-dual', article: 'typhoon-ports' },
  { layout: 'ft-bilingual', article: 'freight-exporters' },
  { layout: 'ft-bilingual', article: 'rider-ruling', profile: { body: 'columns', headline: 'divs-zh-first', author: 'zh', dateForm: 'enDayGmt', dateOffset: 0, editorCredit: false, translator: false } },
  { layout: 'chinadaily', article: 'heatstroke-clinics' },
  { layout: 'chinadaily', article: 'typhoon-ports', profile: { info: 'by-site-updated', credits: 'one-line', translatorForm: 'yizhe', glossary: 'vocabulary', glossaryFirst: true, editorLabel: '责任编辑', colon: 'half', notesTop: false } },
  { layout: 'kekenet', article: 'deep-sea-microbes', damage: 'hidden-text' },
  { layout: 'chinamil', article: 'marathon-teacher' },
  { layout: 'globaltimes', article: 'battery-second-life' },
  { layout: 'xinhua', article: 'silk-scroll' },
];

export function generateSamples(dir: string, seed = DEFAULT_SEED): string[] {
  const articles = loadArticles();
  const fit = articles.filter((a) => a.set === 'fit');
  const written: string[] = [];
  for (const s of SAMPLE_PLAN) {
    const layout = layoutById(s.layout);
    const a = fit.find((x) => x.id === s.article);
    if (!a) throw new Error(`sample article ${s.article} is not a fit article`);
    const cs = layout.charsetFor(0);
    const site: Site = { id: s.layout, layout: s.layout, name: layout.siteNames[0]!, charset: cs.charset, charsetLabel: cs.label, ext: cs.ext, boilerplate: false };
    const profile = { ...(layout.showcase() as Record<string, unknown>), ...s.profile };
    const spec: SiteSpec = { site, layout, profile, boilerplate: { top: [], bottom: [] } };
    const p = renderPage(spec, a, s.damage ?? 'none', Rng.derive(seed, `sample:${s.layout}:${a.id}`), fit.filter((o) => o.id !== a.id), true);
    const out = join(dir, s.layout);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, p.record.file), p.bytes);
    const { site: _s, article: _a, set: _set, damage: _d, ...gold } = p.gold;
    writeJson(join(out, `${p.record.file}.gold.json`), gold);
    written.push(join(s.layout, p.record.file));
  }
  return written;
}

const USAGE = `usage: tsx test/quality/generate.ts OUTDIR [--seed N] [--long 1,2,4,8] [--no-set]
       tsx test/quality/generate.ts --samples DIR`;

function main(argv: string[]): number {
  let seed = DEFAULT_SEED;
  let long: number[] = [];
  let noSet = false;
  let samples = false;
  const pos: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--seed') {
      seed = Number(argv[++i]);
      if (!Number.isInteger(seed)) return fail(`--seed needs an integer, got ${argv[i]}`);
    } else if (a === '--long') {
      long = String(argv[++i] ?? '').split(',').map(Number);
      if (long.length === 0 || long.some((n) => !(n > 0 && n <= 64))) return fail(`--long needs sizes in MiB between 0 and 64, e.g. 1,2,4,8; got ${argv[i]}`);
    } else if (a === '--no-set') noSet = true;
    else if (a === '--samples') samples = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (a.startsWith('-')) return fail(`unknown option ${a}`);
    else pos.push(a);
  }
  if (pos.length !== 1) return fail(pos.length === 0 ? 'no output directory given' : `one output directory, got ${pos.length}`);
  const out = resolve(pos[0]!);
  if (samples) {
    for (const f of generateSamples(out, seed)) process.stdout.write(`${join(out, f)}\n`);
    return 0;
  }
  if (existsSync(out) && readdirSync(out).length > 0 && !existsSync(join(out, 'manifest.json')) && !noSet) {
    return fail(`${out}: directory is not empty and holds no manifest.json from an earlier run; give an empty or new directory`);
  }
  const r = generateSet(out, { seed, long, noSet });
  if (!noSet) process.stdout.write(`${r.pages.length} pages in ${out} (seed ${seed})\n`);
  for (const l of r.long) process.stdout.write(`${join(out, l.file)} ${l.bytes} bytes\n`);
  return 0;
}

function fail(msg: string): number {
  process.stderr.write(`generate: ${msg}\n${USAGE}\n`);
  return 2;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) process.exitCode = main(process.argv.slice(2));


