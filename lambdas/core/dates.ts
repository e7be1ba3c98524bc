/**
 * Dates, once for the whole code: the calendar and offset rules, RFC 3339 read and written
 * (the article contract, the store's times, the feeds), and the dates news pages print
 * (numeric, Chinese and English forms, with or without a zone). A date that is not on the
 * calendar (2025-02-31, 24:00, minute 60) or whose offset is beyond ±14:00 is not a date:
 * every reader here returns undefined for it rather than roll it over.
 */

/** An instant and the offset its source wrote it in. */
export interface ZonedTime {
  /** Milliseconds since the epoch. */
  epochMs: number;
  /** Minutes east of UTC that the source wrote (0 for `Z`). */
  offsetMinutes: number;
}

/** Offsets in use run from UTC−12:00 to UTC+14:00; nothing further exists. */
export const MAX_OFFSET_MINUTES = 14 * 60;

/** A bare local time on a Chinese news site is Beijing time (China has one zone, no summer time). */
export const BEIJING_OFFSET = '+08:00';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in a month of the proleptic Gregorian calendar (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A wall-clock time that exists: month 1–12, the month's days, 00:00:00–23:59:59. */
export function isCalendarTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): boolean {
  return (
    Number.isInteger(year) && year >= 0 && year <= 9999 &&
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) &&
    hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59
  );
}

/** An offset of hours and minutes exists: minutes below 60, at most ±14:00 in all. */
export function isOffset(hours: number, minutes: number): boolean {
  return minutes >= 0 && minutes <= 59 && hours >= 0 && hours * 60 + minutes <= MAX_OFFSET_MINUTES;
}

/** Milliseconds since the epoch of a calendar time in UTC (years 0–99 too, which Date.UTC maps to 1900–1999). */
function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  const t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a fast path; setting the full year again is a no-op for years 100 and up.
  if (year >= 100) return t;
  const d = new Date(t);
  d.setUTCFullYear(year);
  return d.getTime();
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|([+-])(\d{2}):?(\d{2}))$/;

/** Parses RFC 3339 (seconds optional); undefined for anything else: bare local times, dates off the calendar, offsets beyond ±14:00. */
export function parseRfc3339(s: string | undefined): ZonedTime | undefined {
  if (!s) return undefined;
  const m = RFC3339.exec(s.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (!isCalendarTime(y, mo, d, h, mi, sec)) return undefined;
  let offsetMinutes = 0;
  if (m[9]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (!isOffset(oh, om)) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const frac = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  return { epochMs: utcMs(y, mo, d, h, mi, sec, frac) - offsetMinutes * 60_000, offsetMinutes };
}

/** `+08:00`, `-05:30`; with colon false `+0800` (RSS). */
export function offsetText(minutes: number, colon = true): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

/** The wall-clock fields of a zoned time, in its own offset (read with getUTC*). */
export function wallClock(t: ZonedTime): Date {
  return new Date(t.epochMs + t.offsetMinutes * 60_000);
}

/**
 * `2025-03-29T16:13:28+08:00` (UTC is written `Z`). Whole seconds, unless `millis` is set and
 * the instant has them: store times (when duofeed saw or changed an article) keep their
 * milliseconds in `updated`, so articles stored within one second stay distinct (feed
 * validators flag entries sharing one `updated`); dates read off pages are whole seconds anyway.
 */
export function formatRfc3339(t: ZonedTime, opts: { millis?: boolean } = {}): string {
  const d = wallClock(t);
  const ms = d.getUTCMilliseconds();
  const base =
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    (opts.millis && ms !== 0 ? `.${pad(ms, 3)}` : '');
  return base + (t.offsetMinutes === 0 ? 'Z' : offsetText(t.offsetMinutes, true));
}

// ─── Dates as news pages print them ────────────────────────────────────────────────────────

/** Years a news page's date may carry; anything else is a number that looks like one. */
export const PAGE_YEAR_MIN = 1970;
export const PAGE_YEAR_MAX = 2200;

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH_RE = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const TIME_RE = '(?:[T\\s,]*(?:at\\s+)?(\\d{1,2})\\s*[:：时時]\\s*(\\d{2})(?:\\s*[:：分]\\s*(\\d{2}))?\\s*[秒分]?(?:\\.\\d+)?\\s*([ap]\\.?m\\.?)?)?';
const ZONE_RE = '(?:\\s*(Z|[+-]\\d{2}:?\\d{2}|\\(?(?:GMT|UTC)\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?\\)?|GMT|UTC|BJT|CST|Beijing\\s+Time|北京时间|北京時間))?';

/** 2025-03-29 16:13:28, 2025/3/29 16:13, 2025.03.29, 2025年3月29日 16时13分. */
const NUMERIC = new RegExp(`(?<!\\d)(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)\\s*日?${TIME_RE}${ZONE_RE}`, 'i');
/** March 29, 2025 4:30 pm. */
const MDY = new RegExp(`\\b${MONTH_RE}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b${TIME_RE}${ZONE_RE}`, 'i');
/** 29 March 2025 16:13. */
const DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE}\\.?,?\\s+(\\d{4})\\b${TIME_RE}${ZONE_RE}`, 'i');

const YEAR = /\d{4}/;

/**
 * The offset a page's zone text names, as RFC 3339 writes it: none means Beijing time; Z,
 * GMT and UTC are +00:00; "+0800", "GMT-5", "UTC+8", "(GMT+05:30)" keep their sign; BJT,
 * CST (China Standard Time, on Chinese sites) and Beijing Time are +08:00. Undefined for an
 * offset that does not exist (+99:00, GMT+15, +08:60).
 */
export function pageZoneOffset(zone: string | undefined): string | undefined {
  if (!zone) return BEIJING_OFFSET;
  const z = zone.replace(/[()\s]/g, '').toUpperCase();
  if (z === 'Z' || z === 'GMT' || z === 'UTC') return '+00:00';
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (m) {
    const hours = Number(m[2]);
    // Stryker disable next-line StringLiteral: Number('') is 0 too.
    const minutes = Number(m[3] ?? '0');
    // The sign as written: "-00:00" (RFC 3339's "offset unknown") stays.
    return isOffset(hours, minutes) ? `${m[1]}${pad(hours)}:${pad(minutes)}` : undefined;
  }
  return BEIJING_OFFSET;
}

/**
 * A page date's fields as RFC 3339 with the page's offset, or undefined when they are not a
 * time on the calendar. With am/pm, 12 am is midnight and 12 pm noon.
 */
function pageTime(y: number, mo: number, d: number, h: string | undefined, mi: string | undefined, s: string | undefined, ampm: string | undefined, zone: string | undefined): string | undefined {
  if (y < PAGE_YEAR_MIN || y > PAGE_YEAR_MAX) return undefined;
  let hour = h === undefined ? 0 : Number(h);
  const min = mi === undefined ? 0 : Number(mi);
  const sec = s === undefined ? 0 : Number(s);
  if (ampm) {
    // Stryker disable next-line Regex: the am/pm group starts with its one a or p, so an unanchored p finds the same.
    const pm = /^p/i.test(ampm);
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
  }
  if (!isCalendarTime(y, mo, d, hour, min, sec)) return undefined;
  const offset = pageZoneOffset(zone);
  if (offset === undefined) return undefined;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(hour)}:${pad(min)}:${pad(sec)}${offset}`;
}

export interface FoundDate {
  /** RFC 3339, e.g. 2025-03-29T16:13:28+08:00; undefined when the text has a date's shape but is no date (2025-02-31, +99:00). */
  iso: string | undefined;
  /** Where the date's text starts in the text searched, and how long it is. */
  index: number;
  length: number;
}

/**
 * The first date in a text, in any of the forms pages print (the first real one; failing
 * that, the first text shaped like one, with iso undefined: it is still a date stamp, not
 * prose). A time without a zone is read as Beijing time (+08:00): these are Chinese sites,
 * and their pages print local time.
 */
export function findPageDate(text: string): FoundDate | undefined {
  // Each of the three forms holds a four-digit year.
  // Stryker disable next-line ConditionalExpression: a fast path; each form's own pattern needs the four digits too.
  if (!YEAR.test(text)) return undefined;
  const found: FoundDate[] = [];
  const n = NUMERIC.exec(text);
  if (n) found.push({ iso: pageTime(Number(n[1]), Number(n[2]), Number(n[3]), n[4], n[5], n[6], n[7], n[8]), index: n.index, length: n[0].length });
  const a = MDY.exec(text);
  if (a) found.push({ iso: pageTime(Number(a[3]), MONTHS[a[1]!.toLowerCase()] ?? 0, Number(a[2]), a[4], a[5], a[6], a[7], a[8]), index: a.index, length: a[0].length });
  const b = DMY.exec(text);
  if (b) found.push({ iso: pageTime(Number(b[3]), MONTHS[b[2]!.toLowerCase()] ?? 0, Number(b[1]), b[4], b[5], b[6], b[7], b[8]), index: b.index, length: b[0].length });
  found.sort((x, y) => (x.iso === undefined) !== (y.iso === undefined) ? (x.iso === undefined ? 1 : -1) : x.index - y.index);
  const first = found[0];
  if (first) {
    // Trim trailing whitespace/comma the optional groups may have swallowed.
    const raw = text.slice(first.index, first.index + first.length);
    first.length = raw.replace(/[\s,]+$/, '').length;
  }
  return first;
}

/** A page's machine-readable date (a <meta> timestamp) as RFC 3339; bare local times become +08:00. */
export function parsePageDate(value: string | undefined): string | undefined {
  // Stryker disable next-line ConditionalExpression: findPageDate('') is undefined as well.
  if (!value) return undefined;
  return findPageDate(value)?.iso;
}
