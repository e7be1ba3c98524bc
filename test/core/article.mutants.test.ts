/**
 * side() (lambdas/core/article.ts), from the second mutation run: a segment's other fields
 * (confidence, sentences) and languages it lacks are never read as texts.
 */
import { describe, expect, it } from 'vitest';
import { side, type AlignedSegment } from '../../lambdas/core/article.js';

describe('side', () => {
  const segment: AlignedSegment = { zh: ['一。'], confidence: 0.5, sentences: [{ zh: ['一。'] }] };
  it('gives a language\'s texts, and none for a language the segment lacks', () => {
    expect(side(segment, 'zh')).toEqual(['一。']);
    expect(side(segment, 'en')).toEqual([]);
  });
  it('never reads a segment\'s other fields as a language', () => {
    expect(side(segment, 'confidence')).toEqual([]);
    expect(side(segment, 'sentences')).toEqual([]);
  });
});
