/**
 * Segment confidence as a probability (issue 10, item 5): the chance that a paragraph bead is
 * right — that it pairs exactly the paragraphs a reader would pair, and holds article text.
 * A logistic model over evidence the aligner already has for each bead; its coefficients are
 * fitted on generated pages with known answers (fit articles only) by `npm run calibrate`
 * (test/quality/calibrate.ts), which writes calibration.generated.ts. Pure: no IO.
 */
import { CALIBRATION } from './calibration.generated.js';

/** What the aligner knows of one bead when it is chosen. */
export interface BeadEvidence {
  /** English and Chinese paragraphs in the bead (1-1, 1-2, 2-1, 1-0, 0-1). */
  en: number;
  zh: number;
  /** Length cost (align.ts lengthCost; 0 for one-sided beads). */
  length: number;
  /** Signed log length ratio, English over Chinese in English-equivalent characters (0 for one-sided beads): > 0 when the Chinese half is short. */
  ratio: number;
  /** Anchors (numbers, Latin words) both halves share. */
  matched: number;
  /** The anchor cost's penalties: anchors on one side only (0 for one-sided beads). */
  penalty: number;
  /** Interleaved pages: paragraphs standing between the two halves; and 1 if the halves face against the page's lead. */
  gap: number;
  facing: number;
  /** Characters in the bead's paragraphs. */
  chars: number;
  /** The page was aligned as a block layout (all of one language, then the other). */
  block: boolean;
  /**
   * The pairing came from the page's markup (a row of two cells, parallel columns; structure.ts):
   * 1, else 0. Such a bead has no length or anchor evidence (0): this and its size speak for it.
   */
  structure: number;
  /**
   * Known once the bead's sentences are aligned (index.ts; 0 before): of a two-sided bead's
   * sentence beads, the share that are one-sided, and the share that are not 1-1. Paragraphs
   * that are not each other's translation leave sentences without partners.
   */
  oddSentences?: number;
  unevenSentences?: number;
  /**
   * 1 when the pair was joined across the pair shown between its halves (align.ts joinCrossed:
   * a translation shown one pair late); its gap is then 0, so the gap keeps meaning "paragraphs
   * between halves the page order put together".
   */
  crossed?: number;
  /**
   * Known once the bead's text is read (index.ts): how many classes of marks a translation
   * keeps — quotation marks, question marks, percent, brackets — one half has and the other
   * lacks. Two-sided beads only.
   */
  marks?: number;
  /**
   * 1 when a one-sided bead has a one-sided bead of the other language within two beads
   * (index.ts): a pairing the aligner may have missed, not a paragraph left untranslated.
   */
  unpairedNear?: number;
}

/** The model's inputs, by name (calibration.generated.ts lists its coefficients in this order). */
export const FEATURE_NAMES = [
  'bias',
  'pair 1-1',
  'pair 1-2/2-1',
  'length cost',
  'log(1+matched anchors)',
  'anchor penalties',
  'log(1+gap)',
  'facing against lead',
  'log chars of a pair',
  'one-sided and short',
  'block layout',
  'previous bead one-sided',
  'next bead one-sided',
  'neighbours length cost',
  'structure',
  'log chars of a one-sided bead',
  'length cost squared',
  'a neighbour short on this side',
  'one-sided sentence share',
  'not 1-1 sentence share',
  'crossed pair',
  'marks on one side only',
  'other language unpaired nearby',
] as const;

/** Characters below which a one-sided paragraph reads like a line of chrome rather than an untranslated paragraph. */
const SHORT_CHARS = 60;

/**
 * How much a neighbouring pair is short on the side a one-sided bead holds (its signed length
 * ratio toward that side, 0 if none is): a paragraph split off its translation's pair.
 */
function pull(b: BeadEvidence, x: BeadEvidence | undefined): number {
  if (x === undefined || x.en === 0 || x.zh === 0 || (b.en > 0 && b.zh > 0)) return 0;
  return Math.max(0, b.zh > 0 ? x.ratio : -x.ratio);
}

/** The feature vector of a bead given its neighbours (undefined at the page's ends). */
export function featuresOf(b: BeadEvidence, prev: BeadEvidence | undefined, next: BeadEvidence | undefined): number[] {
  const two = b.en > 0 && b.zh > 0;
  const oneSided = (x: BeadEvidence | undefined) => (x && (x.en === 0 || x.zh === 0) ? 1 : 0);
  const nl = [prev, next].filter((x): x is BeadEvidence => x !== undefined && x.en > 0 && x.zh > 0).map((x) => x.length);
  return [
    1,
    b.en === 1 && b.zh === 1 ? 1 : 0,
    two && b.en + b.zh === 3 ? 1 : 0,
    b.length,
    Math.log1p(b.matched),
    b.penalty,
    Math.log1p(b.gap),
    b.facing,
    two ? Math.log(1 + b.chars) : 0,
    !two && b.chars < SHORT_CHARS ? 1 : 0,
    b.block ? 1 : 0,
    oneSided(prev),
    oneSided(next),
    nl.length ? nl.reduce((s, x) => s + x, 0) / nl.length : 0,
    b.structure,
    two ? 0 : Math.log(1 + b.chars),
    b.length * b.length,
    Math.max(pull(b, prev), pull(b, next)),
    b.oddSentences ?? 0,
    b.unevenSentences ?? 0,
    b.crossed ?? 0,
    b.marks ?? 0,
    b.unpairedNear ?? 0,
  ];
}

/** The probability the model gives, from a feature vector (no rounding). */
export function probabilityOf(x: readonly number[], coefficients: readonly number[] = CALIBRATION.coefficients): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += (coefficients[i] ?? 0) * x[i]!;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Segment confidence: the probability, in hundredths, within CONFIDENCE_MIN..1 - CONFIDENCE_MIN.
 * The same sum as probabilityOf(featuresOf(…)) in the same order, without building the
 * vector (it runs for every bead of every page); a test holds the two equal.
 */
export function confidenceOf(b: BeadEvidence, prev: BeadEvidence | undefined, next: BeadEvidence | undefined, min: number): number {
  const w = CALIBRATION.coefficients;
  const two = b.en > 0 && b.zh > 0;
  const prevTwo = prev !== undefined && prev.en > 0 && prev.zh > 0;
  const nextTwo = next !== undefined && next.en > 0 && next.zh > 0;
  const neighbours = prevTwo && nextTwo ? (prev.length + next.length) / 2 : prevTwo ? prev.length : nextTwo ? next!.length : 0;
  let z = 0;
  z += w[0]! * 1;
  z += w[1]! * (b.en === 1 && b.zh === 1 ? 1 : 0);
  z += w[2]! * (two && b.en + b.zh === 3 ? 1 : 0);
  z += w[3]! * b.length;
  z += w[4]! * Math.log1p(b.matched);
  z += w[5]! * b.penalty;
  z += w[6]! * Math.log1p(b.gap);
  z += w[7]! * b.facing;
  z += w[8]! * (two ? Math.log(1 + b.chars) : 0);
  z += w[9]! * (!two && b.chars < SHORT_CHARS ? 1 : 0);
  z += w[10]! * (b.block ? 1 : 0);
  z += w[11]! * (prev !== undefined && !prevTwo ? 1 : 0);
  z += w[12]! * (next !== undefined && !nextTwo ? 1 : 0);
  z += w[13]! * neighbours;
  z += w[14]! * b.structure;
  z += w[15]! * (two ? 0 : Math.log(1 + b.chars));
  z += w[16]! * (b.length * b.length);
  z += w[17]! * Math.max(pull(b, prev), pull(b, next));
  z += (w[18] ?? 0) * (b.oddSentences ?? 0);
  z += (w[19] ?? 0) * (b.unevenSentences ?? 0);
  z += (w[20] ?? 0) * (b.crossed ?? 0);
  z += (w[21] ?? 0) * (b.marks ?? 0);
  z += (w[22] ?? 0) * (b.unpairedNear ?? 0);
  const p = 1 / (1 + Math.exp(-z));
  return Math.round(Math.min(1 - min, Math.max(min, p)) * 100) / 100;
}
