/**
 * robots.txt beyond test/fetch/robots.test.ts: Crawl-delay (not in RFC 9309, honoured as a
 * minimum spacing: when several groups apply the largest delay holds — a site that asks
 * for 10 s in one group is never hit every 2 s because another says 2), and the edges of
 * reading the file (comments, spacing, the 500 KiB limit, product tokens with versions).
 */
import { describe, expect, it } from 'vitest';
import { DISALLOW_ALL, isAllowed, parseRobots } from '../../lambdas/core/robots.js';

const allowed = (robots: string, path: string, agent = 'duofeed') => isAllowed(parseRobots(robots, agent), `http://x.example${path}`);

describe('Crawl-delay', () => {
  it.each([
    ['two groups naming us', 'User-agent: duofeed\nCrawl-delay: 2\n\nUser-agent: duofeed\nCrawl-delay: 10\n', 10_000],
    ['the larger first', 'User-agent: duofeed\nCrawl-delay: 10\n\nUser-agent: duofeed\nCrawl-delay: 2\n', 10_000],
    ['two * groups, none naming us', 'User-agent: *\nCrawl-delay: 7\nDisallow: /x\n\nUser-agent: *\nCrawl-delay: 1.5\n', 7_000],
    ['one group without a delay', 'User-agent: duofeed\nDisallow: /x\n\nUser-agent: duofeed\nCrawl-delay: 4\n', 4_000],
    ['ours over a larger * delay', 'User-agent: *\nCrawl-delay: 30\n\nUser-agent: duofeed\nCrawl-delay: 3\n', 3_000],
    ['capped at five minutes', 'User-agent: duofeed\nCrawl-delay: 86400\n', 300_000],
    ['fractions of a second', 'User-agent: duofeed\nCrawl-delay: 0.5\n', 500],
    ['zero', 'User-agent: duofeed\nCrawl-delay: 0\n', 0],
  ])('%s', (_name, robots, ms) => {
    expect(parseRobots(robots, 'duofeed').crawlDelayMs).toBe(ms);
  });

  it.each(['User-agent: duofeed\nCrawl-delay: -1\n', 'User-agent: duofeed\nCrawl-delay: soon\n', 'User-agent: duofeed\nDisallow: /x\n', 'Crawl-delay: 5\nUser-agent: duofeed\n'])('has none when no applicable group gives a number ≥ 0: %j', (robots) => {
    expect(parseRobots(robots, 'duofeed').crawlDelayMs).toBeUndefined();
  });
});

describe('reading robots.txt', () => {
  it.each([
    ['a comment after a rule', 'User-agent: *\nDisallow: /a # drafts\n', '/a/x', false],
    ['indented lines', '  User-agent: *\n  Disallow: /a\n', '/a/x', false],
    ['space before the colon', 'User-agent: *\nDisallow : /a\n', '/a/x', false],
    ['no space after the colon', 'User-agent: *\nDisallow:/a\n', '/a/x', false],
    ['a line that only ends in a rule', 'User-agent: *\nnote Disallow: /a\n', '/a/x', true],
    ['a rule matching elsewhere in the path', 'User-agent: *\nDisallow: /private\n', '/public/private', true],
    ['Allow and Disallow of one length, Disallow last', 'User-agent: *\nAllow: /a\nDisallow: /a\n', '/a', true],
    ['robots.txt itself under Disallow: /', 'User-agent: *\nDisallow: /\n', '/robots.txt', true],
  ])('%s', (_name, robots, path, want) => {
    expect(allowed(robots, path)).toBe(want);
  });

  it('reads the first 500 KiB only (RFC 9309 §2.5)', () => {
    const robots = `User-agent: *\nDisallow: /early\n#${'x'.repeat(500 * 1024)}\nDisallow: /late\n`;
    expect(allowed(robots, '/early')).toBe(false);
    expect(allowed(robots, '/late')).toBe(true);
  });

  it('matches product tokens by prefix, with a version dropped, never by suffix', () => {
    expect(allowed('User-agent: duofeed/1.0\nDisallow: /a\n', '/a')).toBe(false);
    expect(allowed('User-agent: duo\nDisallow: /a\n', '/a')).toBe(false);
    expect(allowed('User-agent: feed\nDisallow: /a\n', '/a')).toBe(true);
  });

  it('takes the delay from Crawl-delay only', () => {
    expect(parseRobots('User-agent: duofeed\nRequest-rate: 5\nVisit-time: 10\n', 'duofeed').crawlDelayMs).toBeUndefined();
  });

  it('allows nothing that is not a URL', () => {
    expect(isAllowed(parseRobots('User-agent: *\nAllow: /\n', 'duofeed'), 'not a url')).toBe(false);
    expect(isAllowed(DISALLOW_ALL, 'http://x.example/robots.txt')).toBe(true);
  });
});
