/**
 * The feed function's HTTP layer (lambdas/feed/http.ts): the gzip variant's ETag, how
 * If-None-Match is compared (weak, lists, `*`, either variant), and which tag a 304 echoes.
 * A wrong mapping between a representation's tag and its gzip variant's breaks caches
 * silently (a reader re-downloads forever, or keeps a stale copy), so each rule has a case.
 */
import type { LambdaFunctionURLResult } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { Rendered } from '../../lambdas/core/feed/index.js';
import { Lru, conditionsOf, etagMatches, gzipTagOf, representation } from '../../lambdas/feed/http.js';

type Result = Exclude<LambdaFunctionURLResult, string> & { headers: Record<string, string> };

const TAG = '"aB3_-x"';
const GZ = '"aB3_-x-gzip"';
const BODY = 'x'.repeat(2000);

function respond(headers: Record<string, string>, method = 'GET', result: Partial<Rendered> = {}): Result {
  const rendered: Rendered = { status: 200, body: BODY, contentType: 'application/atom+xml; charset=utf-8', etag: TAG, lastModified: Date.UTC(2025, 3, 1), ...result };
  return representation(rendered, { method, conditions: conditionsOf(headers), acceptEncoding: headers['accept-encoding'], gzipped: new Lru<string>((b) => b.length) }) as Result;
}

describe('the gzip variant’s tag', () => {
  it('is the identity tag with -gzip inside the quotes: still one strong entity-tag', () => {
    expect(gzipTagOf(TAG)).toBe(GZ);
    expect(gzipTagOf('"0"')).toBe('"0-gzip"');
  });

  it('goes with a gzipped body, and only with one', () => {
    expect(respond({ 'accept-encoding': 'gzip' }).headers).toMatchObject({ etag: GZ, 'content-encoding': 'gzip' });
    const plain = respond({});
    expect(plain.headers.etag).toBe(TAG);
    expect(plain.headers['content-encoding']).toBeUndefined();
    // Too small to be worth gzip: identity body, identity tag.
    expect(respond({ 'accept-encoding': 'gzip' }, 'GET', { body: 'tiny' }).headers.etag).toBe(TAG);
  });
});

describe('If-None-Match', () => {
  it.each([
    [TAG, TAG, true],
    [GZ, TAG, true],
    [TAG, GZ, true],
    [`W/${GZ}`, TAG, true],
    [`"other", ${GZ}`, TAG, true],
    ['*', TAG, true],
    ['"aB3_-x-gzip-gzip"', TAG, false],
    ['"aB3_-xgzip"', TAG, false],
    ['"ab3_-x"', TAG, false],
    ['"other-gzip"', TAG, false],
  ])('%s against %s → %s', (header, etag, match) => {
    expect(etagMatches(header, etag)).toBe(match);
  });

  it.each([
    // what the client holds, what it accepts → the tag the 304 carries
    { holds: TAG, accepts: undefined, echoed: TAG },
    { holds: GZ, accepts: 'gzip', echoed: GZ },
    { holds: GZ, accepts: undefined, echoed: TAG },
    { holds: TAG, accepts: 'gzip', echoed: GZ },
  ])('a client holding $holds, accepting $accepts, gets 304 with $echoed (the tag of what a 200 would send)', ({ holds, accepts, echoed }) => {
    const r = respond({ 'if-none-match': holds, ...(accepts ? { 'accept-encoding': accepts } : {}) });
    expect(r.statusCode).toBe(304);
    expect(r.body).toBeUndefined();
    expect(r.headers.etag).toBe(echoed);
  });

  it.each([
    { holds: TAG, echoed: TAG },
    { holds: GZ, echoed: GZ },
    { holds: `"other", ${GZ}`, echoed: GZ },
  ])('when the core found the copy current before rendering, the 304 echoes the variant held: $holds → $echoed', ({ holds, echoed }) => {
    const r = representation(
      { status: 304, contentType: 'application/atom+xml; charset=utf-8', etag: TAG },
      { method: 'GET', conditions: conditionsOf({ 'if-none-match': holds }), acceptEncoding: 'gzip', gzipped: new Lru<string>((b) => b.length) },
    ) as Result;
    expect(r.statusCode).toBe(304);
    expect(r.headers.etag).toBe(echoed);
  });

  it('a tag for another representation gets the full 200', () => {
    const r = respond({ 'if-none-match': '"other-gzip"', 'accept-encoding': 'gzip' });
    expect(r.statusCode).toBe(200);
    expect(r.isBase64Encoded).toBe(true);
  });
});
