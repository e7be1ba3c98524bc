/**
 * Sentence pairs to take away: TMX 1.4b for translation-memory tools (one <tu> per sentence
 * pair) and tab-separated values for Anki (English, Chinese, pinyin, link). The same renderers
 * serve `/articles/<id>.tmx|.tsv`, `/feeds/<source>.tmx|.tsv` and `duofeed parse --format`.
 *
 * Only complete pairs are exported: a sentence one side left untranslated (a 1-0 bead) is no
 * translation unit and no flash card. The TMX names no DOCTYPE: a SYSTEM reference to
 * "tmx14.dtd" makes readers look for a file beside the export; validate with
 * `xmllint --noout --dtdvalid tmx14.dtd file.tmx`.
 */
import type { Article } from '../article.js';
import { parseRfc3339 } from '../dates.js';
import { GENERATOR } from './atom.js';
import { escapeXml as x, safeHttpUrl } from './escape.js';
import { DOUBTFUL_BELOW, isComplete, sentencePairs, type SentencePair } from './pairs.js';
import { pinyinLine, type PinyinOf } from './zh.js';

export type ExportFormat = 'tmx' | 'tsv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['tmx', 'tsv'];

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  // No registered type exists for TMX; this is the one TM tools and servers use.
  tmx: 'application/x-tmx+xml',
  tsv: 'text/tab-separated-values',
};

/** One article to export, and where each of its pairs can be read (a permalink on the reading page, or the source page). */
export interface ExportItem {
  article: Pick<Article, 'id' | 'url' | 'languages' | 'segments' | 'published'>;
  /** The link for a pair (its fragment id is `pair.id`); undefined = no link. */
  linkFor?: (pair: SentencePair) => string | undefined;
  /** RFC 3339: when this version was stored (TMX creationdate); absent for the CLI. */
  updated?: string;
}

export interface ExportOptions {
  doubtfulBelow?: number;
}

const EXPORT_LANGS = ['en', 'zh'] as const;

/** RFC 3339 → TMX's date form, `YYYYMMDDThhmmssZ` (always UTC). */
export function tmxDate(rfc3339: string | undefined): string | undefined {
  const t = parseRfc3339(rfc3339);
  if (!t) return undefined;
  return new Date(t.epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** TMX 1.4b: header, then one <tu> per complete sentence pair, with the source URL, date and link as <prop>s. */
export function renderTmx(items: readonly ExportItem[], opts: ExportOptions = {}): string {
  const doubtfulBelow = opts.doubtfulBelow ?? DOUBTFUL_BELOW;
  const firsts = new Set(items.map((i) => (i.article.languages[0] === 'zh' ? 'zh' : 'en')));
  // The source language of every unit when all articles agree; TMX's `*all*` otherwise.
  const srclang = firsts.size === 1 ? [...firsts][0]! : '*all*';
  const newest = items
    .map((i) => i.updated)
    .filter((u): u is string => !!parseRfc3339(u))
    .sort((a, b) => (parseRfc3339(b)?.epochMs ?? 0) - (parseRfc3339(a)?.epochMs ?? 0))[0];
  const created = tmxDate(newest);
  let out =
    `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n` +
    `<header creationtool="${GENERATOR.name}" creationtoolversion="${GENERATOR.version}" segtype="sentence" o-tmf="${GENERATOR.name}" ` +
    `adminlang="en" srclang="${srclang}" datatype="plaintext"${created ? ` creationdate="${created}"` : ''}/>\n<body>\n`;
  for (const item of items) {
    const a = item.article;
    const url = safeHttpUrl(a.url);
    const order = a.languages[0] === 'zh' ? ['zh', 'en'] : ['en', 'zh'];
    for (const pair of sentencePairs(a, doubtfulBelow)) {
      if (!isComplete(pair, EXPORT_LANGS)) continue;
      const link = item.linkFor?.(pair);
      out += `<tu tuid="${x(`${a.id}-${pair.id}`)}">`;
      if (url) out += `<prop type="x-source-url">${x(url)}</prop>`;
      if (a.published) out += `<prop type="x-published">${x(a.published)}</prop>`;
      if (link) out += `<prop type="x-duofeed-link">${x(link)}</prop>`;
      if (pair.confidence !== undefined) out += `<prop type="x-confidence">${pair.confidence}</prop>`;
      if (pair.doubtful) out += `<note>uncertain pairing: segment confidence ${pair.confidence} is below ${doubtfulBelow}</note>`;
      for (const l of order) out += `<tuv xml:lang="${l}"><seg>${x(pair.text[l] ?? '')}</seg></tuv>`;
      out += '</tu>\n';
    }
  }
  return `${out}</body>\n</tmx>\n`;
}

/**
 * One TSV field. Anki reads its text files as CSV with the given separator: a field holding a
 * tab, a line break or a double quote is written in double quotes, its quotes doubled (a
 * sentence that opens with a quote would otherwise be read as a quoted field).
 */
export function tsvField(s: string): string {
  return /[\t\r\n"]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Anki's file headers: tab-separated, plain text (no HTML), named columns, the fifth column a stable note id so a re-import updates cards rather than doubling them. */
export const TSV_HEADER = '#separator:tab\n#html:false\n#columns:English\tChinese\tPinyin\tLink\tGUID\n#guid column:5\n';

/** Anki-importable TSV: English, Chinese, the Chinese's pinyin, a link to the pair, a stable id. */
export function renderTsv(items: readonly ExportItem[], pinyin: PinyinOf, opts: ExportOptions = {}): string {
  const doubtfulBelow = opts.doubtfulBelow ?? DOUBTFUL_BELOW;
  let out = TSV_HEADER;
  for (const item of items) {
    for (const pair of sentencePairs(item.article, doubtfulBelow)) {
      if (!isComplete(pair, EXPORT_LANGS)) continue;
      const zh = pair.text.zh ?? '';
      const fields = [pair.text.en ?? '', zh, pinyinLine(pinyin(zh)), item.linkFor?.(pair) ?? '', `duofeed-${item.article.id}-${pair.id}`];
      out += `${fields.map(tsvField).join('\t')}\n`;
    }
  }
  return out;
}
