/**
 * Escaping for everything the feed renderers write. Article text is plain text (the parser
 * folds pages to paragraphs), so nothing from a source page is ever passed through as markup:
 * every string is escaped, and URLs are reduced to http(s) only. That is the whole sanitiser —
 * there is no HTML to clean because none is let in.
 */

// XML 1.0 forbids C0 controls (except tab, LF, CR), lone surrogates and U+FFFE/U+FFFF; one such
// character makes a whole feed unparseable, so they are dropped rather than escaped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"']/;
const SPECIAL_G = /[&<>"']/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Removes characters XML 1.0 cannot carry at all. */
export function stripInvalidXml(s: string): string {
  return s.replace(INVALID_XML, '');
}

/** Escapes text for XML/HTML element content and attribute values (both quote styles). */
export function escapeXml(s: string): string {
  const clean = stripInvalidXml(s);
  // The common case (no special character) returns the string untouched, which keeps the
  // renderers fast on long Chinese paragraphs.
  return SPECIAL.test(clean) ? clean.replace(SPECIAL_G, (c) => ENTITY[c] ?? c) : clean;
}

/**
 * The URL when it is an absolute http(s) URL, else undefined: no `javascript:`, `data:` or
 * relative URL from a source page can become a link in a reader.
 */
export function safeHttpUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  if (u.username || u.password) return undefined;
  return u.href;
}

/** BCP 47-ish primary tag check for values that go into lang attributes. */
export function safeLang(lang: string): string {
  return /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(lang) ? lang : 'und';
}
