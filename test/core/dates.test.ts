import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, findPageDate, formatRfc3339, isCalendarTime, pageZoneOffset, parsePageDate, parseRfc3339 } from '../../lambdas/core/dates.js';
import { parseMetaLine } from '../../lambdas/core/parse/metadata.js';

describe('findPageDate', () => {
  it.each([
    ['2025-03-29 16:13:28', '2025-03-29T16:13:28+08:00'],
    ['2025/03/29 16:13', '2025-03-29T16:13:00+08:00'],
    ['2025.03.29 16:13', '2025-03-29T16:13:00+08:00'],
    ['2025年3月29日 16:13', '2025-03-29T16:13:00+08:00'],
    ['2025年3月29日', '2025-03-29T00:00:00+08:00'],
    ['发布时间：2025-03-29 16时13分', '2025-03-29T16:13:00+08:00'],
    ['March 29, 2025 16:13', '2025-03-29T16:13:00+08:00'],
    ['Mar. 5, 2025 4:30 pm', '2025-03-05T16:30:00+08:00'],
    ['29 March 2025', '2025-03-29T00:00:00+08:00'],
    ['Updated: 2025-03-29 16:13 BJT', '2025-03-29T16:13:00+08:00'],
    ['2025-03-29 16:13 CST', '2025-03-29T16:13:00+08:00'],
    ['2025-03-29 16:13 北京时间', '2025-03-29T16:13:00+08:00'],
    ['2025-03-29T08:13:28Z', '2025-03-29T08:13:28+00:00'],
    ['2025-03-29T16:13:28+08:00', '2025-03-29T16:13:28+08:00'],
    ['2025-03-29 08:13 GMT', '2025-03-29T08:13:00+00:00'],
    ['The 1997 convention was signed by 160 states', undefined],
    ['2025-13-40', undefined],
  ])('%s → %s', (text, iso) => {
    expect(findPageDate(text)?.iso).toBe(iso);
  });

  it.each([
    // The 12-hour clock: 12 am is midnight, 12 pm noon.
    ['March 29, 2025 12:05 am', '2025-03-29T00:05:00+08:00'],
    ['March 29, 2025 12:05 a.m.', '2025-03-29T00:05:00+08:00'],
    ['March 29, 2025 12:05 pm', '2025-03-29T12:05:00+08:00'],
    ['March 29, 2025 12:05 PM', '2025-03-29T12:05:00+08:00'],
    ['March 29, 2025 1:05 pm', '2025-03-29T13:05:00+08:00'],
    ['March 29, 2025 11:59 pm', '2025-03-29T23:59:00+08:00'],
    ['March 29, 2025 1:05 am', '2025-03-29T01:05:00+08:00'],
    ['2025-03-29 13:05 pm', undefined],
  ])('reads the 12-hour clock: %s → %s', (text, iso) => {
    expect(findPageDate(text)?.iso).toBe(iso);
  });

  it.each([
    // Zones keep their sign and minutes.
    ['2025-03-29 08:13 GMT-5', '2025-03-29T08:13:00-05:00'],
    ['2025-03-29 08:13 GMT+5', '2025-03-29T08:13:00+05:00'],
    ['2025-03-29 08:13 UTC+8', '2025-03-29T08:13:00+08:00'],
    ['2025-03-29 08:13 UTC-11', '2025-03-29T08:13:00-11:00'],
    ['2025-03-29 08:13 GMT+05:30', '2025-03-29T08:13:00+05:30'],
    ['2025-03-29 08:13 (GMT-03:30)', '2025-03-29T08:13:00-03:30'],
    ['2025-03-29 08:13 -0500', '2025-03-29T08:13:00-05:00'],
    ['2025-03-29 08:13 +14:00', '2025-03-29T08:13:00+14:00'],
    ['2025-03-29 08:13 -12:00', '2025-03-29T08:13:00-12:00'],
  ])('reads the zone: %s → %s', (text, iso) => {
    expect(findPageDate(text)?.iso).toBe(iso);
  });

  it.each([
    // Not on the calendar.
    '2025-02-31 10:00',
    '2025-02-29',
    '2100-02-29',
    '2025-04-31',
    'April 31, 2025',
    '31 June 2025',
    '2025-03-29 24:00',
    '2025-03-29 16:60',
    '2025-03-29 16:13:60',
    // Offsets that do not exist.
    '2025-03-29 08:13 +99:00',
    '2025-03-29 08:13 +14:01',
    '2025-03-29 08:13 -15:00',
    '2025-03-29 08:13 GMT+15',
    '2025-03-29 08:13 +08:60',
  ])('refuses %s (still a date stamp, but no date)', (text) => {
    const d = findPageDate(text);
    expect(d).toBeDefined();
    expect(d!.iso).toBeUndefined();
  });

  it('prefers a real date in another form to an earlier stamp that is none', () => {
    expect(findPageDate('2025-02-31 / March 1, 2025')?.iso).toBe('2025-03-01T00:00:00+08:00');
  });

  it.each([
    ['2024-02-29', '2024-02-29T00:00:00+08:00'],
    ['2000-02-29', '2000-02-29T00:00:00+08:00'],
    ['2025-04-30', '2025-04-30T00:00:00+08:00'],
    ['2025-12-31 23:59:59', '2025-12-31T23:59:59+08:00'],
  ])('takes the last day of a month: %s', (text, iso) => {
    expect(findPageDate(text)?.iso).toBe(iso);
  });

  it('finds where the date is, without the separators after it', () => {
    const text = '来源：新华网 2025-03-29 16:13, 编辑：王五';
    const d = findPageDate(text)!;
    expect(text.slice(d.index, d.index + d.length)).toBe('2025-03-29 16:13');
  });

  it('refuses an impossible date in a label line (which stays a label line) and in a <meta> date, as the feed does', () => {
    expect(parseMetaLine('发布时间：2025-02-31 10:00')).toEqual({});
    expect(parseMetaLine('2025-02-31 10:00')).toEqual({});
    expect(parseMetaLine('Source: Xinhua | 2025-02-31 10:00')).toEqual({ source: 'Xinhua' });
    expect(parseMetaLine('Source: Xinhua 2025-03-29 08:13 +99:00')).toEqual({ source: 'Xinhua' });
    expect(parsePageDate('2025-02-30T10:00:00+08:00')).toBeUndefined();
    expect(parseRfc3339('2025-02-30T10:00:00+08:00')).toBeUndefined();
  });

  it('writes only what parseRfc3339 reads back to the same wall-clock time and offset', () => {
    const text = fc
      .tuple(fc.integer({ min: 1965, max: 2205 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.constantFrom('', ' am', ' pm', ' GMT-5', ' UTC+14', ' +15:00', ' GMT+05:30', ' Z', ' BJT'))
      .map(([y, mo, d, h, mi, z]) => `${y}-${mo}-${d} ${h}:${String(mi).padStart(2, '0')}${z}`);
    fc.assert(
      fc.property(text, (s) => {
        const iso = findPageDate(s)?.iso;
        if (iso === undefined) return;
        const t = parseRfc3339(iso);
        expect(t).toBeDefined();
        const local = formatRfc3339(t!);
        expect(local.slice(0, 19)).toBe(iso.slice(0, 19));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('pageZoneOffset', () => {
  it.each([
    [undefined, '+08:00'],
    ['Z', '+00:00'],
    ['UTC', '+00:00'],
    ['GMT-5', '-05:00'],
    ['GMT - 5', '-05:00'],
    ['UTC+8', '+08:00'],
    ['(GMT+05:30)', '+05:30'],
    ['+0545', '+05:45'],
    ['-00:00', '-00:00'],
    ['CST', '+08:00'],
    ['Beijing Time', '+08:00'],
    ['+14:30', undefined],
    ['GMT+15', undefined],
  ])('%s → %s', (zone, offset) => {
    expect(pageZoneOffset(zone)).toBe(offset);
  });
});

describe('the calendar', () => {
  it('has the Gregorian month lengths', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect([1900, 2000, 2024, 2100].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 29, 28]);
  });

  it('agrees with Date on every day it accepts and every day it refuses', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2400 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const rolled = new Date(Date.UTC(y, m - 1, d));
        const onCalendar = m >= 1 && m <= 12 && d >= 1 && rolled.getUTCFullYear() === y && rolled.getUTCMonth() === m - 1 && rolled.getUTCDate() === d;
        expect(isCalendarTime(y, m, d)).toBe(onCalendar);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseRfc3339', () => {
  it.each([
    ['2025-03-29T16:13:28+08:00', Date.UTC(2025, 2, 29, 8, 13, 28), 480],
    ['2025-03-29T16:13:28-05:30', Date.UTC(2025, 2, 29, 21, 43, 28), -330],
    ['2025-03-29T16:13:28+14:00', Date.UTC(2025, 2, 29, 2, 13, 28), 840],
    ['2025-03-29T16:13:28-1200', Date.UTC(2025, 2, 30, 4, 13, 28), -720],
    ['2025-03-29 16:13Z', Date.UTC(2025, 2, 29, 16, 13, 0), 0],
    ['2025-03-29T16:13:28.250Z', Date.UTC(2025, 2, 29, 16, 13, 28, 250), 0],
    // A year below 100 is that year, not 19xx (Date.UTC's two-digit years).
    ['0050-01-01T00:00:00Z', -60_589_296_000_000, 0],
  ])('%s', (s, epochMs, offsetMinutes) => {
    expect(parseRfc3339(s)).toEqual({ epochMs, offsetMinutes });
  });

  it.each(['2025-02-29T10:00:00Z', '2025-04-31T10:00:00Z', '2025-03-29T16:13:60Z', '2025-03-29T10:00:00+14:01', '2025-03-29T10:00:00-15:00', '2025-03-29T10:00:00+99:00', '2025-03-29T10:00:00+08:60', '2025-03-29T10:00:00'])('refuses %s', (s) => {
    expect(parseRfc3339(s)).toBeUndefined();
  });
});
