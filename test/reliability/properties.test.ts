/**
 * The fuzz run's properties, short enough for CI (the long run is test/fuzz/fuzz.ts):
 * arbitrary bytes, Unicode, HTML soup and mutated pages never make the parser throw, always
 * give a sane article or a one-line reason, parse the same way twice, and whatever parses —
 * and any Article at all, however hostile its strings and URLs — renders to feeds and a
 * reader page without executable markup (the output is parsed, not searched).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../lambdas/core/parse/index.js';
import { articleArb, asStored, inputArb, renderChecks } from '../fuzz/generators.js';

// Fixed seed: CI runs the same inputs every time; the long fuzz run explores new ones.
const SEED = 20261130;

describe('parser and feeds on arbitrary input (fast-check)', () => {
  it.each([
    ['bytes', 150],
    ['unicode', 150],
    ['soup', 150],
    ['page', 120],
  ] as const)('%s: sane outcome, deterministic, safe to serve', async (kind, numRuns) => {
    await fc.assert(
      fc.asyncProperty(inputArb[kind], async (input) => {
        const out = parseArticle(input);
        expect(JSON.stringify(parseArticle(input))).toBe(JSON.stringify(out));
        if (!out.ok) {
          expect(out.reason).toMatch(/\S/);
          expect(out.reason).not.toMatch(/^internal parser error/);
          expect(out.reason.length).toBeLessThanOrEqual(300);
          return;
        }
        expect(out.article.segments.length).toBeGreaterThan(0);
        const r = await renderChecks(asStored(out.article));
        expect(r.unsafe).toEqual([]);
      }),
      { seed: SEED, numRuns },
    );
  }, 120_000);

  it('any Article renders to Atom, RSS, JSON Feed and a reader page with no executable markup', async () => {
    await fc.assert(
      fc.asyncProperty(articleArb, async (a) => {
        const r = await renderChecks(a);
        expect(r.unsafe).toEqual([]);
      }),
      { seed: SEED, numRuns: 150 },
    );
  }, 120_000);
});
