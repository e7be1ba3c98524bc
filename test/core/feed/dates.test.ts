/**
 * Dates as RSS and HTTP write them: RFC 822 with a four-digit year and the article's own
 * numeric offset, HTTP-dates in GMT, and reading HTTP-dates back. Expected values worked out
 * by hand (2025-03-29 was a Saturday).
 */
import { describe, expect, it } from 'vitest';
import { formatHttpDate, formatRfc822, parseHttpDate } from '../../../lambdas/core/feed/dates.js';

const at = (iso: string, offsetMinutes = 0) => ({ epochMs: Date.parse(iso), offsetMinutes });

describe('formatRfc822', () => {
  it('writes the wall clock in the offset, zero-padded, with every day and month name', () => {
    expect(formatRfc822(at('2025-03-29T08:13:28Z', 480))).toBe('Sat, 29 Mar 2025 16:13:28 +0800');
    expect(formatRfc822(at('2025-01-05T03:04:05Z', -330))).toBe('Sat, 04 Jan 2025 21:34:05 -0530');
    expect(formatRfc822(at('2025-12-31T23:59:59.999Z'))).toBe('Wed, 31 Dec 2025 23:59:59 +0000');
    const days = [...Array(7).keys()].map((d) => formatRfc822(at(`2025-06-${String(1 + d).padStart(2, '0')}T00:00:00Z`)).slice(0, 3));
    expect(days).toEqual(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    const months = [...Array(12).keys()].map((m) => formatRfc822(at(`2025-${String(1 + m).padStart(2, '0')}-10T00:00:00Z`)).slice(8, 11));
    expect(months).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
  });
});

describe('HTTP dates', () => {
  it('formats in GMT, never +0000', () => {
    expect(formatHttpDate(Date.parse('1994-11-06T08:49:37Z'))).toBe('Sun, 06 Nov 1994 08:49:37 GMT');
    expect(formatHttpDate(Date.parse('2025-04-01T00:00:00.900Z'))).toBe('Tue, 01 Apr 2025 00:00:00 GMT');
  });
  it('parses IMF-fixdate and the obsolete forms; undefined for nothing or nonsense', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(Date.parse('1994-11-06T08:49:37Z'));
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(Date.parse('1994-11-06T08:49:37Z'));
    expect(parseHttpDate('Thu, 01 Jan 1970 00:00:00 GMT')).toBe(0);
    expect(parseHttpDate(undefined)).toBeUndefined();
    expect(parseHttpDate('')).toBeUndefined();
    expect(parseHttpDate('yesterday')).toBeUndefined();
  });
});
