/**
 * Source records, one fault at a time (found by mutation testing: most field checks were
 * only ever tried together, so dropping one went unseen): each broken field gives exactly
 * one error, naming the record and the field; a good record keeps only the optional fields
 * it gave, with its name and schedule trimmed.
 */
import { describe, expect, it } from 'vitest';
import { parseSources, scheduleProblem } from '../../lambdas/core/sources.js';

const good = {
  id: 'xinhua-en',
  name: '  Xinhua bilingual  ',
  kind: 'html-index',
  startUrls: ['https://news.example/bilingual/'],
  linkPattern: '/bilingual/\\d+\\.html$',
  languages: ['en', 'zh'],
  schedule: ' rate(1 hour) ',
  minDelayMs: 2000,
};

const errorsOf = (over: Record<string, unknown>) => {
  const r = parseSources([{ ...good, ...over }]);
  return r.ok ? [] : r.errors;
};

describe('parseSources, one fault at a time', () => {
  it.each([
    ['id', { id: 7 }, /^sources\[0\]\.id: required string$/],
    ['id', { id: 'Bad_Id' }, /^sources\[0\]\.id: must be lower-case letters/],
    ['id', { id: 'ok-id\n' }, /^sources\[0\]\.id: must be lower-case letters/],
    ['name', { name: '   ' }, /^sources\[0\]\.name: required non-empty string$/],
    ['kind', { kind: 'json' }, /^sources\[0\]\.kind: must be one of rss, atom, html-index \(got "json"\)$/],
    ['kind', { kind: 3 }, /^sources\[0\]\.kind: must be one of/],
    ['startUrls', { startUrls: [] }, /^sources\[0\]\.startUrls: required non-empty array of URLs$/],
    ['startUrls[0]', { startUrls: [42] }, /^sources\[0\]\.startUrls\[0\]: must be a string$/],
    ['startUrls[1]', { startUrls: ['https://a.example/', 'ftp://a.example/'] }, /^sources\[0\]\.startUrls\[1\]: must be http or https, not ftp$/],
    ['linkPattern', { linkPattern: '' }, /^sources\[0\]\.linkPattern: required regular expression string$/],
    ['linkPattern', { linkPattern: 5 }, /^sources\[0\]\.linkPattern: required regular expression string$/],
    ['linkPattern', { linkPattern: '(' }, /^sources\[0\]\.linkPattern: not a valid regular expression \((?!Invalid regular expression)[^/]*\)$/],
    ['linkRewrite', { linkRewrite: [] }, /^sources\[0\]\.linkRewrite: must be an object/],
    ['linkRewrite', { linkRewrite: null }, /^sources\[0\]\.linkRewrite: must be an object/],
    ['linkRewrite.pattern', { linkRewrite: { pattern: '', replacement: 'x' } }, /^sources\[0\]\.linkRewrite\.pattern: required regular expression string$/],
    ['linkRewrite.pattern', { linkRewrite: { pattern: '[', replacement: 'x' } }, /^sources\[0\]\.linkRewrite\.pattern: not a valid regular expression/],
    ['linkRewrite.replacement', { linkRewrite: { pattern: 'a' } }, /^sources\[0\]\.linkRewrite\.replacement: required string/],
    ['linkRewrite.extra', { linkRewrite: { pattern: 'a', replacement: 'b', flags: 'g' } }, /^sources\[0\]\.linkRewrite\.flags: unknown field$/],
    ['languages', { languages: [] }, /^sources\[0\]\.languages: required non-empty array of language codes$/],
    ['languages[1]', { languages: ['en', 'ZH'] }, /^sources\[0\]\.languages\[1\]: must be a BCP 47 primary subtag/],
    ['languages[1]', { languages: ['en', 'zh\n'] }, /^sources\[0\]\.languages\[1\]: must be a BCP 47 primary subtag/],
    ['languages', { languages: ['en', 'fr'] }, /^sources\[0\]\.languages: source "xinhua-en" lists \["en","fr"\], but the parser reads English–Chinese pages only/],
    ['languages', { id: 5, languages: ['en'] }, /^sources\[0\]\.languages: \["en"\], but the parser/],
    ['schedule', { schedule: 3 }, /^sources\[0\]\.schedule: required EventBridge schedule expression/],
    ['minDelayMs', { minDelayMs: '2000' }, /^sources\[0\]\.minDelayMs: must be an integer from 0 to 600000 \(got "2000"\)$/],
    ['minDelayMs', { minDelayMs: 600_001 }, /^sources\[0\]\.minDelayMs: must be an integer/],
    ['minDelayMs', { minDelayMs: 1.5 }, /^sources\[0\]\.minDelayMs: must be an integer/],
    ['allowPrivateNetwork', { allowPrivateNetwork: 'yes' }, /^sources\[0\]\.allowPrivateNetwork: must be true or false$/],
    ['homepage', { homepage: 'javascript:alert(1)' }, /^sources\[0\]\.homepage: must be http or https, not javascript$/],
    ['homepage', { homepage: '/relative' }, /^sources\[0\]\.homepage: not an absolute URL \("\/relative"\)$/],
  ])('%s: %j', (_field, over, message) => {
    const errors = errorsOf(over);
    expect(errors).toHaveLength((over as { id?: unknown }).id === 5 ? 2 : 1);
    expect(errors.at(-1)).toMatch(message);
  });

  it('takes the ends of the ranges', () => {
    expect(errorsOf({ minDelayMs: 600_000 })).toEqual([]);
    expect(errorsOf({ minDelayMs: 0 })).toEqual([]);
    expect(errorsOf({ id: 'a'.repeat(64) })).toEqual([]);
    expect(errorsOf({ id: 'a'.repeat(65) })).toHaveLength(1);
  });

  it('refuses a record that is no object', () => {
    for (const bad of [null, [good], 'x']) expect(parseSources([good, bad])).toEqual({ ok: false, errors: ['sources[1]: must be an object'] });
  });

  it('keeps a good record with its name and schedule trimmed and only the optional fields it gave', () => {
    const r = parseSources([good, { ...good, id: 'b', homepage: 'https://news.example/', allowPrivateNetwork: false }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [a, b] = r.sources;
    expect(a!.name).toBe('Xinhua bilingual');
    expect(a!.schedule).toBe('rate(1 hour)');
    expect(Object.keys(a!).sort()).toEqual(['id', 'kind', 'languages', 'linkPattern', 'minDelayMs', 'name', 'schedule', 'startUrls']);
    expect(b!.homepage).toBe('https://news.example/');
    expect(b!.allowPrivateNetwork).toBe(false);
  });
});

describe('scheduleProblem', () => {
  it.each([
    ['rate(0 minutes)', /positive integer/],
    ['rate(1 hours)', /^use "hour" with 1$/],
    ['rate(2 hour)', /^use "hours" with 2$/],
    ['cron(0 8 * * * *)', /needs "\?"/],
    ['cron(0 8 ? * * *) ', /^expected rate/],
    ['rate(1 fortnight)', /^expected rate/],
  ])('%s', (expr, problem) => {
    expect(scheduleProblem(expr)).toMatch(problem);
  });
  it.each(['rate(1 minute)', 'rate(10 days)', 'cron(0  8 ? * MON *)', 'cron( 0 8 * * ? * )'])('accepts %s', (expr) => {
    expect(scheduleProblem(expr)).toBeUndefined();
  });
});
