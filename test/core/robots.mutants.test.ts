/**
 * robots.txt edges found by mutation testing (npm run mutate): percent-escapes that must
 * stay escaped compare case-insensitively, and a group whose User-agent is empty (or only a
 * version) names no crawler, so it never replaces the '*' group for us.
 */
import { describe, expect, it } from 'vitest';
import { isAllowed, parseRobots } from '../../lambdas/core/robots.js';

const allowed = (robots: string, path: string) => isAllowed(parseRobots(robots, 'duofeed'), `http://x.example${path}`);

describe('robots.txt percent-escapes', () => {
  it('compares a reserved escape (%2F) whatever case either side writes its hex digits in', () => {
    expect(allowed('User-agent: *\nDisallow: /a%2fb\n', '/a%2Fb')).toBe(false);
    expect(allowed('User-agent: *\nDisallow: /a%2Fb\n', '/a%2fb')).toBe(false);
    // …and still tells the escaped slash from a real one.
    expect(allowed('User-agent: *\nDisallow: /a%2fb\n', '/a/b')).toBe(true);
  });
});

describe('robots.txt groups that name no one', () => {
  it.each([
    ['an empty User-agent', 'User-agent:\nDisallow: /\n\nUser-agent: *\nDisallow: /private\n'],
    ['a User-agent that is only a version', 'User-agent: /1.0\nDisallow: /\n\nUser-agent: *\nDisallow: /private\n'],
  ])('%s does not apply to us: the * group does', (_name, robots) => {
    expect(allowed(robots, '/news/1')).toBe(true);
    expect(allowed(robots, '/private/1')).toBe(false);
  });

  it('a * group is not taken for ours when another group names us', () => {
    const robots = 'User-agent: *\nDisallow: /news\n\nUser-agent: duofeed\nDisallow: /private\n';
    expect(allowed(robots, '/news/1')).toBe(true);
    expect(allowed(robots, '/private/1')).toBe(false);
  });

  it('values keep no space on either side', () => {
    expect(allowed('User-agent:   duofeed   \nDisallow:    /x   # a comment\n', '/x')).toBe(false);
    expect(allowed('User-agent:   duofeed   \nDisallow:    /x   # a comment\n', '/y')).toBe(true);
  });
});
