/**
 * `/articles/<id>`: the reading page, in the mode its link names.
 *
 * - `lang=bi` (default), `layout=side` (default): each aligned paragraph pair is one grid
 *   row, so the two languages of a pair start at the same height however long either side is;
 *   on a narrow screen the row collapses to one column and the translation follows.
 * - `lang=bi&layout=inter`: sentence pair after sentence pair, each sentence over its translation.
 * - `lang=en` / `lang=zh`: that language alone, each sentence a <details> whose translation
 *   opens on click, tap or the keyboard (no script needed).
 * - `pinyin=1`: pinyin over every Chinese character (<ruby>), worked out here on the server.
 * - `script=hans|hant`: the Chinese converted to Simplified or Traditional characters.
 *
 * Every paragraph pair has a permalink `#p3`, every sentence pair `#p3s2`; pairs whose segment
 * confidence is below the doubtful threshold are marked in words, not colour alone.
 */
import { side, type StoredArticle } from '../article.js';
import { formatRfc3339, parseRfc3339 } from '../dates.js';
import type { Source } from '../sources.js';
import type { FeedLang } from './content.js';
import { viewLanguages, viewTitle } from './content.js';
import { escapeXml as x, safeHttpUrl, safeLang } from './escape.js';
import { strongEtag } from './etag.js';
import { feedUrl, trimBase } from './model.js';
import { beadsOf, DOUBTFUL_BELOW, isDoubtful, joinSentences, segmentId } from './pairs.js';
import { PAGE_CSS, READER_CSS, READER_JS } from './reader-assets.js';
import { zhTag, type Convert, type PinyinOf, type ZhScript } from './zh.js';

const HAN = /[\u3400-\u9fff]/;

export type Layout = 'side' | 'inter';
export const LAYOUTS: readonly Layout[] = ['side', 'inter'];

/** What the reader asked to see: the page's URL parameters, checked (route.ts). */
export interface ReaderView {
  lang: FeedLang;
  /** Only for `lang=bi`. */
  layout: Layout;
  pinyin: boolean;
  /** Show the Chinese in this script (converted when the article is written in the other). */
  script?: ZhScript;
}

export const DEFAULT_VIEW: ReaderView = { lang: 'bi', layout: 'side', pinyin: false };

/** The articles before and after this one in its source's listing. */
export interface Neighbours {
  newer?: StoredArticle;
  older?: StoredArticle;
}

/** The Chinese helpers a view needs, loaded by the caller (zh.ts): absent when the view needs none. */
export interface ZhRender {
  /** The script the article's Chinese is written in, when it can be told. */
  original?: ZhScript;
  /** Into `view.script`, when that differs from the original. */
  convert?: Convert;
  /** When `view.pinyin`. */
  pinyin?: PinyinOf;
}

export interface ReaderOptions {
  view?: ReaderView;
  neighbours?: Neighbours;
  /** Segment confidence below which a pair is marked doubtful (default DOUBTFUL_BELOW). */
  doubtfulBelow?: number;
  zh?: ZhRender;
}

/** The query string of a view, every parameter spelled out (mode links, remembered modes). */
export function viewQuery(view: ReaderView): string {
  const p = new URLSearchParams({ lang: view.lang });
  if (view.lang === 'bi') p.set('layout', view.layout);
  if (view.pinyin) p.set('pinyin', '1');
  if (view.script) p.set('script', view.script);
  return p.toString();
}

/** The article page URL for a view; the default view is the bare URL. */
export function articleViewUrl(baseUrl: string, id: string, view: ReaderView = DEFAULT_VIEW): string {
  const url = `${trimBase(baseUrl)}/articles/${encodeURIComponent(id)}`;
  const isDefault = view.lang === 'bi' && view.layout === 'side' && !view.pinyin && !view.script;
  return isDefault ? url : `${url}?${viewQuery(view)}`;
}

function readableDate(s: string | undefined): string | undefined {
  const t = parseRfc3339(s);
  if (!t) return undefined;
  return formatRfc3339(t).replace('T', ' ').replace(/:\d\d(Z|[+-])/, ' $1').replace(/ Z$/, ' UTC');
}

/** Renders article text: Chinese converted and given pinyin as the view asks, everything escaped. */
class Text {
  readonly zhLang: string;
  constructor(
    private readonly zh: ZhRender,
    view: ReaderView,
  ) {
    this.zhLang = zhTag(view.script ?? zh.original);
  }
  /** The lang attribute value for a language key. */
  lang(l: string): string {
    return l === 'zh' ? this.zhLang : x(safeLang(l));
  }
  html(l: string, s: string): string {
    if (l !== 'zh') return x(s);
    const t = this.zh.convert ? this.zh.convert(s) : s;
    if (!this.zh.pinyin) return x(t);
    let out = '';
    let open = false;
    for (const syl of this.zh.pinyin(t)) {
      if (syl.pinyin !== undefined) {
        out += `${open ? '' : '<ruby>'}${x(syl.text)}<rt>${x(syl.pinyin)}</rt>`;
        open = true;
      } else {
        out += `${open ? '</ruby>' : ''}${x(syl.text)}`;
        open = false;
      }
    }
    return open ? `${out}</ruby>` : out;
  }
}

interface Sent {
  text: string;
  /** The sentence pair it belongs to (`p3s2`), for the partner highlight. */
  pair: string;
  /** The first sentence of its pair on this side: carries the pair's id on the first side. */
  first: boolean;
}

/**
 * A side's paragraphs with each sentence wrapped in a span, or undefined when the sentences
 * do not read back into the paragraphs in order (then the paragraphs are shown plain).
 */
function paragraphsWithSentences(paras: readonly string[], sents: readonly Sent[], render: (s: string) => string, idOn: boolean): string[] | undefined {
  const out = paras.map(() => '');
  let pi = 0;
  let pos = 0;
  for (const s of sents) {
    const t = s.text.trim();
    if (!t) continue;
    let at = -1;
    while (pi < paras.length) {
      const p = paras[pi] ?? '';
      at = p.indexOf(t, pos);
      if (at >= 0 && p.slice(pos, at).trim() === '') break;
      if (p.slice(pos).trim() !== '') return undefined;
      pi++;
      pos = 0;
      at = -1;
    }
    if (at < 0) return undefined;
    const gap = (paras[pi] ?? '').slice(pos, at);
    const id = idOn && s.first ? ` id="${s.pair}"` : '';
    out[pi] += `${out[pi] && gap ? ' ' : ''}<span class="s" data-p="${s.pair}"${id}>${render(t)}</span>`;
    pos = at + t.length;
  }
  for (; pi < paras.length; pi++, pos = 0) if ((paras[pi] ?? '').slice(pos).trim() !== '') return undefined;
  return out;
}

function sentencesOf(seg: StoredArticle['segments'][number], segNo: number, l: string): Sent[] {
  const out: Sent[] = [];
  beadsOf(seg).forEach((bead, j) => {
    side(bead, l).forEach((text, k) => out.push({ text, pair: `${segmentId(segNo)}s${j + 1}`, first: k === 0 }));
  });
  return out;
}

const FLAG = (c: number | undefined) => `<p class="flag">uncertain pairing · 对齐存疑${typeof c === 'number' ? ` (${c.toFixed(2)})` : ''}</p>`;
const permalink = (id: string, n: number) => `<a class="pl" href="#${id}" aria-label="Permalink to pair ${n}">¶${n}</a>`;

const MODE_LABELS: { view: Partial<ReaderView>; label: string; lang?: string }[] = [
  { view: { lang: 'bi', layout: 'side' }, label: 'Side by side · 对照' },
  { view: { lang: 'bi', layout: 'inter' }, label: 'Interleaved · 逐句' },
  { view: { lang: 'en' }, label: 'English, tap for 中文' },
  { view: { lang: 'zh' }, label: '中文，点开看英文', lang: 'zh' },
];

export function renderArticlePage(a: StoredArticle, baseUrl: string, source: Source | undefined, opts: ReaderOptions = {}): string {
  const view = opts.view ?? DEFAULT_VIEW;
  const zh = opts.zh ?? {};
  const doubtfulBelow = opts.doubtfulBelow ?? DOUBTFUL_BELOW;
  const text = new Text(zh, view);
  const base = trimBase(baseUrl);
  const both = viewLanguages(a, 'bi').slice(0, 2);
  // Single-language modes read one language and reveal the other.
  const primary = view.lang === 'bi' ? (both[0] ?? 'en') : view.lang;
  const other = view.lang === 'bi' ? (both[1] ?? 'zh') : both.find((l) => l !== primary) ?? (primary === 'en' ? 'zh' : 'en');
  const langs = view.lang === 'bi' ? both : [primary];
  const sourceName = source?.name ?? a.source ?? a.sourceId;
  const original = safeHttpUrl(a.url);
  const published = readableDate(a.published);
  // What the page itself states (its source line, its editor), in whichever language it used.
  const stated = (s: string) => (HAN.test(s) ? `<span lang="${text.zhLang}">${x(s)}</span>` : x(s));
  const T = (l: string, s: string) => text.html(l, s);
  const L = (l: string) => text.lang(l);

  // ---- titles, byline
  let main = '';
  if (view.lang === 'bi') {
    main += `<div class="pair titles cols-${both.length}">${both
      .map((l, n) => {
        const t = a.title[l];
        const tag = n === 0 ? 'h1' : 'h2';
        return `<div class="side" lang="${L(l)}">${t ? `<${tag}>${T(l, t)}</${tag}>` : ''}</div>`;
      })
      .join('')}</div>\n`;
  } else {
    const t = a.title[primary] ?? viewTitle(a, view.lang);
    main += `<div class="titles"><h1 lang="${L(primary)}">${T(primary, t)}</h1>${a.title[other] ? `<p class="meta" lang="${L(other)}">${T(other, a.title[other] ?? '')}</p>` : ''}</div>\n`;
  }
  if (a.byline) {
    const names = langs.filter((l) => a.byline?.[l]).map((l) => `<span lang="${L(l)}">${T(l, a.byline?.[l] ?? '')}</span>`);
    if (names.length) main += `<p class="meta byline">${names.join(' · ')}</p>\n`;
  }

  // ---- the pairs
  a.segments.forEach((seg, i) => {
    const n = i + 1;
    const id = segmentId(n);
    const doubt = isDoubtful(seg.confidence, doubtfulBelow);
    const flag = doubt ? FLAG(seg.confidence) : '';
    const cls = doubt ? ' doubtful' : '';
    if (view.lang === 'bi' && view.layout === 'side') {
      main += `<section class="pair cols-${both.length}${cls}" id="${id}">${permalink(id, n)}${flag}`;
      both.forEach((l, k) => {
        const paras = side(seg, l);
        const spans = paragraphsWithSentences(paras, sentencesOf(seg, n, l), (s) => T(l, s), k === 0);
        main += `<div class="side" lang="${L(l)}">${(spans ?? paras.map((p) => T(l, p))).map((p) => `<p>${p}</p>`).join('')}</div>`;
      });
      main += '</section>\n';
    } else if (view.lang === 'bi') {
      main += `<section class="ipair${cls}" id="${id}">${permalink(id, n)}${flag}`;
      beadsOf(seg).forEach((bead, j) => {
        const pid = `${id}s${j + 1}`;
        main += `<div class="sp" id="${pid}" data-p="${pid}">`;
        for (const l of both) {
          const t = joinSentences(l, side(bead, l));
          if (t) main += `<p lang="${L(l)}">${T(l, t)}</p>`;
        }
        main += '</div>';
      });
      main += '</section>\n';
    } else {
      main += `<section class="rpair${cls}" id="${id}">${permalink(id, n)}${flag}`;
      beadsOf(seg).forEach((bead, j) => {
        const pid = `${id}s${j + 1}`;
        const mine = joinSentences(primary, side(bead, primary));
        const theirs = joinSentences(other, side(bead, other));
        if (mine && theirs) {
          main += `<details class="rv" id="${pid}" data-p="${pid}"><summary lang="${L(primary)}">${T(primary, mine)}</summary><p lang="${L(other)}">${T(other, theirs)}</p></details>`;
        } else if (mine) {
          main += `<p class="only" id="${pid}" data-p="${pid}" lang="${L(primary)}">${T(primary, mine)}</p>`;
        } else if (theirs) {
          // A sentence the other side has and this one lacks: shown in its own language, marked.
          main += `<p class="only note" id="${pid}" data-p="${pid}" lang="${L(other)}">${T(other, theirs)}</p>`;
        }
      });
      main += '</section>\n';
    }
  });

  // ---- notes
  for (const note of [a.authorNote, a.editorNote]) {
    if (!note) continue;
    const shown = (view.lang === 'bi' ? both : [primary, other]).filter((l) => note[l]);
    if (shown.length) main += `<div class="note">${shown.map((l) => `<p lang="${L(l)}">${T(l, note[l] ?? '')}</p>`).join('')}</div>\n`;
  }

  // ---- attribution: duofeed's source, the page it came from, and what the page itself states
  const attribution = [
    original ? `From <a href="${x(original)}" rel="noopener noreferrer">${x(sourceName)}</a>` : `From ${x(sourceName)}`,
    a.source && a.source !== sourceName ? `Source: ${stated(a.source)}` : undefined,
    a.editor ? `Editor: ${stated(a.editor)}` : undefined,
    published ? `<time datetime="${x(a.published ?? '')}">${x(published)}</time>` : undefined,
  ].filter(Boolean);

  // ---- mode links: every mode is a link (absolute, as every link duofeed writes); the current one is marked
  const here0 = `${base}/articles/${encodeURIComponent(a.id)}`;
  const here = (v: Partial<ReaderView>) => v.lang === view.lang && (v.lang !== 'bi' || v.layout === view.layout);
  const modeLinks = MODE_LABELS.map(({ view: v, label, lang }) => {
    const target: ReaderView = { ...view, ...v, layout: v.layout ?? 'side' };
    return `<li><a href="${x(`${here0}?${viewQuery(target)}`)}"${lang ? ` lang="${lang}"` : ''}${here(v) ? ' aria-current="page"' : ''}>${label}</a></li>`;
  }).join('');
  const withPinyin: ReaderView = { ...view, pinyin: !view.pinyin };
  const shownScript = view.script ?? zh.original;
  const otherScript: ZhScript = shownScript === 'hant' ? 'hans' : 'hant';
  const scriptLink = `<li><a href="${x(`${here0}?${viewQuery({ ...view, script: otherScript })}`)}" lang="${zhTag(otherScript)}">${otherScript === 'hans' ? '简体字' : '繁體字'}</a></li>`;
  const backToOriginal = view.script && zh.original && view.script !== zh.original ? `<li><a href="${x(`${here0}?${viewQuery({ ...view, script: zh.original })}`)}" lang="${zhTag(zh.original)}">${zh.original === 'hans' ? '原文（简体）' : '原文（繁體）'}</a></li>` : '';
  const nav =
    `<nav class="modes" aria-label="Reading mode"><ul>${modeLinks}</ul>` +
    `<ul><li><a href="${x(`${here0}?${viewQuery(withPinyin)}`)}"${view.pinyin ? ' aria-current="true"' : ''}>${view.pinyin ? 'Hide pinyin · 隐藏拼音' : 'Pinyin · 拼音'}</a></li>${backToOriginal || scriptLink}</ul></nav>`;

  // ---- previous / next within the source, in the same mode
  const nb = opts.neighbours ?? {};
  const near = (n: StoredArticle | undefined, rel: 'prev' | 'next', label: string) =>
    n ? `<a href="${x(articleViewUrl(base, n.id, view))}" rel="${rel}"><span>${label}</span> <span lang="${L(view.lang === 'bi' ? (both[0] ?? 'en') : primary)}">${T(view.lang === 'zh' ? 'zh' : 'en', viewTitle(n, view.lang))}</span></a>` : '<span></span>';
  const prevNext = nb.newer || nb.older ? `<nav class="prevnext" aria-label="More from ${x(sourceName)}">${near(nb.newer, 'prev', '← Newer:')}${near(nb.older, 'next', 'Older:')}</nav>\n` : '';

  const feed = (format: 'atom' | 'rss' | 'json') => feedUrl(base, { scope: a.sourceId, format, lang: 'bi' });
  const articleBase = `${base}/articles/${encodeURIComponent(a.id)}`;
  const sourceExport = (ext: 'tmx' | 'tsv') => `${base}/feeds/${encodeURIComponent(a.sourceId)}.${ext}`;

  return (
    `<!doctype html>\n<html lang="${L(primary)}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n` +
    `<title>${x(viewTitle(a, view.lang))}</title>\n` +
    `<link rel="canonical" href="${x(articleViewUrl(base, a.id))}">\n` +
    `<link rel="alternate" type="application/atom+xml" title="${x(sourceName)}" href="${x(feed('atom'))}">\n` +
    `<style>${PAGE_CSS}</style>\n<style>${READER_CSS}</style>\n</head>\n<body${view.pinyin ? ' class="py"' : ''}>\n<header>\n` +
    `<p class="crumbs"><a href="${x(base)}/">duofeed</a> › <a href="${x(base)}/#source-${x(a.sourceId)}">${x(sourceName)}</a></p>\n` +
    `${nav}\n<p class="attribution">${attribution.join(' · ')}</p>\n</header>\n<main>\n<article>\n${main}</article>\n${prevNext}</main>\n` +
    `<footer><p class="exports">Take the sentence pairs away: <a href="${x(articleBase)}.tmx" type="application/x-tmx+xml" download>TMX (translation memory)</a> · ` +
    `<a href="${x(articleBase)}.tsv" type="text/tab-separated-values" download>Anki cards (TSV)</a> · latest from ${x(sourceName)}: ` +
    `<a href="${x(sourceExport('tmx'))}" download>TMX</a>, <a href="${x(sourceExport('tsv'))}" download>TSV</a></p>` +
    `<p>Feeds: <a href="${x(feed('atom'))}">Atom</a> · <a href="${x(feed('rss'))}">RSS</a> · <a href="${x(feed('json'))}">JSON Feed</a></p></footer>\n` +
    `<script>${READER_JS}</script>\n</body>\n</html>\n`
  );
}

/**
 * The page changes only with the article's version, its source's name, the base URL, the
 * view, the doubtful threshold and the neighbours (their ids and versions: titles come with a version).
 */
export function articleEtag(a: StoredArticle, baseUrl: string, source: Source | undefined, opts: Omit<ReaderOptions, 'zh'> = {}): string {
  const v = opts.view ?? DEFAULT_VIEW;
  const nb = opts.neighbours ?? {};
  return strongEtag([
    'article',
    trimBase(baseUrl),
    a.id,
    a.version,
    source?.name ?? '',
    viewQuery(v),
    opts.doubtfulBelow ?? DOUBTFUL_BELOW,
    nb.newer ? `${nb.newer.id}@${nb.newer.version}` : '',
    nb.older ? `${nb.older.id}@${nb.older.version}` : '',
  ]);
}
