/**
 * Faster forms of readable patterns, derived when a module loads so that a rule is written
 * once. irregexp runs a pattern markedly faster without the i flag; without the u flag, i
 * folds ASCII letters only (ECMAScript's Canonicalize never maps a non-ASCII character to an
 * ASCII one), so spelling every ASCII letter in both cases is the same pattern.
 */

const isAsciiLetter = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const both = (c: string) => `${c.toLowerCase()}${c.toUpperCase()}`;

/**
 * `re` (flags i, and optionally g/y; not u or v) as a pattern without the i flag that matches
 * exactly the same strings at the same places: `/copyright/i` → `/[cC][oO][pP]…/`. Throws on
 * the constructs it does not rewrite (escapes naming characters by code, backreferences,
 * named groups, ranges and negation in a class, non-ASCII cased letters, which i also folds)
 * rather than return a pattern that differs.
 */
export function withoutIgnoreCase(re: RegExp): RegExp {
  if (!re.flags.includes('i') || /[uv]/.test(re.flags)) throw new Error(`withoutIgnoreCase: /${re.source}/${re.flags} needs the i flag and no u/v flag`);
  const src = re.source;
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      // Stryker disable next-line StringLiteral: a RegExp's source never ends in a lone backslash.
      const e = src[i + 1] ?? '';
      // \s \S \d \D \w \W \b \B and escaped punctuation mean the same under i; \w and \b only
      // see ASCII letters of both cases anyway. Anything naming a character by code does not.
      if (!/[sSdDwWbB\\\-.*+?^$()[\]{}|/]/.test(e)) throw new Error(`withoutIgnoreCase: cannot rewrite \\${e} in /${src}/`);
      out += c + e;
      i++;
    } else if (!isAsciiLetter(c) && c.toLowerCase() !== c.toUpperCase()) {
      throw new Error(`withoutIgnoreCase: cannot rewrite the non-ASCII cased letter ${c} in /${src}/`);
    } else if (inClass) {
      if (c === ']') inClass = false;
      else if (c === '-' && src[i - 1] !== '[' && src[i + 1] !== ']') throw new Error(`withoutIgnoreCase: cannot rewrite a range in /${src}/`);
      out += isAsciiLetter(c) ? both(c) : c;
    } else if (c === '[') {
      inClass = true;
      out += c;
      if (src[i + 1] === '^') throw new Error(`withoutIgnoreCase: cannot rewrite a negated class in /${src}/`);
    } else if (c === '(' && src[i + 1] === '?') {
      // (?: (?= (?! (?<= (?<! — a named group (?<name> would have its name rewritten.
      if (src[i + 2] === '<' && isAsciiLetter(src[i + 3] ?? '')) throw new Error(`withoutIgnoreCase: cannot rewrite a named group in /${src}/`);
      out += c;
    } else out += isAsciiLetter(c) ? `[${both(c)}]` : c;
  }
  return new RegExp(out, re.flags.replace('i', ''));
}

/**
 * The characters a match of an anchored pattern (`^…`) can start with, read off its source:
 * a first-character prefilter derived from the pattern itself cannot fall behind it when a
 * label is added. Optional leading parts (`x?`, `(?:…)?`, `[…]?`, `\s*`) add their characters
 * and the next part's; `\s` adds none (callers ask about letters, digits and Han only). Throws
 * when the start is not literal enough to tell (`.`, `\w`, `\d`, ranges, lookarounds…).
 */
export function startChars(re: RegExp): Set<number> {
  const src = re.source;
  const out = new Set<number>();
  const fail = (why: string): never => {
    throw new Error(`startChars: cannot tell how /${src}/ starts (${why})`);
  };
  if (src[0] !== '^') fail('not anchored with ^');
  const add = (c: string) => {
    out.add(c.charCodeAt(0));
    if (re.flags.includes('i') && isAsciiLetter(c)) out.add((c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()).charCodeAt(0));
  };
  /** Index just past the class or escape at i (src[i] is '[' or '\\'), anything else: i + 1. */
  const skipAtom = (i: number): number => {
    if (src[i] === '\\') return i + 2;
    if (src[i] !== '[') return i + 1;
    let k = i + 1;
    while (k < src.length && src[k] !== ']') k += src[k] === '\\' ? 2 : 1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: a RegExp's source closes its classes.
    if (k >= src.length) fail('an unclosed class');
    return k + 1;
  };
  /** The alternatives of src[from, to) at depth 0, as [start, end) pairs. */
  const alternatives = (from: number, to: number): Array<[number, number]> => {
    const alts: Array<[number, number]> = [];
    let depth = 0;
    let start = from;
    // Stryker disable next-line EqualityOperator: src[to] is the group's ')', which changes nothing here.
    for (let k = from; k < to; ) {
      const c = src[k];
      if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (c === '|' && depth === 0) {
        alts.push([start, k]);
        start = k + 1;
      }
      k = skipAtom(k);
    }
    alts.push([start, to]);
    return alts;
  };
  /** Index just past the group opened at i. */
  const groupEnd = (i: number): number => {
    let depth = 0;
    // Stryker disable next-line EqualityOperator: a RegExp's source closes its groups, so the loop returns before the end.
    for (let k = i; k < src.length; ) {
      if (src[k] === '(') depth++;
      else if (src[k] === ')' && --depth === 0) return k + 1;
      k = skipAtom(k);
    }
    // Stryker disable next-line StringLiteral: not reached (see above).
    return fail('an unclosed group');
  };
  /** [index past the quantifier at i, whether it lets the part before it match nothing]. */
  const quantifier = (i: number): [number, boolean] => {
    const q = src[i];
    let end = i;
    let zero = false;
    if (q === '?' || q === '*') {
      zero = true;
      end = i + 1;
    } else if (q === '+') end = i + 1;
    else if (q === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(src.slice(i));
      if (!m) return fail('a stray brace');
      zero = Number(m[1]) === 0;
      end = i + m[0].length;
    }
    if (end > i && src[end] === '?') end++; // lazy
    return [end, zero];
  };
  /** Adds the first characters of the sequence src[from, to); true when it can match nothing. */
  const sequence = (from: number, to: number): boolean => {
    for (let i = from; i < to; ) {
      const c = src[i]!;
      let end: number;
      let empty = false;
      if (c === '(') {
        if (src.slice(i, i + 3) !== '(?:') fail('a group other than (?:…)');
        end = groupEnd(i);
        for (const [a, b] of alternatives(i + 3, end - 1)) if (sequence(a, b)) empty = true;
      } else if (c === '[') {
        if (src[i + 1] === '^') fail('a negated class');
        end = skipAtom(i);
        for (let k = i + 1; k < end - 1; k++) {
          if (src[k] === '\\') {
            if (src[k + 1] !== 's') fail(`\\${src[k + 1]} in a class`);
            k++;
          } else if (src[k] === '-' && k > i + 1 && k < end - 2) fail('a range');
          else add(src[k]!);
        }
      } else if (c === '\\') {
        // Stryker disable next-line StringLiteral: a RegExp's source never ends in a lone backslash.
        const e = src[i + 1] ?? '';
        if (e !== 's' && !/[\\\-.*+?^$()[\]{}|/]/.test(e)) fail(`\\${e}`);
        if (e !== 's') add(e);
        end = i + 2;
      } else if (/[.^$|)*+?{}]/.test(c)) return fail(`'${c}'`);
      else {
        add(c);
        end = i + 1;
      }
      const [next, zero] = quantifier(end);
      if (!zero && !empty) return false;
      i = next;
    }
    return true;
  };
  if (sequence(1, src.length)) fail('it can match the empty string');
  return out;
}

/** Alternatives as a pattern source: each escaped as a literal, joined with |. */
export function alternation(words: readonly string[]): string {
  return words.map((w) => w.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|');
}
