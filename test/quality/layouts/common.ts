/**
 * What every site layout shares: the page context, the gold metadata a page implies, HTML
 * escaping, paragraphs (with planned hidden text), the interleaved body stream (with a
 * shuffled translation and inline chrome), bylines, notes, credits and related lists.
 */
import { paraText, type Article, type Lang } from '../articles.js';
import { FOOTER_LINES, RELATED_HEADINGS } from '../chrome.js';
import { printDate, type DateForm, type PrintedDate } from '../dates.js';
import { other, type DamageKind, type PagePlan } from '../plan.js';
import type { Rng } from '../rng.js';

export const LAYOUT_IDS = ['nyt-dual', 'ft-bilingual', 'chinadaily', 'kekenet', 'chinamil', 'globaltimes', 'xinhua'] as const;
export type LayoutId = (typeof LAYOUT_IDS)[number];

export interface Site {
  id: string;
  layout: LayoutId;
  name: { zh: string; en: string };
  charset: 'utf-8' | 'gbk';
  /** How the page's <meta> names its charset (gb2312 and gbk pages are both decoded as GBK). */
  charsetLabel: string;
  ext: string;
  /** Whether this site prints its own promo lines inside every article body. */
  boilerplate: boolean;
}

export interface PageContext {
  article: Article;
  plan: PagePlan;
  site: Site;
  rng: Rng;
  /** Other articles, for related lists and "read more" lines. */
  others: readonly Article[];
  /** A hand-made sample: every class of chrome the layout knows is on the page. */
  showcase: boolean;
}

type ByLang = Partial<Record<Lang, string>>;

export interface GoldMeta {
  languages: [Lang, Lang];
  title: { en: string; zh: string };
  byline?: ByLang;
  source?: string;
  editor?: string;
  published?: string;
  authorNote?: ByLang;
  editorNote?: ByLang;
  /** Not in the contract: recorded so a translator credit is never mistaken for the author. */
  translator?: string;
  url?: string;
}

export interface Rendered {
  html: string;
  meta: GoldMeta;
}

export interface Layout<P> {
  id: LayoutId;
  /** Site names per site index (a, b, c). */
  siteNames: readonly { zh: string; en: string }[];
  /** Damage kinds this layout can show (others fall through to the next kind). */
  supports: ReadonlySet<DamageKind>;
  charsetFor(index: number): { charset: 'utf-8' | 'gbk'; label: string; ext: string };
  profile(rng: Rng, index: number): P;
  showcase(): P;
  render(ctx: PageContext, p: P): Rendered;
}

export const ALL_DAMAGE: ReadonlySet<DamageKind> = new Set(['none', 'drop-zh', 'drop-en', 'split', 'merge', 'chrome-inline', 'shuffle', 'boilerplate']);

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One body paragraph's inner HTML, with any planned hidden span at its sentence boundary. */
export function paraHtml(plan: PagePlan, bead: number, lang: Lang, p: number): string {
  const sents = plan.beads[bead]![lang][p]!;
  const h = plan.hidden.get(`${bead}:${lang}:${p}`);
  if (!h) return esc(paraText(lang, sents));
  const span = `<span style="display:none">${esc(h.text)}</span>`;
  const before = paraText(lang, sents.slice(0, h.at));
  const after = paraText(lang, sents.slice(h.at));
  if (!after) return esc(before) + span;
  return esc(before) + (lang === 'en' ? ' ' : '') + span + esc(after);
}

export function sideHtml(plan: PagePlan, bead: number, lang: Lang): string[] {
  return plan.beads[bead]![lang].map((_, p) => paraHtml(plan, bead, lang, p));
}

export type BodyItem = { kind: 'para'; lang: Lang; html: string } | { kind: 'chrome'; html: string };

/**
 * The body in reading order for interleaved pages: each bead's first-language paragraphs,
 * then its second-language ones; a shuffled bead's translation comes after the next bead;
 * inline chrome before its bead; site boilerplate at the top and bottom.
 */
export function interleaved(plan: PagePlan, first: Lang): BodyItem[] {
  const second = other(first);
  const out: BodyItem[] = plan.boilerplate.top.map((t) => ({ kind: 'chrome', html: esc(t) }));
  const paras = (i: number, l: Lang): BodyItem[] => sideHtml(plan, i, l).map((html) => ({ kind: 'para', lang: l, html }));
  let pending: BodyItem[] = [];
  plan.beads.forEach((_, i) => {
    for (const line of plan.inlineChrome.get(i) ?? []) out.push({ kind: 'chrome', html: esc(line) });
    out.push(...paras(i, first));
    if (plan.shuffleAt === i) {
      pending = paras(i, second);
      return;
    }
    out.push(...paras(i, second));
    out.push(...pending);
    pending = [];
  });
  out.push(...pending);
  out.push(...plan.boilerplate.bottom.map((t): BodyItem => ({ kind: 'chrome', html: esc(t) })));
  return out;
}

export type ColonStyle = 'full' | 'half' | 'halfSpace';
export const colon = (s: ColonStyle): string => (s === 'full' ? '：' : s === 'half' ? ':' : ': ');

export type BylineForm = 'by-en' | 'by-en+zh-line' | 'wen-zh' | 'author-zh' | 'author-en' | 'reporter-zh' | 'none';

/** A byline as printed lines, and what the gold byline is for it. */
export function printByline(b: Article['byline'], form: BylineForm, c: ColonStyle): { lines: string[]; gold?: ByLang } {
  if (!b || form === 'none') return { lines: [] };
  const en = b.en;
  const zh = b.zh;
  const zhForms: BylineForm[] = ['wen-zh', 'author-zh', 'reporter-zh'];
  let f = form;
  if (!zh && zhForms.includes(f)) f = 'by-en';
  if (!en && (f === 'by-en' || f === 'author-en' || f === 'by-en+zh-line')) f = 'wen-zh';
  switch (f) {
    case 'by-en':
      return { lines: [`By ${en}`], gold: { en: en! } };
    case 'by-en+zh-line':
      return zh ? { lines: [`By ${en}`, zh], gold: { en: en!, zh } } : { lines: [`By ${en}`], gold: { en: en! } };
    case 'wen-zh':
      return { lines: [`文/${zh}`], gold: { zh: zh! } };
    case 'author-zh':
      return { lines: [`作者${colon(c)}${zh}`], gold: { zh: zh! } };
    case 'author-en':
      return { lines: [`作者${colon(c)}${en}`], gold: { en: en! } };
    case 'reporter-zh':
      return { lines: [`记者 ${zh}`], gold: { zh: zh! } };
    default:
      return { lines: [] };
  }
}

export type NoteStyle = 'label' | 'paren' | 'plain';

export function editorNoteLines(a: Article, style: NoteStyle): { en: string; zh: string } | undefined {
  const n = a.editorNote;
  if (!n) return undefined;
  if (style === 'paren') return { en: `(Editor's note: ${n.en})`, zh: `（编者按：${n.zh}）` };
  return { en: `Editor's note: ${n.en}`, zh: `编者按：${n.zh}` };
}

export function authorNoteLines(a: Article, style: NoteStyle): { en: string; zh: string } | undefined {
  const n = a.authorNote;
  if (!n) return undefined;
  if (style === 'paren') return { en: `(${n.en})`, zh: `（${n.zh}）` };
  return { en: n.en, zh: n.zh };
}

export type TranslatorForm = 'fanyi' | 'yizhe' | 'translator' | 'translated-by' | 'bianyi';

export function translatorLine(a: Article, form: TranslatorForm, c: ColonStyle): string | undefined {
  const t = a.translator;
  if (!t) return undefined;
  const note = t.note ? `（${t.note}）` : '';
  switch (form) {
    case 'fanyi':
      return `翻译${colon(c)}${t.name}${note}`;
    case 'yizhe':
      return `译者${colon(c)}${t.note ? `${t.note} ` : ''}${t.name}`;
    case 'translator':
      return `Translator: ${t.name}`;
    case 'translated-by':
      return `Translated by ${t.name}`;
    case 'bianyi':
      return `编译${colon(c)}${t.name}`;
  }
}

export function date(a: Article, form: DateForm, offsetMin = 480): PrintedDate {
  return printDate(a.published, form, offsetMin);
}

/** A related-stories list: other articles' titles, some in English, some in Chinese. */
export function relatedItems(ctx: PageContext, n: number): { href: string; text: string }[] {
  return ctx.rng.sample(ctx.others, n).map((o, i) => ({ href: `/${ctx.site.id}/${o.id}.html`, text: i % 2 === 0 ? o.title.en : o.title.zh }));
}

export function relatedBlock(ctx: PageContext, cls: string, n = 4): string {
  const head = ctx.rng.pick(RELATED_HEADINGS);
  const items = relatedItems(ctx, n).map((it) => `<li><a href="${esc(it.href)}">${esc(it.text)}</a></li>`).join('');
  return `<div class="${cls}"><h3>${esc(head)}</h3><ul>${items}</ul></div>`;
}

export function footer(ctx: PageContext, cls: string): string {
  const lines = ctx.showcase ? FOOTER_LINES : ctx.rng.sample(FOOTER_LINES, 2);
  const year = ctx.article.published.slice(0, 4);
  return `<div class="${cls}">${lines.map((l) => `<p>${esc(l)}</p>`).join('')}<p>Copyright © ${year} ${esc(ctx.site.name.en)}. All rights reserved. ${esc(ctx.site.name.zh)} 版权所有</p></div>`;
}

export function charsetMeta(site: Site, form: number): string {
  return form % 2 === 0 ? `<meta charset="${site.charsetLabel}">` : `<meta http-equiv="Content-Type" content="text/html; charset=${site.charsetLabel}">`;
}

export function pageShell(o: { htmlLang: string; charset: string; title: string; head?: string[]; body: string[] }): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${o.htmlLang}">`,
    '<head>',
    o.charset,
    `<title>${esc(o.title)}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...(o.head ?? []),
    '<link rel="stylesheet" href="/static/css/article.css">',
    '<script>window.dataLayer = window.dataLayer || []; function gtag(){ dataLayer.push(arguments); } gtag("js", new Date());</script>',
    '</head>',
    '<body>',
    ...o.body,
    '<script src="/static/js/stats.js"></script>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** <p>…</p> or <div>…</div> lines from escaped HTML. */
export const wrap = (tag: string, html: string, attrs = ''): string => `<${tag}${attrs ? ` ${attrs}` : ''}>${html}</${tag}>`;
