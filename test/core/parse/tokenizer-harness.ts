/**
 * Test harness: the events the parser's HTML reader (tokenizer.ts) reports and the events
 * htmlparser2, the reader it replaced, reports for the same markup, in one shape. Consecutive
 * text is joined (htmlparser2 also cuts text at entities and stray '<'), and attributes are
 * reduced to those a test compares.
 */
import { Parser } from 'htmlparser2';
import { tokenize, type Attrs } from '../../../lambdas/core/parse/tokenizer.js';

export type Event = ['open', string, Record<string, string>] | ['text', string] | ['close', string];
export type Keep = (attrs: Attrs | Record<string, string>, tag: string) => Record<string, string>;

const KEPT = ['class', 'id', 'rel', 'href', 'lang', 'property', 'name', 'itemprop', 'content', 'datetime', 'type', 'style', 'hidden'] as const;

function pick(a: Attrs | Record<string, string>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of names) {
    const v = (a as Record<string, string | undefined>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** What the parser reads: class, id, style and hidden everywhere, rel on <a> too, the rest on <meta>, <link>, <html>, <time> and <script>. */
export const keptAttrs: Keep = (a, tag) =>
  pick(a, tag === 'meta' || tag === 'link' || tag === 'html' || tag === 'time' || tag === 'script' ? KEPT : tag === 'a' ? ['class', 'id', 'style', 'hidden', 'rel'] : ['class', 'id', 'style', 'hidden']);
/** class and id only. */
export const classAndId: Keep = (a) => pick(a, ['class', 'id']);

function pushText(events: Event[], text: string): void {
  const last = events[events.length - 1];
  if (last && last[0] === 'text') last[1] += text;
  else events.push(['text', text]);
}

export function ours(html: string, keep: Keep = keptAttrs): Event[] {
  const events: Event[] = [];
  tokenize(html, { open: (n, a) => events.push(['open', n, keep(a, n)]), text: (t) => pushText(events, t), close: (n) => events.push(['close', n]) });
  return events;
}

export function reference(html: string, keep: Keep = keptAttrs): Event[] {
  const events: Event[] = [];
  const p = new Parser(
    { onopentag: (n, a) => events.push(['open', n, keep(a, n)]), ontext: (t) => pushText(events, t), onclosetag: (n) => events.push(['close', n]) },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  p.write(html);
  p.end();
  return events;
}
