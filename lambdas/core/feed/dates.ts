/**
 * Dates keep the offset the article was published with: a Beijing article reads
 * `+08:00` in Atom/JSON Feed and `+0800` in RSS. Never a zone abbreviation (`CST` means
 * three different zones), never a reinterpretation in the server's zone.
 */

export interface ZonedTime {
  /** Milliseconds since the epoch. */
  epochMs: number;
  /** Minutes east of UTC that the source wrote (0 for `Z`). */
  offsetMinutes: number;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})$/;

/** Parses RFC 3339 (seconds optional); undefined for anything else, including bare local times. */
export function parseRfc3339(s: string | undefined): ZonedTime | undefined {
  if (!s) return undefined;
  const m = RFC3339.exec(s.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, frac, off] = m;
  let offsetMinutes = 0;
  if (off && off !== 'Z' && off !== 'z') {
    const sign = off[0] === '-' ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
    if (Math.abs(offsetMinutes) > 18 * 60) return undefined;
  }
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec ?? 0), frac ? Math.round(Number(frac) * 1000) : 0);
  if (Number.isNaN(local)) return undefined;
  // Date.UTC silently rolls over (Feb 30 → Mar 2); a date that rolls is not a date.
  const check = new Date(local);
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23 || Number(mi) > 59 || Number(sec ?? 0) > 59) return undefined;
  return { epochMs: local - offsetMinutes * 60_000, offsetMinutes };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function shifted(t: ZonedTime): Date {
  return new Date(t.epochMs + t.offsetMinutes * 60_000);
}

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

/**
 * `2025-03-29T16:13:28+08:00` (UTC is written `Z`). Whole seconds, unless `millis` is set and
 * the instant has them: store times (when duofeed saw or changed an article) keep their
 * milliseconds in `updated`, so articles stored within one second stay distinct (feed
 * validators flag entries sharing one `updated`); dates read off pages are whole seconds anyway.
 */
export function formatRfc3339(t: ZonedTime, opts: { millis?: boolean } = {}): string {
  const d = shifted(t);
  const ms = d.getUTCMilliseconds();
  const base =
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    (opts.millis && ms !== 0 ? `.${pad(ms, 3)}` : '');
  return base + (t.offsetMinutes === 0 ? 'Z' : offsetText(t.offsetMinutes, true));
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 822 as RSS 2.0 wants it, four-digit year, numeric offset: `Sat, 29 Mar 2025 16:13:28 +0800`. */
export function formatRfc822(t: ZonedTime): string {
  const d = shifted(t);
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
