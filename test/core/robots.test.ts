/**
 * Crawl-delay (not in RFC 9309, honoured as a minimum spacing): when several groups apply,
 * the largest delay holds — a site that asks for 10 s in one group is never hit every 2 s
 * because another group says 2. (The rule matching itself is tested in test/fetch/robots.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { parseRobots } from '../../lambdas/core/robots.js';

describe('Crawl-delay', () => {
  it.each([
    ['two groups naming us', 'User-agent: duofeed\nCrawl-delay: 2\n\nUser-agent: duofeed\nCrawl-delay: 10\n', 10_000],
    ['the larger first', 'User-agent: duofeed\nCrawl-delay: 10\n\nUser-agent: duofeed\nCrawl-delay: 2\n', 10_000],
    ['two * groups, none naming us', 'User-agent: *\nCrawl-delay: 7\nDisallow: /x\n\nUser-agent: *\nCrawl-delay: 1.5\n', 7_000],
    ['one group without a delay', 'User-agent: duofeed\nDisallow: /x\n\nUser-agent: duofeed\nCrawl-delay: 4\n', 4_000],
    ['ours over a larger * delay', 'User-agent: *\nCrawl-delay: 30\n\nUser-agent: duofeed\nCrawl-delay: 3\n', 3_000],
    ['capped at five minutes', 'User-agent: duofeed\nCrawl-delay: 86400\n', 300_000],
    ['fractions of a second', 'User-agent: duofeed\nCrawl-delay: 0.5\n', 500],
  ])('%s', (_name, robots, ms) => {
    expect(parseRobots(robots, 'duofeed').crawlDelayMs).toBe(ms);
  });

  it.each(['User-agent: duofeed\nCrawl-delay: -1\n', 'User-agent: duofeed\nCrawl-delay: soon\n', 'User-agent: duofeed\nDisallow: /x\n', 'Crawl-delay: 5\nUser-agent: duofeed\n'])('has none when no applicable group gives a number ≥ 0: %j', (robots) => {
    expect(parseRobots(robots, 'duofeed').crawlDelayMs).toBeUndefined();
  });
});
