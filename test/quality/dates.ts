/**
 * Date lines as bilingual sites print them, each with the gold `published` it implies.
 * A form without an offset is a bare local time, which on a Chinese site means +08:00, so
 * bare forms are only printed in +08:00; a form without a time means 00:00 that day (the
 * parser's documented decision). 12-hour forms print 00:xx as 12:xx AM and 12:xx as 12:xx PM.
 */
export interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

const RFC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?([+-])(\d{2}):(\d{2})$/;

export function parseRfc3339(s: string): { ms: number; offsetMin: number } {
  const m = RFC.exec(s);
  if (!m) throw new Error(`not an RFC 3339 date with an offset: ${s}`);
  const offsetMin = (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0)) - offsetMin * 60_000;
  return { ms, offsetMin };
}

export function wallAt(ms: number, offsetMin: number): Wall {
  const t = new Date(ms + offsetMin * 60_000);
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds() };
}

const p2 = (n: number) => String(n).padStart(2, '0');

export function offsetText(offsetMin: number): string {
  const sign = offsetMin < 0 ? '-' : '+';
  const a = Math.abs(offsetMin);
  return `${sign}${p2(Math.floor(a / 60))}:${p2(a % 60)}`;
}

export function rfc3339(w: Wall, offsetMin: number): string {
  return `${w.y}-${p2(w.mo)}-${p2(w.d)}T${p2(w.h)}:${p2(w.mi)}:${p2(w.s)}${offsetText(offsetMin)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function twelve(h: number): { h12: number; am: boolean } {
  return { h12: h % 12 === 0 ? 12 : h % 12, am: h < 12 };
}

/** "GMT+8", "GMT-5", "GMT" — the way sites print an offset after a time. */
function gmt(offsetMin: number): string {
  if (offsetMin === 0) return 'GMT';
  const sign = offsetMin < 0 ? '-' : '+';
  const a = Math.abs(offsetMin);
  return `GMT${sign}${Math.floor(a / 60)}${a % 60 ? `:${p2(a % 60)}` : ''}`;
}

export const DATE_FORMS = {
  /** 2025-03-29 16:13:28 */
  iso: { bare: true, time: true, secs: true, show: (w: Wall) => `${w.y}-${p2(w.mo)}-${p2(w.d)} ${p2(w.h)}:${p2(w.mi)}:${p2(w.s)}` },
  /** 2025-03-29 16:13 */
  isoMin: { bare: true, time: true, secs: false, show: (w: Wall) => `${w.y}-${p2(w.mo)}-${p2(w.d)} ${p2(w.h)}:${p2(w.mi)}` },
  /** 2025/03/29 16:13 */
  slash: { bare: true, time: true, secs: false, show: (w: Wall) => `${w.y}/${p2(w.mo)}/${p2(w.d)} ${p2(w.h)}:${p2(w.mi)}` },
  /** 2025年3月29日 16:13 */
  zh: { bare: true, time: true, secs: false, show: (w: Wall) => `${w.y}年${w.mo}月${w.d}日 ${p2(w.h)}:${p2(w.mi)}` },
  /** 2025年03月29日16:13 */
  zhPad: { bare: true, time: true, secs: false, show: (w: Wall) => `${w.y}年${p2(w.mo)}月${p2(w.d)}日${p2(w.h)}:${p2(w.mi)}` },
  /** 2025年3月29日 (no time: 00:00 +08:00) */
  zhDate: { bare: true, time: false, secs: false, show: (w: Wall) => `${w.y}年${w.mo}月${w.d}日` },
  /** 2025-03-29 (no time) */
  isoDate: { bare: true, time: false, secs: false, show: (w: Wall) => `${w.y}-${p2(w.mo)}-${p2(w.d)}` },
  /** Mar 29, 2025 04:13 PM — a bare local time, as an English page of a Beijing paper prints it */
  enShortAmPm: {
    bare: true,
    time: true,
    secs: false,
    show: (w: Wall) => {
      const { h12, am } = twelve(w.h);
      return `${MON[w.mo - 1]} ${w.d}, ${w.y} ${p2(h12)}:${p2(w.mi)} ${am ? 'AM' : 'PM'}`;
    },
  },
  /** March 29, 2025 4:13 p.m. GMT-5 */
  enLongAmPmGmt: {
    bare: false,
    time: true,
    secs: false,
    show: (w: Wall, off: number) => {
      const { h12, am } = twelve(w.h);
      return `${MONTHS[w.mo - 1]} ${w.d}, ${w.y} ${h12}:${p2(w.mi)} ${am ? 'a.m.' : 'p.m.'} ${gmt(off)}`;
    },
  },
  /** 29 March 2025, 16:13 GMT+8 */
  enDayGmt: { bare: false, time: true, secs: false, show: (w: Wall, off: number) => `${w.d} ${MONTHS[w.mo - 1]} ${w.y}, ${p2(w.h)}:${p2(w.mi)} ${gmt(off)}` },
  /** 2025-03-29 16:13 GMT+8 */
  isoGmt: { bare: false, time: true, secs: false, show: (w: Wall, off: number) => `${w.y}-${p2(w.mo)}-${p2(w.d)} ${p2(w.h)}:${p2(w.mi)} ${gmt(off)}` },
} as const;

export type DateForm = keyof typeof DATE_FORMS;
export const BEIJING = 480;

export interface PrintedDate {
  text: string;
  /** What `published` must be for this line (RFC 3339). */
  gold: string;
  /** The instant with its offset, for <time datetime> and article:published_time. */
  machine: string;
}

/** Prints `published` in `form`, in `offsetMin` (forced to +08:00 for bare forms). */
export function printDate(published: string, form: DateForm, offsetMin: number): PrintedDate {
  const f = DATE_FORMS[form];
  const off = f.bare ? BEIJING : offsetMin;
  const { ms } = parseRfc3339(published);
  const w = wallAt(ms, off);
  const text = f.show(w, off);
  const gold = f.time ? rfc3339({ ...w, s: f.secs ? w.s : 0 }, off) : rfc3339({ ...w, h: 0, mi: 0, s: 0 }, off);
  return { text, gold, machine: rfc3339(w, off) };
}
