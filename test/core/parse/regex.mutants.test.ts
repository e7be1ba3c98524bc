/**
 * The pattern rewriters in lambdas/core/parse/regex.ts, from their first mutation run
 * (80.82%): each construct withoutIgnoreCase passes through or refuses, and each part of a
 * pattern's start that startChars reads (escapes, classes with \s, nested groups and
 * alternatives, every quantifier form, lazy ones) or refuses — with the reason it names.
 */
import { describe, expect, it } from 'vitest';
import { startChars, withoutIgnoreCase } from '../../../lambdas/core/parse/regex.js';

const chars = (re: RegExp) => [...startChars(re)].map((c) => String.fromCharCode(c)).sort().join('');

describe('withoutIgnoreCase', () => {
  it.each([
    [/Zoo/i, '[zZ][oO][oO]'],
    [/az/i, '[aA][zZ]'],
    [/AZ/i, '[aA][zZ]'],
    [/ab?/i, '[aA][bB]?'],
    [/(?:ab)/i, '(?:[aA][bB])'],
    [/(?=a)b/i, '(?=[aA])[bB]'],
    [/(?<=a)b/i, '(?<=[aA])[bB]'],
    [/(x<ab)/i, '([xX]<[aA][bB])'],
    [/[-a]/i, '[-aA]'],
    [/[a-]/i, '[aA-]'],
    [/[ab]c/i, '[aAbB][cC]'],
  ])('%s → %s', (re, source) => {
    const fast = withoutIgnoreCase(re);
    expect(fast.source).toBe(source);
    expect(fast.flags).toBe(re.flags.replace('i', ''));
  });
  it.each([
    [/[a-c]/i, 'a range'],
    [/(?<n>a)/i, 'a named group'],
    [/[^a]/i, 'a negated class'],
  ])('refuses %s (%s)', (re, why) => {
    expect(() => withoutIgnoreCase(re)).toThrow(`cannot rewrite ${why} in /${re.source}/`);
  });
});

describe('startChars', () => {
  it.each([
    [/^a+b/, 'a'],
    [/^a{2}b/, 'a'],
    [/^a{10,20}b/, 'a'],
    [/^a{0,2}b/, 'ab'],
    [/^a{0,}b/, 'ab'],
    [/^a{0}b/, 'ab'],
    [/^a??b/, 'ab'],
    [/^a*?b/, 'ab'],
    [/^a+?b/, 'a'],
    [/^(?:a?)+b/, 'ab'],
    [/^(?:(?:a|b)c|d)/, 'abd'],
    [/^(?:(?:a|b)?c|d)/, 'abcd'],
    [/^(?:[a|]|b)/, '|ab'],
    [/^(?:\||b)/, '|b'],
    [/^\.a/, '.'],
    [/^\s*a/, 'a'],
    [/^[\sa]b/, 'a'],
    [/^[\s]?[ab]c/, 'ab'],
    [/^[-a]/, '-a'],
    [/^[a-]/, '-a'],
    [/^[abc]d/, 'abc'],
    [/^[\sab]c/, 'ab'],
  ])('%s starts with one of %s', (re, want) => {
    expect(chars(re)).toBe([...want].sort().join(''));
  });
  it.each([
    [/a/, 'not anchored with ^'],
    [/^a?/, 'it can match the empty string'],
    [/^(?=a)b/, 'a group other than (?:…)'],
    [/^[^a]/, 'a negated class'],
    [/^[a-c]/, 'a range'],
    [/^[\da]/, '\\d in a class'],
    [/^\d/, '\\d'],
    [/^.a/, "'.'"],
    [new RegExp('^a{'), 'a stray brace'],
  ])('refuses %s (%s)', (re, why) => {
    expect(() => startChars(re)).toThrow(`startChars: cannot tell how /${re.source}/ starts (${why})`);
  });
});
