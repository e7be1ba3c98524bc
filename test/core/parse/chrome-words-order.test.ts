/**
 * CHROME_LINE_WORDS is tried alternative by alternative at each position, and the first that
 * matches wins: an earlier alternative that matches only the start of a later one cuts it
 * short, and the line then fails at the rest ("advertise" left "ment" of "Advertisement", so an
 * ad label was read as an English paragraph). Each alternative's own text must match whole.
 */
import { describe, expect, it } from 'vitest';
import { isChromeLine, onlyChromeWords } from '../../../lambdas/core/parse/content.js';
import { CHROME_LINE_WORDS } from '../../../lambdas/core/parse/heuristics.js';

/** The top-level alternatives of a pattern's source. */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      cur += c + src[++i];
      continue;
    }
    if (c === '[') {
      const end = src.indexOf(']', i + 1);
      cur += src.slice(i, end + 1);
      i = end;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === '|' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** An alternative's shortest plain text: optional groups and lookaheads dropped, then the grouping marks. */
const plainText = (alt: string) => alt.replace(/\(\?[!=][^)]*\)/g, '').replace(/\(\?:[^()]*\)\?/g, '').replace(/[()?]|\?:/g, '');

describe('CHROME_LINE_WORDS: no alternative is cut short by an earlier one', () => {
  const alts = alternatives(CHROME_LINE_WORDS.source).filter((a) => !/[[\\]/.test(plainText(a)));

  it('the source splits into its alternatives', () => {
    expect(alts.length).toBeGreaterThan(100);
    expect(alts).toContain('advertisement');
  });

  it('each later alternative is matched whole where an earlier one also matches its start', () => {
    const shadowed: string[] = [];
    alts.forEach((later, j) => {
      const text = plainText(later);
      for (const earlier of alts.slice(0, j)) {
        const m = new RegExp(`^(?:${earlier})`, 'i').exec(text);
        if (m && m[0].length < text.length) shadowed.push(`${earlier} cuts ${later} to ${m[0]}`);
      }
    });
    expect(shadowed).toEqual([]);
  });

  it.each(['Advertisement', 'ADVERTISEMENT', 'Advert', 'Advertise with us', 'Share to', 'Share', 'Related stories'])('%s is a chrome line', (line) => {
    expect(onlyChromeWords(line.toLowerCase())).toBe(true);
    expect(isChromeLine(line)).toBe(true);
  });
});
