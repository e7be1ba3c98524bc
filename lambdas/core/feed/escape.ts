/**
 * Escaping for everything the feed renderers write. Article text is plain text (the parser
 * folds pages to paragraphs), so nothing from a source page is ever passed through as markup:
 * every string is escaped, and URLs are reduced to http(s) only. That is the whole sanitiser —
 * there is no HTML to clean because none is let in.
 */

/**
 * Escapes text for XML/HTML element content and attribute values (both quote styles), and
 * drops what XML 1.0 cannot carry at all — C0 controls other than tab/LF/CR, lone surrogates,
 * U+FFFE/U+FFFF — since one such character makes a whole feed unparseable.
 *
 * Every paragraph goes through here, so it is most of the cost of rendering a feed: a native
 * regex test answers "nothing to do" for most paragraphs, and the rest take one pass over char
 * codes that copies untouched runs by slice (a regex replace with a callback was far slower).
 */
const NEEDS_WORK = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function escapeXml(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string;
    if (c > 0x3e && c < 0xd800) continue; // the common case: letters, hanzi
    if (c === 0x26) rep = '&amp;';
    else if (c === 0x3c) rep = '&lt;';
    else if (c === 0x3e) rep = '&gt;';
    else if (c === 0x22) rep = '&quot;';
    else if (c === 0x27) rep = '&#39;';
    else if (c < 0x20) {
      if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
      rep = '';
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      rep = '';
    } else if ((c >= 0xdc00 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) rep = '';
    else continue;
    out += s.slice(last, i) + rep;
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * A CDATA section for markup that is already well-formed and free of invalid characters
 * (our content HTML): no second escaping pass, smaller output. `]]>` is split across sections.
 */
export function cdata(s: string): string {
  return `<![CDATA[${s.includes(']]>') ? s.replaceAll(']]>', ']]]]><![CDATA[>') : s}]]>`;
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
