/**
 * Sentence pairs as the reading page, the feeds' `_duofeed` extension and the exports (TMX,
 * TSV) see them: each segment's sentence beads, numbered for permalinks (`p3` is the third
 * paragraph pair, `p3s2` its second sentence pair), with the segment's confidence and whether
 * that confidence marks the pair as doubtful.
 */
import { side, type AlignedSegment, type Article, type SentenceBead } from '../article.js';

/**
 * A pair whose segment confidence is below this is marked doubtful (on the page, in the
 * `_duofeed` extension and the exports' notes). Segment confidence is a calibrated probability
 * that the segment is right — that it pairs exactly the paragraphs a reader would pair, and
 * holds article text (core/parse/confidence.ts, fitted by `npm run calibrate`; on held-out
 * generated pages its expected calibration error is about 0.06). So below one half a pairing
 * is more likely wrong than right. Callers may pass their own threshold; this is the default.
 */
export const DOUBTFUL_BELOW = 0.5;

/** One sentence pair: its permalink id and each language's sentences joined into one text. */
export interface SentencePair {
  /** 1-based paragraph pair (segment) number. */
  segment: number;
  /** 1-based sentence pair number inside the segment. */
  sentence: number;
  /** `p<segment>s<sentence>`: the fragment of its permalink. */
  id: string;
  /** Language → the bead's sentences joined (English with spaces, Chinese without). */
  text: Record<string, string>;
  confidence?: number;
  doubtful: boolean;
}

/** The fragment id of a paragraph pair. */
export const segmentId = (n: number): string => `p${n}`;

/**
 * A segment's sentence beads; a segment stored before sentences existed reads as one bead
 * holding its paragraphs, so every article has pairs.
 */
export function beadsOf(seg: AlignedSegment): SentenceBead[] {
  if (seg.sentences && seg.sentences.length > 0) return seg.sentences;
  const bead: SentenceBead = {};
  if (seg.en) bead.en = seg.en;
  if (seg.zh) bead.zh = seg.zh;
  return [bead];
}

/** Sentences of one side as one text: Chinese runs on, other scripts take a space. */
export function joinSentences(lang: string, sentences: readonly string[]): string {
  return sentences.join(lang === 'zh' ? '' : ' ').trim();
}

export function isDoubtful(confidence: number | undefined, doubtfulBelow: number = DOUBTFUL_BELOW): boolean {
  return typeof confidence === 'number' && confidence < doubtfulBelow;
}

/** Every sentence pair of the article, in reading order, keys in `languages` order. */
export function sentencePairs(article: Pick<Article, 'segments' | 'languages'>, doubtfulBelow: number = DOUBTFUL_BELOW): SentencePair[] {
  const langs = article.languages.length > 0 ? article.languages : ['en', 'zh'];
  const out: SentencePair[] = [];
  article.segments.forEach((seg, i) => {
    beadsOf(seg).forEach((bead, j) => {
      const text: Record<string, string> = {};
      for (const l of langs) text[l] = joinSentences(l, side(bead, l));
      out.push({
        segment: i + 1,
        sentence: j + 1,
        id: `${segmentId(i + 1)}s${j + 1}`,
        text,
        ...(typeof seg.confidence === 'number' ? { confidence: seg.confidence } : {}),
        doubtful: isDoubtful(seg.confidence, doubtfulBelow),
      });
    });
  });
  return out;
}

/** A pair both of whose sides have text: what a translation memory or a flashcard can use. */
export function isComplete(pair: SentencePair, langs: readonly string[]): boolean {
  return langs.every((l) => (pair.text[l] ?? '') !== '');
}
