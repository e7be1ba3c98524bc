/**
 * Dates as feeds and HTTP write them. Dates keep the offset the article was published with:
 * a Beijing article reads `+08:00` in Atom/JSON Feed (formatRfc3339, ../dates.ts) and
 * `+0800` in RSS. Never a zone abbreviation (`CST` means three different zones), never a
 * reinterpretation in the server's zone.
 */
import { offsetText, wallClock, type ZonedTime } from '../dates.js';

const pad = (n: number): string => String(n).padStart(2, '0');

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 822 as RSS 2.0 wants it, four-digit year, numeric offset: `Sat, 29 Mar 2025 16:13:28 +0800`. */
export function formatRfc822(t: ZonedTime): string {
  const d = wallClock(t);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${offsetText(t.offsetMinutes, false)}`;
}

/** HTTP-date (RFC 9110), always GMT. */
export function formatHttpDate(epochMs: number): string {
  return formatRfc822({ epochMs, offsetMinutes: 0 }).replace(/\+0000$/, 'GMT');
}

/** Parses an HTTP-date (IMF-fixdate; Date.parse also takes the obsolete forms). */
export function parseHttpDate(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : ms;
}
