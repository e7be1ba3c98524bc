/**
 * Date edges found by mutation testing (npm run mutate): the exported calendar and offset
 * checks refuse negative and fractional fields and the year range's ends, page years stop at
 * PAGE_YEAR_MIN/MAX, a 24-hour "12:30" with no am/pm stays after noon, zone text is read
 * whole (anything else is Beijing time), the first of several dates wins, and a date's
 * length leaves out the spaces after it.
 */
import { describe, expect, it } from 'vitest';
import { findPageDate, isCalendarTime, isOffset, offsetText, PAGE_YEAR_MAX, PAGE_YEAR_MIN, pageZoneOffset, parsePageDate, parseRfc3339 } from '../../lambdas/core/dates.js';

describe('calendar and offset checks', () => {
  it('refuse negative, fractional and out-of-range fields', () => {
    expect(isCalendarTime(2025, 1, 1, 0, 0, 0)).toBe(true);
    expect(isCalendarTime(0, 1, 1)).toBe(true);
    expect(isCalendarTime(9999, 12, 31, 23, 59, 59)).toBe(true);
    for (const bad of [[-1, 1, 1], [10000, 1, 1], [2025.5, 1, 1], [2025, 1, 1, -1], [2025, 1, 1, 0, -1], [2025, 1, 1, 0, 0, -1], [2025, 1, 1, 0, 0, 60]] as const) {
      expect(isCalendarTime(...(bad as unknown as [number, number, number]))).toBe(false);
    }
    expect(isOffset(14, 0)).toBe(true);
    expect(isOffset(5, 59)).toBe(true);
    expect(isOffset(5, 60)).toBe(false);
    expect(isOffset(-1, 0)).toBe(false);
    expect(isOffset(0, -1)).toBe(false);
  });
  it('write offsets with and without the colon', () => {
    expect(offsetText(-330)).toBe('-05:30');
    expect(offsetText(-330, false)).toBe('-0530');
    expect(offsetText(0)).toBe('+00:00');
  });
});

describe('page dates', () => {
  it(`take years from ${PAGE_YEAR_MIN} to ${PAGE_YEAR_MAX} only`, () => {
    expect(findPageDate('1969-12-31')?.iso).toBeUndefined();
    expect(findPageDate('1970-01-01')?.iso).toBe('1970-01-01T00:00:00+08:00');
    expect(findPageDate('2200-12-31')?.iso).toBe('2200-12-31T00:00:00+08:00');
    expect(findPageDate('2201-01-01')?.iso).toBeUndefined();
  });
  it('read 12:30 with no am/pm as half past noon', () => {
    expect(findPageDate('2025-03-29 12:30')?.iso).toBe('2025-03-29T12:30:00+08:00');
  });
  it('take the first real date when several are printed, and the first stamp when none is real', () => {
    expect(findPageDate('Updated March 5, 2025; first published 2025-02-03')?.iso).toBe('2025-03-05T00:00:00+08:00');
    expect(findPageDate('First published 2025-02-03, updated 5 March 2025')?.iso).toBe('2025-02-03T00:00:00+08:00');
    const none = findPageDate('April 31, 2025 or 2025-02-30')!;
    expect(none.iso).toBeUndefined();
    expect(none.index).toBe(0);
  });
  it('measure a date without the spaces after it', () => {
    const text = '来源 2025-03-29 16:13   编辑';
    const d = findPageDate(text)!;
    expect(text.slice(d.index, d.index + d.length)).toBe('2025-03-29 16:13');
  });
  it('read <meta> values that hold no date as none', () => {
    expect(parsePageDate('')).toBeUndefined();
    expect(parsePageDate(undefined)).toBeUndefined();
    expect(parsePageDate('no date here')).toBeUndefined();
    expect(parsePageDate('2025-03-29')).toBe('2025-03-29T00:00:00+08:00');
  });
});

describe('zone text', () => {
  it('is read whole: anything that is not one of the forms is Beijing time', () => {
    expect(pageZoneOffset('GMT+5')).toBe('+05:00');
    expect(pageZoneOffset('GMT+5X')).toBe('+08:00');
    expect(pageZoneOffset('XGMT+5')).toBe('+08:00');
    expect(pageZoneOffset('+0530')).toBe('+05:30');
  });
});

describe('parseRfc3339', () => {
  it('reads a value with space around it', () => {
    expect(parseRfc3339(' 2025-03-29T16:13:28Z\n')).toEqual({ epochMs: Date.UTC(2025, 2, 29, 16, 13, 28), offsetMinutes: 0 });
  });
});
