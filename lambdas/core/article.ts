/**
 * The article contract (../shared/DESIGN.md): the parser's output, the DynamoDB item's
 * content and the CLI's JSON share this one shape. Language keys are BCP 47 primary
 * subtags, in the reading order given by `languages`.
 */
export type Lang = string;

/** A value per language, e.g. `{ en: "…", zh: "…" }`. */
export type ByLang<T = string> = Record<Lang, T>;

/** The languages a segment holds: duofeed aligns English and Chinese. */
export type SegmentLang = 'en' | 'zh';

/** Each language's texts of one bead (a language absent or `[]` when untranslated). */
export type LangTexts = { [L in SegmentLang]?: string[] };

/**
 * A sentence bead inside a segment: each language's sentences, in order. Concatenated over a
 * segment's beads (whitespace between sentences aside), a language's sentences give that
 * language's paragraphs; a sentence never spans two paragraphs. Keys follow `languages`.
 */
export type SentenceBead = LangTexts;

/**
 * One aligned bead: whole paragraphs per language key, as they read on the page (whitespace
 * folded), the aligner's confidence in 0..1, and the sentence beads inside it. Language keys
 * and the two fields never collide, so each has its own type; read a side with `side()`.
 */
export interface AlignedSegment extends LangTexts {
  confidence?: number;
  sentences?: SentenceBead[];
}

const isSegmentLang = (lang: Lang): lang is SegmentLang => lang === 'en' || lang === 'zh';

/** The texts of one language in a segment or sentence bead (empty when untranslated or not a segment language). */
export function side(bead: LangTexts, lang: Lang): string[] {
  return (isSegmentLang(lang) && bead[lang]) || [];
}

export interface Article {
  /** Stable id derived from the canonical URL (or the file path for local files). */
  id: string;
  url?: string;
  languages: Lang[];
  title: ByLang;
  byline?: ByLang;
  source?: string;
  editor?: string;
  /** RFC 3339 with the offset the page implies. */
  published?: string;
  authorNote?: ByLang;
  editorNote?: ByLang;
  segments: AlignedSegment[];
  /** Extras beyond the core contract. */
  originalSource?: string;
  images?: { src: string; alt?: string }[];
  /** sha256 (hex) of the canonical JSON of the parsed content; set by the parser. */
  contentHash?: string;
}

/** An article as stored: the parsed content plus the bookkeeping the pipeline adds. */
export interface StoredArticle extends Article {
  sourceId: string;
  url: string;
  /** RFC 3339 UTC: first time duofeed stored this article. */
  firstSeen: string;
  /** RFC 3339 UTC: last time the content changed (equals firstSeen for version 1). */
  updated: string;
  /** 1 for the first stored content, +1 on each content change. */
  version: number;
  /** S3 key of the raw page this version was parsed from. */
  rawKey: string;
}
