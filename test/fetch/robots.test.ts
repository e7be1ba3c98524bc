import { describe, expect, it } from 'vitest';
import { ALLOW_ALL, DISALLOW_ALL, isAllowed, parseRobots } from '../../lambdas/core/robots.js';

const ROBOTS = `
# a comment
User-agent: *
Disallow: /private/
Allow: /private/open.html
Disallow: /*.pdf$
Crawl-delay: 5

User-agent: BadBot
Disallow: /

User-agent: duofeed
User-agent: other
Disallow: /BILINGUAL/drafts
Allow: /BILINGUAL/
Crawl-delay: 3
`;

describe('robots.txt', () => {
  it('uses the group naming our token over *', () => {
    const p = parseRobots(ROBOTS, 'duofeed');
    expect(p.crawlDelayMs).toBe(3000);
    expect(isAllowed(p, 'http://x.example/private/x.html')).toBe(true);
    expect(isAllowed(p, 'http://x.example/BILINGUAL/drafts/1.html')).toBe(false);
    expect(isAllowed(p, 'http://x.example/BILINGUAL/1.html')).toBe(true);
  });

  it.each([
    ['/private/a.html', false],
    ['/private/open.html', true],
    ['/doc.pdf', false],
    ['/doc.pdf?x=1', true],
    ['/public.html', true],
    ['/robots.txt', true],
  ])('* group: %s → %s', (path, want) => {
    const p = parseRobots(ROBOTS, 'someone-else');
    expect(p.crawlDelayMs).toBe(5000);
    expect(isAllowed(p, `http://x.example${path}`)).toBe(want);
  });

  it('longest match wins; Allow wins a tie', () => {
    const p = parseRobots('User-agent: *\nDisallow: /a\nAllow: /a\nDisallow: /a/b/', 'duofeed');
    expect(isAllowed(p, 'http://x.example/a/x')).toBe(true);
    expect(isAllowed(p, 'http://x.example/a/b/c')).toBe(false);
  });

  it('treats an empty Disallow as allow-all and compares unreserved %-escapes decoded', () => {
    expect(isAllowed(parseRobots('User-agent: *\nDisallow:', 'duofeed'), 'http://x.example/a')).toBe(true);
    expect(isAllowed(parseRobots('User-agent: *\nDisallow: /%61bc', 'duofeed'), 'http://x.example/abc')).toBe(false);
  });

  it('has allow-all and disallow-all policies for missing and unreachable files', () => {
    expect(isAllowed(ALLOW_ALL, 'http://x.example/a')).toBe(true);
    expect(isAllowed(DISALLOW_ALL, 'http://x.example/a')).toBe(false);
  });

  it('survives garbage', () => {
    const p = parseRobots('\u0000\nDisallow /x\nUser-agent:\nCrawl-delay: soon\nAllow: ((((', 'duofeed');
    expect(isAllowed(p, 'http://x.example/((((')).toBe(true);
    expect(p.crawlDelayMs).toBeUndefined();
  });
});
