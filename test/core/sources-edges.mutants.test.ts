/**
 * Source record edges from the second mutation run (lambdas/core/sources.ts): a linkRewrite
 * pattern that is no string (new RegExp would accept a number), and a language written as a
 * list (a regex test would read ['en'] as "en").
 */
import { describe, expect, it } from 'vitest';
import { parseSources } from '../../lambdas/core/sources.js';

const good = {
  id: 'site',
  name: 'Site',
  kind: 'rss',
  startUrls: ['https://news.example/feed.xml'],
  linkPattern: '/story/',
  languages: ['en', 'zh'],
  schedule: 'rate(1 hour)',
  minDelayMs: 0,
};
const errorsOf = (over: Record<string, unknown>) => {
  const r = parseSources([{ ...good, ...over }]);
  return r.ok ? [] : r.errors;
};

describe('parseSources edges', () => {
  it('refuses a linkRewrite pattern that is a number', () => {
    expect(errorsOf({ linkRewrite: { pattern: 5, replacement: '$&/ce' } })).toEqual(['sources[0].linkRewrite.pattern: required regular expression string']);
  });
  it('refuses a language written as a list, naming that entry', () => {
    expect(errorsOf({ languages: [['en'], 'zh'] })).toEqual(['sources[0].languages[0]: must be a BCP 47 primary subtag like "en" or "zh" (got ["en"])']);
  });
});
