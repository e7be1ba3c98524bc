/**
 * Date edges from the second mutation run (npm run mutate on lambdas/core/dates.ts): when a
 * text holds a stamp that is no date (Feb 30) before a real date in another of the three
 * forms, the real one wins, whichever of the two comes first in the text.
 */
import { describe, expect, it } from 'vitest';
import { findPageDate } from '../../lambdas/core/dates.js';

describe('a stamp that is no date, then a real date', () => {
  it.each([
    ['Feb 30, 2025, revised 2025-03-01 10:00', '2025-03-01T10:00:00+08:00', 'revised '],
    ['2025-02-30, revised March 1, 2025', '2025-03-01T00:00:00+08:00', 'revised '],
  ])('%s: the real date wins, at its own place', (text, iso, before) => {
    const found = findPageDate(text)!;
    expect(found.iso).toBe(iso);
    expect(found.index).toBe(text.indexOf(before) + before.length);
  });
});
